import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { startApp } from '../../bot/app.js';
import { MemoryLogger } from '../../bot/logger.js';
import { fixedClock } from '../../data/clock.js';
import { adminEnv, STAFF } from '../helpers/adminClient.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/browser.js';
import { connect } from '../helpers/directLine.js';
import { noumeaNoon } from '../helpers/offers.js';
import { testConfig } from '../helpers/servers.js';

/**
 * Support staff in a real browser: log in, filter, open a conversation, export it; and a user's
 * `<img onerror>` shown as text, with no script run.
 */
let browser: Browser;
let app: Awaited<ReturnType<typeof startApp>>;
const XSS = '<img src=x onerror=alert(1)> offres de boulanger à Lifou';

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`);
  app = await startApp(await testConfig(await adminEnv()), { clock: fixedClock(noumeaNoon('2026-07-05')), logger: new MemoryLogger() });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  // Two conversations: one that found offers, one whose user typed markup and found nothing.
  for (const text of ['offres en informatique', XSS]) {
    const client = await connect(app.url);
    await client.start();
    await client.untilBotSays();
    await client.send({ type: 'message', from: { id: 'user' }, text, locale: 'fr-FR' });
    await client.untilBotSays();
  }
  await app.transcripts.flush();
}, 60000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the review page in a browser', () => {
  it('logs in, filters, opens a conversation as a chat, exports it; the markup a user typed stays text', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => {
      if (/\/x$/.test(request.url())) problems.push(`image requested: ${request.url()}`);
    });

    await page.goto(`${app.url}/admin`);
    await page.getByLabel('Identifiant').fill(STAFF.name);
    await page.getByLabel('Mot de passe').fill(STAFF.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: /Conversations \(2\)/ }).waitFor();

    await page.getByLabel('Signalement').selectOption('noResult');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByRole('heading', { name: /Conversations \(1\)/ }).waitFor();
    await page.getByRole('link', { name: 'Ouvrir' }).click();

    // The user's words, as text: the characters are on the page, no <img> element exists.
    await page.getByText('<img src=x onerror=alert(1)> offres de boulanger à Lifou', { exact: true }).waitFor();
    expect(await page.locator('main img').count()).toBe(0);
    // The bot's answer quoted the user too: also as text.
    expect(await page.getByText('Filtres : à Lifou', { exact: false }).count()).toBe(1);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporter (.transcript)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.transcript$/);
    const activities = JSON.parse(await readFile((await download.path()), 'utf8')) as Array<{ type: string; text?: string }>;
    expect(activities.some((a) => a.type === 'message' && a.text === XSS)).toBe(true);

    await page.getByRole('link', { name: 'Questions sans réponse' }).click();
    await page.getByText('offres de boulanger à Lifou', { exact: false }).first().waitFor();
    expect(await page.locator('main img').count()).toBe(0);

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Connexion de l’équipe d’assistance' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  }, 60000);
});
