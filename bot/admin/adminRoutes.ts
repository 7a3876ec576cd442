import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { Clock } from '../../data/clock.js';
import { filterLines, FLAGS, inDateRange, review, summarise, transcriptCsv, unansweredQuestions, type Flag, type ReviewFilter } from '../../data/transcripts/conversationReview.js';
import type { StoredConversation } from '../../data/transcripts/transcriptFiles.js';
import type { TranscriptArchive } from '../../data/transcripts/transcriptArchive.js';
import type { Logger } from '../logger.js';
import { projectRoot } from '../paths.js';
import { fill } from '../../data/text/fill.js';
import type { HandoffStore } from '../../data/handoff/handoffStore.js';
import type { Presence } from '../../data/handoff/staffPresence.js';
import type { HandoffDesk } from '../handoff/handoffDesk.js';
import { conversationPage, formatNoumea, listPage, loginPage, messagePage, unansweredPage } from './adminPages.js';
import { handoffPage, queuePage } from './handoffPages.js';
import { adminText as T } from './adminText.js';
import { MemoryStaffGuard, type StaffGuard } from './staffGuard.js';
import { verifyPassword, verifyUnknownUser } from './passwords.js';
import { cookies, randomToken, sameToken, SessionSigner, type Session } from './sessions.js';

export interface AdminOptions {
  files: TranscriptArchive;
  /** Staff accounts: name → salted password hash. Empty: the page is off. */
  accounts: ReadonlyMap<string, string>;
  sessionSecret?: string;
  sessionMinutes: number;
  /** Cookies marked Secure when the bot is served over HTTPS. */
  secureCookies: boolean;
  clock: Clock;
  logger: Logger;
  /** Lockout counters and ended sessions; default: this process's memory (one instance). */
  guard?: StaffGuard;
  /** The handoff queue and what staff do with it; absent: no queue on the page. */
  support?: { store: HandoffStore; presence: Presence; desk: HandoffDesk };
}

const SESSION_COOKIE = 'admin_session';
const LOGIN_COOKIE = 'admin_login_csrf';
/** No script may run on these pages, whatever a transcript holds. */
const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

type Handler = (req: Request, res: Response, session: Session) => Promise<void>;

/** The live conversation page runs one script, served from here: nothing from elsewhere. */
const LIVE_PAGE_HEADERS = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};
/** How often the live page's event stream looks for new messages. */
const LIVE_POLL_MS = 1000;

/**
 * The support staff's review page at /admin, on the bot's own server: a login (accounts from
 * configuration, salted hashes, lockout), a signed HttpOnly SameSite session cookie, a CSRF token
 * on every form; the conversation list with filters, one conversation as a chat, the unanswered
 * questions, and exports (.transcript, the Bot Framework Emulator's format, and CSV).
 */
