import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { Clock } from '../../data/clock.js';
import { filterLines, FLAGS, inDateRange, review, summarise, transcriptCsv, unansweredQuestions, type Flag, type ReviewFilter } from '../../data/transcripts/conversationReview.js';
import type { StoredConversation, TranscriptFiles } from '../../data/transcripts/transcriptFiles.js';
import type { Logger } from '../logger.js';
import { projectRoot } from '../paths.js';
import { fill } from '../../data/text/fill.js';
import { conversationPage, listPage, loginPage, messagePage, unansweredPage } from './adminPages.js';
import { adminText as T } from './adminText.js';
import { LoginThrottle } from './loginThrottle.js';
import { verifyPassword, verifyUnknownUser } from './passwords.js';
import { cookies, EndedSessions, randomToken, sameToken, SessionSigner, type Session } from './sessions.js';

export interface AdminOptions {
  files: TranscriptFiles;
  /** Staff accounts: name → salted password hash. Empty: the page is off. */
  accounts: ReadonlyMap<string, string>;
  sessionSecret?: string;
  sessionMinutes: number;
  /** Cookies marked Secure when the bot is served over HTTPS. */
  secureCookies: boolean;
  clock: Clock;
  logger: Logger;
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

/**
 * The support staff's review page at /admin, on the bot's own server: a login (accounts from
 * configuration, salted hashes, lockout), a signed HttpOnly SameSite session cookie, a CSRF token
 * on every form; the conversation list with filters, one conversation as a chat, the unanswered
 * questions, and exports (.transcript, the Bot Framework Emulator's format, and CSV).
 */
export function registerAdmin(server: Server, options: AdminOptions): void {
  const enabled = options.accounts.size > 0 && !!options.sessionSecret;
  const signer = new SessionSigner(options.sessionSecret ?? 'off');
  const throttle = new LoginThrottle(() => options.clock.now().getTime());
  const ended = new EndedSessions();
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
    if (!session || ended.has(session)) return redirect(res, '/admin/login');
    if (req.method === 'POST' && !sameToken(formField(req, 'csrf'), session.csrf)) {
      options.logger.warn('admin form refused: CSRF token missing or wrong', { user: session.user, path: req.path() });
      return html(res, 403, messagePage(T.forbidden));
    }
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
    const locked = throttle.begin(...keys);
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
    throttle.succeed(...keys);
    const session: Session = { user: username, expires: options.clock.now().getTime() + options.sessionMinutes * 60_000, csrf: randomToken() };
    options.logger.info('admin login', { user: username });
    redirect(res, '/admin', { 'Set-Cookie': [cookie(SESSION_COOKIE, signer.sign(session), options.sessionMinutes * 60), cookie(LOGIN_COOKIE, '', 0)] });
  });

  server.post(
    '/admin/logout',
    guarded(async (_req, res, session) => {
      // The cookie would stay valid until it expires: the server refuses it from now on.
      ended.end(session, options.clock.now().getTime());
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
