import { afterEach, describe, expect, it } from '@jest/globals';
import { startApp } from '../../bot/app.js';
import { MemoryLogger } from '../../bot/logger.js';
import { ManualClock } from '../../data/clock.js';
import { AdminClient, adminEnv, STAFF } from '../helpers/adminClient.js';
import { connect } from '../helpers/directLine.js';
import { noumeaNoon } from '../helpers/offers.js';
import path from 'node:path';
import { TranscriptFiles } from '../../data/transcripts/transcriptFiles.js';
import { testConfig, waitUntil } from '../helpers/servers.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

async function bot(env: Record<string, string> = {}) {
  const clock = new ManualClock(noumeaNoon('2026-07-05'));
  const app = await startApp(await testConfig({ ...(await adminEnv()), ...env }), { clock, logger: new MemoryLogger() });
  closers.push(() => app.close());
  return { ...app, clock, admin: new AdminClient(app.url) };
}

describe('the review page login', () => {
  it('sends a visitor without a session to the login form, and lets staff in with a signed HttpOnly SameSite cookie', async () => {
    const { admin } = await bot();
    const first = await admin.get('/admin');
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/admin/login');
    const login = await admin.login();
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/admin');
    const setCookie = login.headers.getSetCookie().find((c) => c.startsWith('admin_session='));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const list = await admin.get('/admin');
    expect(list.status).toBe(200);
    expect(list.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await list.text()).toContain('Conversations');
  });

  it('refuses a wrong password, and locks the name after five failures even with the right one', async () => {
    const { admin } = await bot();
    for (let i = 0; i < 5; i++) {
      const wrong = await admin.login(STAFF.name, 'nope');
      expect(wrong.status).toBe(401);
      expect(await wrong.text()).toContain('Identifiant ou mot de passe incorrect');
    }
    const locked = await admin.login();
    expect(locked.status).toBe(429);
    expect(await locked.text()).toMatch(/Trop d’essais infructueux : réessayez dans 15 minute/);
    expect(admin.jar.has('admin_session')).toBe(false);
  });

  it('holds the lockout under 200 wrong passwords sent at once: five are checked, the rest refused', async () => {
    const { admin } = await bot();
    const form = await (await admin.get('/admin/login')).text();
    const csrf = AdminClient.csrfOf(form);
    const statuses = await Promise.all(
      Array.from({ length: 200 }, () => admin.post('/admin/login', { csrf, username: STAFF.name, password: 'guess' }).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(195);
    expect((await admin.login()).status).toBe(429);
  });

  it('takes as long to refuse an unknown name as a wrong password (names cannot be guessed by the time)', async () => {
    const { url } = await bot();
    const timeOf = async (name: string) => {
      const client = new AdminClient(url);
      const form = await (await client.get('/admin/login')).text();
      const started = performance.now();
      const response = await client.post('/admin/login', { csrf: AdminClient.csrfOf(form), username: name, password: 'guess' });
      expect(response.status).toBe(401);
      return performance.now() - started;
    };
    // Two of each: the lockout counts by address too (five at the most).
    const known = (await timeOf(STAFF.name)) + (await timeOf(STAFF.name));
    const unknown = (await timeOf('nobody-1')) + (await timeOf('nobody-2'));
    // The password check (scrypt) is most of the time of a refusal: both pay it.
    expect(unknown).toBeGreaterThan(known * 0.5);
  });

  it('ends the session on the server at logout: the old cookie no longer opens the page', async () => {
    const { admin, url } = await bot();
    await admin.login();
    const cookie = `admin_session=${encodeURIComponent(admin.jar.get('admin_session') ?? '')}`;
    const page = await (await admin.get('/admin')).text();
    await admin.post('/admin/logout', { csrf: AdminClient.csrfOf(page) });
    const replayed = await fetch(`${url}/admin`, { redirect: 'manual', headers: { cookie } });
    expect(replayed.status).toBe(303);
    expect(replayed.headers.get('location')).toBe('/admin/login');
  });

  it.each(['admin_session=%E0%A4%A', 'admin_session=a.b.c', 'admin_session=; admin_login_csrf=%'])('answers a malformed cookie (%s) with the login, never a 500', async (cookie) => {
    const { url } = await bot();
    const response = await fetch(`${url}/admin`, { redirect: 'manual', headers: { cookie } });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/login');
    const login = await fetch(`${url}/admin/login`, { headers: { cookie } });
    expect(login.status).toBe(200);
  });

  it('lets the lockout lapse after 15 minutes', async () => {
    const { admin, clock } = await bot();
    for (let i = 0; i < 5; i++) await admin.login(STAFF.name, 'nope');
    clock.advance(16 * 60_000);
    expect((await admin.login()).status).toBe(303);
  });

  it('an expired session goes back to the login form', async () => {
    const { admin, clock } = await bot({ ADMIN_SESSION_MINUTES: '30' });
    await admin.login();
    expect((await admin.get('/admin')).status).toBe(200);
    clock.advance(31 * 60_000);
    const expired = await admin.get('/admin');
    expect(expired.status).toBe(401);
    expect(await expired.text()).toContain('Votre session a expiré');
  });

  it('a forged or tampered cookie is no session', async () => {
    const { admin } = await bot();
    await admin.login();
    const token = admin.jar.get('admin_session') as string;
    const [payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ user: 'intruder', expires: Date.now() * 2, csrf: 'x' })).toString('base64url');
    admin.jar.set('admin_session', `${forged}.${signature}`);
    expect((await admin.get('/admin')).status).toBe(303);
    admin.jar.set('admin_session', `${payload}.${signature}`);
    expect((await admin.get('/admin')).status).toBe(200);
  });

  it('refuses a form without its CSRF token: login and logout', async () => {
    const { admin } = await bot();
    const noToken = await admin.post('/admin/login', { username: STAFF.name, password: STAFF.password });
    expect(noToken.status).toBe(403);
    await admin.login();
    expect((await admin.post('/admin/logout', {})).status).toBe(403);
    expect((await admin.get('/admin')).status).toBe(200);
    const page = await (await admin.get('/admin')).text();
    const out = await admin.post('/admin/logout', { csrf: AdminClient.csrfOf(page) });
    expect(out.status).toBe(303);
    expect((await admin.get('/admin')).status).toBe(303);
  });

  it('is off, and says how to turn it on, without staff accounts', async () => {
    const app = await startApp(await testConfig(), { clock: new ManualClock(noumeaNoon('2026-07-05')), logger: new MemoryLogger() });
    closers.push(() => app.close());
    const response = await fetch(`${app.url}/admin`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('ADMIN_USERS');
  });
});

describe('the review page at volume', () => {
  it('lists 3,000 conversations from the index, without reading them for each page; an erasure touches only its user\'s', async () => {
    const app = await bot();
    const at = Date.parse('2026-07-01T00:00:00Z');
    for (let c = 0; c < 3000; c++) {
      const base = { channelId: 'webchat', conversation: { id: `c${c}` } };
      await Promise.all([
        app.transcripts.append({ ...base, type: 'message', id: `c${c}-1`, text: 'offres en informatique', from: { id: `u${c % 1500}`, role: 'user' }, timestamp: new Date(at + c * 1000).toISOString() }),
        app.transcripts.append({ ...base, type: 'trace', name: 'JobAssistant.Outcome', value: { intent: 'SearchOffers', outcome: c % 10 === 0 ? 'noResult' : 'answered', language: 'fr' }, timestamp: new Date(at + c * 1000 + 5).toISOString() }),
      ]);
    }
    await app.transcripts.flush();
    await app.admin.login();
    await app.admin.get('/admin');
    const started = performance.now();
    const page = await app.admin.get('/admin?flag=noResult');
    expect(performance.now() - started).toBeLessThan(1000);
    expect((await page.text()).match(/<tr/g)?.length).toBeGreaterThan(300);
    // A user who wrote in two conversations: those two go, and only those.
    const erasing = performance.now();
    expect(await app.transcripts.deleteByUser('webchat', 'u7')).toBe(2);
    expect(performance.now() - erasing).toBeLessThan(500);
    expect((await app.transcripts.summaries()).length).toBe(2998);
  }, 60_000);
});

describe('reviewing a conversation', () => {
  it('lists it with its flags, shows it, and exports it as .transcript and CSV, masked', async () => {
    const { url, admin, transcripts } = await bot();
    const client = await connect(url);
    await client.start();
    await client.untilBotSays();
    await client.send({ type: 'message', from: { id: 'user-1' }, text: 'offres de boulanger à Lifou', locale: 'fr-FR' });
    await client.untilBotSays();
    await client.send({ type: 'message', from: { id: 'user-1' }, text: 'rappelez-moi au 26 79 28', locale: 'fr-FR' });
    await client.untilBotSays();
    await transcripts.flush();
    await admin.login();
    const list = await (await admin.get('/admin?flag=noResult')).text();
    expect(list).toContain('recherche sans résultat');
    const link = /href="(\/admin\/conversation\?[^"]+)"/.exec(list)?.[1]?.replace(/&amp;/g, '&') as string;
    const chat = await (await admin.get(link)).text();
    expect(chat).toContain('offres de boulanger à Lifou');
    expect(chat).toContain('rappelez-moi au [TÉLÉPHONE]');
    expect(chat).not.toContain('26 79 28');
    const exported = await admin.get(link.replace('/admin/conversation', '/admin/export.transcript'));
    expect(exported.headers.get('content-disposition')).toMatch(/attachment; filename="conversation-.*\.transcript"/);
    const activities = (await exported.json()) as Array<{ type: string; text?: string }>;
    expect(Array.isArray(activities)).toBe(true);
    expect(activities.some((a) => a.text === 'rappelez-moi au [TÉLÉPHONE]')).toBe(true);
    expect(JSON.stringify(activities)).not.toContain('26 79 28');
    const csv = await (await admin.get('/admin/export.csv?from=2026-01-01&to=2030-12-31')).text();
    expect(csv).toContain('"rappelez-moi au [TÉLÉPHONE]"');
    const unanswered = await (await admin.get('/admin/unanswered')).text();
    expect(unanswered).toContain('offres de boulanger à Lifou');
  });
});