export function registerAdmin(server: Server, options: AdminOptions): void {
  const enabled = options.accounts.size > 0 && !!options.sessionSecret;
  const signer = new SessionSigner(options.sessionSecret ?? 'off');
  const guard = options.guard ?? new MemoryStaffGuard(() => options.clock.now().getTime());
  const cookie = (name: string, value: string, maxAgeSeconds: number) =>
    `${name}=${encodeURIComponent(value)}; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${options.secureCookies ? '; Secure' : ''}`;

  const html = (res: Response, status: number, body: string, headers: Record<string, string | string[]> = {}) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  };
  const redirect = (res: Response, to: string, headers: Record<string, string | string[]> = {}) => {
    res.writeHead(303, { ...SECURITY_HEADERS, Location: to, ...headers });
    res.end();
  };

  const showLogin = (res: Response, status: number, message?: string) => {
    const csrf = randomToken();
    html(res, status, loginPage(csrf, message), { 'Set-Cookie': cookie(LOGIN_COOKIE, csrf, 3600) });
  };

  /** Pages behind the login: no session, or an expired one, goes to the login form. */
  const guarded = (handler: Handler) => async (req: Request, res: Response) => {
    if (!enabled) return html(res, 503, messagePage(T.disabled));
    const session = signer.verify(cookies(req.headers.cookie)[SESSION_COOKIE], options.clock.now().getTime());
    if (session === 'expired') return showLogin(res, 401, T.expired);
    if (!session || (await guard.isEnded(session))) return redirect(res, '/admin/login');
    if (req.method === 'POST' && !sameToken(formField(req, 'csrf'), session.csrf)) {
      options.logger.warn('admin form refused: CSRF token missing or wrong', { user: session.user, path: req.path() });
      return html(res, 403, messagePage(T.forbidden));
    }
    // A staff member on the page is signed in for the handoff queue.
    options.support?.presence.mark(session.user, options.clock.now());
    await handler(req, res, session);
  };

  server.get('/admin/admin.css', async (_req, res) => {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/css; charset=utf-8' });
    res.end(await readFile(path.join(projectRoot(), 'bot', 'admin', 'admin.css')));
  });

  server.get('/admin/login', async (_req, res) => {
    if (!enabled) return html(res, 503, messagePage(T.disabled));
    showLogin(res, 200);
  });

  server.post('/admin/login', async (req, res) => {
    if (!enabled) return html(res, 503, messagePage(T.disabled));
    if (!sameToken(formField(req, 'csrf'), cookies(req.headers.cookie)[LOGIN_COOKIE])) {
      options.logger.warn('admin login refused: CSRF token missing or wrong', {});
      return html(res, 403, messagePage(T.forbidden));
    }
    const username = formField(req, 'username') ?? '';
    const password = formField(req, 'password') ?? '';
    const keys = [`user:${username.toLowerCase()}`, `ip:${req.socket.remoteAddress ?? ''}`];
    // Counted before the check: parallel guesses cannot slip past the lockout.
    const locked = await guard.begin(...keys);
    if (locked > 0) {
      options.logger.warn('admin login locked', { user: username });
      return showLogin(res, 429, fill(T.locked, { minutes: locked }));
    }
    const hash = options.accounts.get(username);
    const valid = hash ? await verifyPassword(password, hash) : await verifyUnknownUser(password);
    if (!valid) {
      options.logger.warn('admin login failed', { user: username });
      return showLogin(res, 401, T.wrongPassword);
    }
    await guard.succeed(...keys);
    const session: Session = { user: username, expires: options.clock.now().getTime() + options.sessionMinutes * 60_000, csrf: randomToken() };
    options.logger.info('admin login', { user: username });
    redirect(res, '/admin', { 'Set-Cookie': [cookie(SESSION_COOKIE, signer.sign(session), options.sessionMinutes * 60), cookie(LOGIN_COOKIE, '', 0)] });
  });

  server.post(
    '/admin/logout',
    guarded(async (_req, res, session) => {
      // The cookie would stay valid until it expires: the server refuses it from now on.
      await guard.end(session);
      options.support?.presence.leave(session.user);
      redirect(res, '/admin/login', { 'Set-Cookie': cookie(SESSION_COOKIE, '', 0) });
    }),
  );

  server.get(
    '/admin',
    guarded(async (req, res, session) => {
      const filter = filterOf(req);
      // The list comes from the transcripts' index; only a search for words reads the files.
      const summaries = await options.files.summaries();
      const lines = filter.text ? review(await options.files.all(), filter) : filterLines(summaries, filter);
      const channels = [...new Set(summaries.map((c) => c.channelId))].sort();
      html(res, 200, listPage(lines, filter, channels, session.csrf));
    }),
  );

  server.get(
    '/admin/conversation',
    guarded(async (req, res, session) => {
      const { channel, id } = idsOf(req);
      const activities = await options.files.read(channel, id);
      if (activities.length === 0) return html(res, 404, messagePage(T.none));
      html(res, 200, conversationPage(channel, id, activities, session.csrf));
    }),
  );

  if (options.support) registerHandoffRoutes(server, options.support, { guarded, html, redirect, clock: options.clock, logger: options.logger });

  server.get(
    '/admin/unanswered',
    guarded(async (_req, res, session) => html(res, 200, unansweredPage(unansweredQuestions(await options.files.all()), session.csrf))),
  );

  const exported = async (req: Request): Promise<{ conversations: StoredConversation[]; name: string }> => {
    const { channel, id } = idsOf(req);
    if (channel && id) return { conversations: [{ channelId: channel, conversationId: id, activities: await options.files.read(channel, id) }], name: `conversation-${id.replace(/[^\w-]+/g, '_').slice(0, 60)}` };
    const filter = filterOf(req);
    const conversations = (await options.files.all()).filter((c) => inDateRange(summarise(c), filter));
    return { conversations, name: `conversations-${filter.from ?? 'debut'}-${filter.to ?? 'fin'}` };
  };

  /** The Emulator's .transcript (one array of activities), or CSV for a spreadsheet. */
  const formats = {
    transcript: { type: 'application/json; charset=utf-8', body: (c: StoredConversation[]) => JSON.stringify(c.flatMap((x) => x.activities), null, 2) },
    csv: { type: 'text/csv; charset=utf-8', body: (c: StoredConversation[]) => `\ufeff${transcriptCsv(c)}` },
  };
  for (const [extension, format] of Object.entries(formats)) {
    server.get(
      `/admin/export.${extension}`,
      guarded(async (req, res, session) => {
        const { conversations, name } = await exported(req);
        options.logger.info('admin export', { user: session.user, format: extension, conversations: conversations.length });
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': format.type, 'Content-Disposition': `attachment; filename="${name}.${extension}"` });
        res.end(format.body(conversations));
      }),
    );
  }
}

