import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp } from '../../bot/app.js';
import { MemoryLogger } from '../../bot/logger.js';
import { ManualClock } from '../../data/clock.js';
import { AdminClient, adminEnv, STAFF } from '../helpers/adminClient.js';
import { startAzurite, type RunningAzurite } from '../helpers/azurite.js';
import { noumeaNoon } from '../helpers/offers.js';
import { testConfig } from '../helpers/servers.js';

/** Two bot processes' worth of apps on one storage account: the review page's login holds across them. */
let azurite: RunningAzurite;
let apps: Array<Awaited<ReturnType<typeof startApp>>> = [];

beforeAll(async () => {
  azurite = await startAzurite();
  const env = { ...(await adminEnv()), AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString };
  const clock = new ManualClock(noumeaNoon('2026-07-06'));
  apps = [await startApp(await testConfig(env), { clock, logger: new MemoryLogger() }), await startApp(await testConfig(env), { clock, logger: new MemoryLogger() })];
}, 60000);

afterAll(async () => {
  for (const app of apps) await app.close();
  await azurite?.stop();
});

/** The same browser (cookies) talking to another instance. */
function onInstance(client: AdminClient, url: string): AdminClient {
  const other = new AdminClient(url);
  for (const [k, v] of client.jar) other.jar.set(k, v);
  return other;
}

describe('the review page on several instances', () => {
  it('a logout on one instance holds on the other', async () => {
    const [a, b] = apps as [(typeof apps)[number], (typeof apps)[number]];
    const staff = new AdminClient(a.url);
    await staff.login();
    const onB = onInstance(staff, b.url);
    expect((await onB.get('/admin')).status).toBe(200);
    const page = await (await staff.get('/admin')).text();
    await staff.post('/admin/logout', { csrf: AdminClient.csrfOf(page) });
    // The same session cookie, kept by someone who copied it: refused on the other instance too.
    expect((await onB.get('/admin')).status).toBe(303);
  }, 30000);

  it('wrong passwords sent at once to both instances: at most five are checked in all, the rest refused', async () => {
    const [a, b] = apps as [(typeof apps)[number], (typeof apps)[number]];
    const first = new AdminClient(a.url);
    const form = await (await first.get('/admin/login')).text();
    const csrf = AdminClient.csrfOf(form);
    const second = onInstance(first, b.url);
    const statuses = await Promise.all(
      Array.from({ length: 60 }, (_v, i) => (i % 2 ? second : first).post('/admin/login', { csrf, username: 'someone.else', password: 'guess' }).then((r) => r.status)),
    );
    // A count that lost a race on its second key is counted again: contention errs towards the lockout.
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(60 - checked);
    // Locked on both instances.
    expect((await onInstance(first, b.url).login('someone.else', STAFF.password)).status).toBe(429);
    expect((await onInstance(first, a.url).login('someone.else', STAFF.password)).status).toBe(429);
  }, 60000);
});