describe('npm run admin:hash', () => {
  it('prints a salted hash of the password read from standard input, which logs in', async () => {
    const { spawnSync } = await import('node:child_process');
    const { PROJECT_ROOT } = await import('../helpers/offers.js');
    const { verifyPassword } = await import('../../bot/admin/passwords.js');
    const run = (input: string) => spawnSync(process.execPath, ['dist/scripts/adminHash.js'], { cwd: PROJECT_ROOT, input, encoding: 'utf8' });
    const first = run('a long staff password\n');
    const second = run('a long staff password\n');
    expect(first.status).toBe(0);
    const hash = first.stdout.trim();
    expect(hash).toMatch(/^scrypt\$16384\$/);
    // Salted: the same password never gives the same hash.
    expect(second.stdout.trim()).not.toBe(hash);
    expect(await verifyPassword('a long staff password', hash)).toBe(true);
    expect(await verifyPassword('another password', hash)).toBe(false);
    expect(run('short\n').status).toBe(1);
  });
});

describe('transcripts on a clean shutdown', () => {
  it('the turns just answered are on disk once the bot has stopped', async () => {
    const app = await startApp(await testConfig(), { clock: new ManualClock(noumeaNoon('2026-07-05')), logger: new MemoryLogger() });
    const client = await connect(app.url);
    await client.start();
    await client.untilBotSays();
    await client.send({ type: 'message', from: { id: 'user-1' }, text: 'offres en informatique', locale: 'fr-FR' });
    await client.untilBotSays();
    // No flush asked: stopping the bot must write what is pending.
    await app.close();
    const [conversation] = await app.transcripts.all();
    const texts = (conversation?.activities ?? []).filter((a) => a.type === 'message').map((a) => a.text ?? '');
    expect(texts).toContain('offres en informatique');
    expect(texts.some((t) => /offres? ouvertes? correspond/.test(t))).toBe(true);
  });
});

describe('transcript retention', () => {
  it('at start-up (and daily), conversations older than TRANSCRIPT_RETENTION_DAYS at the bot clock are deleted', async () => {
    const config = await testConfig({ TRANSCRIPT_RETENTION_DAYS: '90' });
    const files = new TranscriptFiles(path.join(config.stateDir, 'transcripts'));
    const line = (conversation: string, timestamp: string) => ({ type: 'message', channelId: 'webchat', conversation: { id: conversation }, from: { id: 'u', role: 'user' }, text: 'bonjour', timestamp });
    await files.append(line('old', '2026-04-01T00:00:00.000Z'));
    await files.append(line('recent', '2026-06-01T00:00:00.000Z'));
    await files.flush();
    // 5 July 2026: 90 days back is 6 April.
    const app = await startApp(config, { clock: new ManualClock(noumeaNoon('2026-07-05')), logger: new MemoryLogger() });
    closers.push(() => app.close());
    const left = await waitUntil(async () => {
      const ids = (await files.conversationIds()).map((c) => c.conversationId);
      return ids.includes('old') ? undefined : ids;
    });
    expect(left).toEqual(['recent']);
  });
});
