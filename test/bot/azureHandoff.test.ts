import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp } from '../../bot/app.js';
import { MemoryLogger } from '../../bot/logger.js';
import { ManualClock } from '../../data/clock.js';
import { AdminClient, adminEnv } from '../helpers/adminClient.js';
import { startAzurite, type RunningAzurite } from '../helpers/azurite.js';
import { connect } from '../helpers/directLine.js';
import { noumeaNoon } from '../helpers/offers.js';
import { testConfig, waitUntil } from '../helpers/servers.js';

/** A handoff across two instances on one storage account: the user on one, the staff member on the other. */
let azurite: RunningAzurite;
let apps: Array<Awaited<ReturnType<typeof startApp>>> = [];

beforeAll(async () => {
  azurite = await startAzurite();
  const env = { ...(await adminEnv()), AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString };
  const clock = new ManualClock(noumeaNoon('2026-07-06')); // a Monday, noon in Nouméa
  apps = [await startApp(await testConfig(env), { clock, logger: new MemoryLogger() }), await startApp(await testConfig(env), { clock, logger: new MemoryLogger() })];
}, 60000);

afterAll(async () => {
  for (const app of apps) await app.close();
  await azurite?.stop();
});

const texts = (activities: Array<{ text?: string }>) => activities.map((a) => a.text ?? '').join('\n');

describe('the handoff on several instances', () => {
  it('staff signed in on one instance take, answer and read a user served by the other', async () => {
    const [staffSide, userSide] = apps as [(typeof apps)[number], (typeof apps)[number]];
    const staff = new AdminClient(staffSide.url);
    await staff.login();
    await staff.get('/admin/queue');
    // Presence is written in the background: wait until the other instance sees someone on duty.
    const user = await connect(userSide.url);
    await user.start();
    await user.untilBotSays();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await user.send({ type: 'message', from: { id: 'user-azure' }, text: 'je veux parler à un conseiller', locale: 'fr-FR' });
    expect(texts(await user.untilBotSays())).toMatch(/Je transmets votre demande/);

    const request = await waitUntil(async () => {
      const page = await (await staff.get('/admin/queue')).text();
      return /handoff\?id=([\w-]+)/.exec(page)?.[1];
    });
    const page = await (await staff.get(`/admin/handoff?id=${request}`)).text();
    await staff.post('/admin/handoff/take', { csrf: AdminClient.csrfOf(page), id: request, name: 'Marie' });
    await staff.post('/admin/handoff/answer', { csrf: AdminClient.csrfOf(page), id: request, name: 'Marie', text: 'Bonjour, je regarde.' });
    const received = texts(await waitUntil(async () => {
      const all = await user.untilBotSays();
      return texts(all).includes('je regarde') ? all : undefined;
    }, 10000));
    expect(received).toMatch(/\*\*Marie\*\* \(équipe d’assistance\) : Bonjour, je regarde\./);

    // The user's reply, through the other instance, reaches the staff page.
    await user.send({ type: 'message', from: { id: 'user-azure' }, text: 'Merci beaucoup', locale: 'fr-FR' });
    await waitUntil(async () => ((await (await staff.get(`/admin/handoff?id=${request}`)).text()).includes('Merci beaucoup') ? true : undefined), 10000);
  }, 60000);
});
