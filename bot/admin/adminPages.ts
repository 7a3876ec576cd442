import type { ConversationLine, Flag, ReviewFilter, UnansweredQuestion } from '../../data/transcripts/conversationReview.js';
import { FLAGS, outcomeOf } from '../../data/transcripts/conversationReview.js';
import type { LoggedActivity } from '../../data/transcripts/transcriptFiles.js';
import { DateTime } from 'luxon';
import { OFFER_ZONE } from '../../data/offers/openness.js';
import { adminText as T } from './adminText.js';

/**
 * The review page's HTML, built as text with every value escaped: what users typed is shown as
 * text and can never become markup. No script at all: the page works with links and forms.
 */
export function escapeHtml(value: string | number | boolean | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** "01/12/2026 09:05": an instant as the staff in Nouméa read it (stored in UTC). */
export function formatNoumea(iso: string | undefined): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return '';
  return DateTime.fromISO(iso).setZone(OFFER_ZONE).toFormat('dd/LL/yyyy HH:mm');
}

/**
 * The bot's markdown as the user saw it, safely: the text is escaped first, then only **bold**,
 * line breaks and https links (whose address is escaped too) become markup.
 */
export function markdownHtml(text: string | undefined): string {
  return escapeHtml(text)
    .replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]\n]+)\]\((https:\/\/[^\s)"<>]+)\)/g, '<a href="$2">$1</a>')
    .replace(/\r?\n/g, '<br>');
}

export function page(title: string, body: string, csrf?: string): string {
  const logout = csrf
    ? `<form method="post" action="/admin/logout" class="logout"><input type="hidden" name="csrf" value="${escapeHtml(csrf)}"><button type="submit">${T.logout}</button></form>`
    : '';
  const nav = csrf
    ? `<nav aria-label="${T.title}"><a href="/admin">${T.conversations}</a> · <a href="/admin/queue">${T.queue}</a> · <a href="/admin/unanswered">${T.unanswered}</a></nav>`
    : '';
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><link rel="stylesheet" href="/admin/admin.css"></head><body><header><h1>${T.title}</h1>${nav}${logout}</header><main>${body}</main></body></html>`;
}

export function loginPage(csrf: string, message?: string): string {
  const notice = message ? `<p class="notice" role="alert">${escapeHtml(message)}</p>` : '';
  return page(
    T.loginTitle,
    `<h2>${T.loginTitle}</h2>${notice}<form method="post" action="/admin/login" class="login">
<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
<label>${T.user} <input name="username" autocomplete="username" required></label>
<label>${T.password} <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">${T.login}</button></form>`,
  );
}

export function messagePage(message: string): string {
  return page(T.title, `<p class="notice" role="alert">${escapeHtml(message)}</p>`);
}

