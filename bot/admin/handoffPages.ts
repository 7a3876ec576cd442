import type { Handoff } from '../../data/handoff/handoffRecords.js';
import { fill } from '../../data/text/fill.js';
import { escapeHtml, formatNoumea, page } from './adminPages.js';
import { adminText as T } from './adminText.js';

/** The handoff queue and one request's page: every value escaped, as on the other review pages. */

const minutesSince = (iso: string, now: Date) => Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / 60_000));
const statusLabel = (status: Handoff['status']) => T[`status_${status}`];

export function queuePage(handoffs: readonly Handoff[], now: Date, csrf: string): string {
  const open = handoffs
    .filter((h) => h.status !== 'ended')
    .sort((a, b) => Date.parse(a.requestedAt) - Date.parse(b.requestedAt));
  const rows = open
    .map((h) => {
      const said = h.messages.filter((m) => m.from === 'user').slice(-3).map((m) => `<li>${escapeHtml(m.text)}</li>`).join('');
      const offer = h.offer ? `${escapeHtml(h.offer.reference)} — ${escapeHtml(h.offer.title)}` : '';
      return `<tr><td>${escapeHtml(statusLabel(h.status))}</td><td>${escapeHtml(formatNoumea(h.requestedAt))}</td><td>${escapeHtml(fill(T.minutes, { minutes: minutesSince(h.requestedAt, now) }, 'fr'))}</td><td>${escapeHtml(h.recipient.language)}</td><td>${offer}</td><td><ul class="said">${said}</ul></td><td><a href="/admin/handoff?id=${encodeURIComponent(h.id)}">${T.open}<span class="visually-hidden"> : ${escapeHtml(formatNoumea(h.requestedAt))}</span></a></td></tr>`;
    })
    .join('');
  const table = open.length
    ? `<table><caption>${T.queue}</caption><thead><tr><th scope="col">${T.status}</th><th scope="col">${T.date}</th><th scope="col">${T.waited}</th><th scope="col">${T.language}</th><th scope="col">${T.offer}</th><th scope="col">${T.lastMessages}</th><th scope="col"><span class="visually-hidden">${T.open}</span></th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p>${T.queueEmpty}</p>`;
  return page(T.queue, `<h2>${T.queue} (${open.length})</h2>${table}`, csrf);
}

function messageItem(m: Handoff['messages'][number]): string {
  const who = m.from === 'agent' ? `${escapeHtml(m.name ?? '')} (${T.agent})` : m.from === 'user' ? T.user_ : T.bot;
  return `<li class="${m.from === 'user' ? 'user' : 'bot'}"><span class="who">${who}</span> <span class="time">${escapeHtml(formatNoumea(m.at))}</span><p class="text">${escapeHtml(m.text)}</p></li>`;
}

export function handoffPage(handoff: Handoff, csrf: string, firstName: string, notice?: string): string {
  const id = escapeHtml(handoff.id);
  const hidden = `<input type="hidden" name="csrf" value="${escapeHtml(csrf)}"><input type="hidden" name="id" value="${id}">`;
  const name = `<label>${T.firstName} <input name="name" required maxlength="40" value="${escapeHtml(handoff.agent ?? firstName)}" autocomplete="given-name"></label>`;
  const closed = handoff.status === 'ended';
  const forms = closed
    ? `<p>${escapeHtml(statusLabel(handoff.status))}</p>`
    : `${handoff.status === 'waiting' ? `<form method="post" action="/admin/handoff/take" class="take">${hidden}${name}<button type="submit">${T.take}</button></form>` : ''}
<form method="post" action="/admin/handoff/answer" class="answer">${hidden}${handoff.status === 'waiting' ? '' : name}<label for="answer">${T.answer}</label><textarea id="answer" name="text" rows="4" maxlength="2000" required></textarea><button type="submit">${T.send}</button></form>
<form method="post" action="/admin/handoff/end" class="end">${hidden}<button type="submit">${T.end}</button></form>`;
  const taken = handoff.agent ? ` · ${escapeHtml(fill(T.takenBy, { name: handoff.agent }, 'fr'))}` : '';
  const offer = handoff.offer ? ` · ${T.offer} ${escapeHtml(handoff.offer.reference)}` : '';
  return page(
    T.handoffTitle,
    `<p><a href="/admin/queue">← ${T.queue}</a></p><h2>${T.handoffTitle}</h2>
${notice ? `<p class="notice" role="alert">${escapeHtml(notice)}</p>` : ''}
<p id="handoff-status" data-id="${id}">${escapeHtml(statusLabel(handoff.status))}${taken}${offer} · ${escapeHtml(handoff.recipient.language)}</p>
<p class="small">${T.live}</p>
<ol class="chat" id="messages" aria-live="polite">${handoff.messages.map(messageItem).join('')}</ol>
${forms}
<script src="/admin/handoff.js" defer></script>`,
    csrf,
  );
}