interface RouteKit {
  guarded: (handler: Handler) => (req: Request, res: Response) => Promise<void>;
  html: (res: Response, status: number, body: string, headers?: Record<string, string | string[]>) => void;
  redirect: (res: Response, to: string) => void;
  clock: Clock;
  logger: Logger;
}

/** "marie.dupont" → "Marie": what the take form proposes; the staff member writes the name they want shown. */
function firstNameOf(account: string): string {
  const first = account.split(/[.@_\s-]/)[0] ?? '';
  return first ? `${first[0]?.toUpperCase() ?? ''}${first.slice(1)}` : '';
}

/** The queue, one request's page (live), and the take / answer / end forms. */
function registerHandoffRoutes(server: Server, support: NonNullable<AdminOptions['support']>, kit: RouteKit): void {
  const { guarded, html, redirect } = kit;
  server.get('/admin/handoff.js', async (_req, res) => {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/javascript; charset=utf-8' });
    res.end(await readFile(path.join(projectRoot(), 'bot', 'admin', 'handoff.js')));
  });
  server.get(
    '/admin/queue',
    guarded(async (_req, res, session) => {
      await support.store.refresh?.();
      html(res, 200, queuePage(support.store.all(), kit.clock.now(), session.csrf));
    }),
  );
  const show = async (res: Response, session: Session, id: string, notice?: string) => {
    await support.store.refreshOne?.(id);
    const handoff = support.store.get(id);
    if (!handoff) return html(res, 404, messagePage(T.result_unknown));
    html(res, notice ? 409 : 200, handoffPage(handoff, session.csrf, firstNameOf(session.user), notice), LIVE_PAGE_HEADERS);
  };
  server.get(
    '/admin/handoff',
    guarded(async (req, res, session) => show(res, session, queryField(req, 'id') ?? '')),
  );
  // New messages and the state, as server-sent events: the page's script adds them as text.
  server.get(
    '/admin/handoff/events',
    guarded(async (req, res, session) => {
      const id = queryField(req, 'id') ?? '';
      await support.store.refreshOne?.(id);
      if (!support.store.get(id)) return html(res, 404, messagePage(T.result_unknown));
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
      let sent = '';
      const tick = async () => {
        support.presence.mark(session.user, kit.clock.now());
        // Once a second per open page: that request only, and its body only when it changed.
        await support.store.refreshOne?.(id);
        const handoff = support.store.get(id);
        if (!handoff) return;
        const state = JSON.stringify({ status: handoff.status, statusLabel: T[`status_${handoff.status}`], agent: handoff.agent ?? '', messages: handoff.messages.map((m) => ({ ...m, label: m.from === 'agent' ? `${m.name ?? ''} (${T.agent})` : m.from === 'user' ? T.user_ : T.bot, time: formatNoumea(m.at) })) });
        if (state !== sent) res.write(`data: ${state}\n\n`);
        else res.write(': still here\n\n');
        sent = state;
      };
      await tick();
      const timer = setInterval(() => void tick().catch(() => undefined), LIVE_POLL_MS);
      req.on('close', () => clearInterval(timer));
    }),
  );
  const act = (action: 'take' | 'answer' | 'end') =>
    guarded(async (req, res, session) => {
      const id = formField(req, 'id') ?? '';
      const name = (formField(req, 'name') ?? support.store.get(id)?.agent ?? firstNameOf(session.user)).trim().slice(0, 40) || firstNameOf(session.user);
      const result =
        action === 'take' ? await support.desk.take(id, name) : action === 'answer' ? await support.desk.answer(id, name, formField(req, 'text') ?? '') : await support.desk.end(id);
      kit.logger.info('handoff', { user: session.user, action, handoff: id, result });
      if (result !== 'ok') return show(res, session, id, T[`result_${result}`]);
      redirect(res, `/admin/handoff?id=${encodeURIComponent(id)}`);
    });
  server.post('/admin/handoff/take', act('take'));
  server.post('/admin/handoff/answer', act('answer'));
  server.post('/admin/handoff/end', act('end'));
}

function formField(req: Request, name: string): string | undefined {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

function queryField(req: Request, name: string): string | undefined {
  const value = (req.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 300) : undefined;
}

function idsOf(req: Request): { channel: string; id: string } {
  return { channel: queryField(req, 'channel') ?? '', id: queryField(req, 'id') ?? '' };
}

function filterOf(req: Request): ReviewFilter {
  const day = (value: string | undefined) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
  const flag = queryField(req, 'flag');
  return {
    from: day(queryField(req, 'from')),
    to: day(queryField(req, 'to')),
    channel: queryField(req, 'channel'),
    flag: FLAGS.includes(flag as Flag) ? (flag as Flag) : undefined,
    text: queryField(req, 'q'),
  };
}