const flagLabel = (flag: Flag) => T[`flag_${flag}`];

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function listPage(lines: readonly ConversationLine[], filter: ReviewFilter, channels: readonly string[], csrf: string): string {
  const option = (value: string, label: string, selected: boolean) =>
    `<option value="${escapeHtml(value)}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  const form = `<form method="get" action="/admin" class="filters">
<label>${T.from} <input type="date" name="from" value="${escapeHtml(filter.from)}"></label>
<label>${T.to} <input type="date" name="to" value="${escapeHtml(filter.to)}"></label>
<label>${T.channel} <select name="channel">${option('', T.any, !filter.channel)}${channels.map((c) => option(c, c, c === filter.channel)).join('')}</select></label>
<label>${T.flag} <select name="flag">${option('', T.any, !filter.flag)}${FLAGS.map((f) => option(f, flagLabel(f), f === filter.flag)).join('')}</select></label>
<label>${T.search} <input type="search" name="q" value="${escapeHtml(filter.text)}"></label>
<button type="submit">${T.filter}</button></form>`;
  const range = query({ from: filter.from, to: filter.to });
  const exports = `<p class="exports">${T.exportRange} : <a href="/admin/export.transcript${range}">${T.exportTranscript}</a> · <a href="/admin/export.csv${range}">${T.exportCsv}</a></p>`;
  const rows = lines
    .map((line) => {
      const link = `/admin/conversation${query({ channel: line.channelId, id: line.conversationId })}`;
      const flags = line.flags.map((f) => `<span class="flag flag-${f}">${escapeHtml(flagLabel(f))}</span>`).join(' ');
      return `<tr><td>${escapeHtml(formatNoumea(line.startedAt))}</td><td>${escapeHtml(line.channelId)}</td><td>${escapeHtml(line.language)}</td><td>${line.turns}</td><td>${flags}</td><td><a href="${escapeHtml(link)}">${T.open}</a></td></tr>`;
    })
    .join('');
  const table = lines.length
    ? `<table class="conversations"><thead><tr><th>${T.date}</th><th>${T.channel}</th><th>${T.language}</th><th>${T.turns}</th><th>${T.flags}</th><th></th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p>${T.none}</p>`;
  return page(T.conversations, `<h2>${T.conversations} (${lines.length})</h2>${form}${exports}${table}<p class="small">${T.masked}</p>`, csrf);
}

/** What a bot card says, as text: its text blocks and facts. */
function cardSummary(content: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.type === 'TextBlock' && typeof element.text === 'string') parts.push(element.text);
    if (element.type === 'FactSet' && Array.isArray(element.facts)) {
      for (const fact of element.facts as Array<{ title?: string; value?: string }>) parts.push(`${fact.title ?? ''} : ${fact.value ?? ''}`);
    }
    for (const key of ['body', 'items']) if (key in element) walk(element[key]);
  };
  walk(content);
  return parts.slice(0, 8).join('\n');
}

export function conversationPage(channelId: string, conversationId: string, activities: readonly LoggedActivity[], csrf: string): string {
  const ids = query({ channel: channelId, id: conversationId });
  const bubbles = activities
    .map((a) => {
      const time = escapeHtml(formatNoumea(a.timestamp));
      const outcome = outcomeOf(a);
      if (outcome) return `<li class="trace">${time} · ${T.understood} : ${escapeHtml(outcome.intent)} · ${escapeHtml(outcome.outcome)}</li>`;
      if (a.type !== 'message') return '';
      const who = a.from?.role === 'bot' ? 'bot' : 'user';
      // A message a person of the support team wrote in the conversation (handoff), with their first name.
      const agent = (a.channelData as { handoff?: { from?: string; name?: string } } | undefined)?.handoff;
      const label = agent?.from === 'agent' ? `${escapeHtml(agent.name)} (${T.agent})` : who === 'bot' ? T.bot : T.user_;
      const cards = ((a.attachments as Array<{ content?: unknown }> | undefined) ?? [])
        .map((attachment) => `<div class="card"><span class="label">${T.card}</span><p class="text">${markdownHtml(cardSummary(attachment.content))}</p></div>`)
        .join('');
      const actions = ((a.suggestedActions as { actions?: Array<{ title?: string }> } | undefined)?.actions ?? []).map((s) => escapeHtml(s.title)).join(' | ');
      const text = who === 'bot' ? markdownHtml(a.text) : escapeHtml(a.text);
      return `<li class="${who}"><span class="who">${label}</span> <span class="time">${time}</span><p class="text">${text}</p>${cards}${actions ? `<p class="actions">${T.buttons} : ${actions}</p>` : ''}</li>`;
    })
    .join('');
  return page(
    T.title,
    `<p><a href="/admin">${T.back}</a></p><h2>${escapeHtml(channelId)} · ${escapeHtml(conversationId)}</h2>
<p class="exports"><a href="/admin/export.transcript${escapeHtml(ids)}">${T.exportTranscript}</a> · <a href="/admin/export.csv${escapeHtml(ids)}">${T.exportCsv}</a></p>
<ol class="chat">${bubbles}</ol>`,
    csrf,
  );
}

export function unansweredPage(questions: readonly UnansweredQuestion[], csrf: string): string {
  const rows = questions
    .map((q) => `<tr><td>${q.count}</td><td class="text">${escapeHtml(q.text)}</td><td>${escapeHtml(q.outcome === 'fallback' ? T.flag_fallback : T.flag_noResult)}</td><td>${escapeHtml(formatNoumea(q.lastAt).slice(0, 10))}</td></tr>`)
    .join('');
  const table = questions.length
    ? `<table><thead><tr><th>${T.count}</th><th>${T.question}</th><th>${T.kind}</th><th>${T.lastSeen}</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p>${T.noneUnanswered}</p>`;
  return page(T.unanswered, `<h2>${T.unanswered}</h2>${table}`, csrf);
}

