import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startApp } from '../../bot/app.js';
import { MemoryLogger } from '../../bot/logger.js';
import { fixedClock } from '../../data/clock.js';
import { noumeaNoon } from '../helpers/offers.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/browser.js';
import { testConfig } from '../helpers/servers.js';

/**
 * The real Web Chat widget in a real browser (Debian's Chromium), against the bot and its
 * built-in Direct Line channel. A missing browser fails the test: it is installed by .ci/run.
 */

let browser: Browser;
let app: Awaited<ReturnType<typeof startApp>>;
const scriptErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`);
  app = await startApp(await testConfig(), { clock: fixedClock(noumeaNoon('2026-07-05')), logger: new MemoryLogger() });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 30000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function openChat(query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  page.on('pageerror', (error) => scriptErrors.push(error.message));
  page.on('dialog', (dialog) => {
    scriptErrors.push(`dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(`${app.url}/${query}`);
  // Web Chat typesets apostrophes (’): match words around them.
  await page.getByText('Je suis l', { exact: false }).or(page.getByText('Hello! I am the job assistant')).first().waitFor({ timeout: 20000 });
  return page;
}

async function type(page: Page, text: string): Promise<void> {
  const box = page.locator('input[data-id="webchat-sendbox-input"], textarea[data-id="webchat-sendbox-input"]').first();
  await box.fill(text);
  await box.press('Enter');
}

describe('Web Chat in a browser', () => {
  it('finds offers and shows a whole posting', async () => {
    const page = await openChat();
    await type(page, 'offres en informatique');
    await page.locator('.ac-adaptiveCard').filter({ hasText: 'Concepteur-Développeur' }).first().waitFor({ timeout: 15000 });
    expect(await page.getByText('offres ouvertes correspondent', { exact: false }).count()).toBeGreaterThan(0);

    await type(page, 'details 0966');
    const full = page.locator('.ac-adaptiveCard').filter({ hasText: 'Activités principales' }).filter({ hasText: '3134-25-0966/SR' });
    await full.first().waitFor({ timeout: 15000 });
    const text = await full.first().innerText();
    expect(text).toContain('Définit la conception technique');
    expect(text).toContain('au moins égale à 5 ans');
    await page.screenshot({ path: 'test-results/webchat.png' });
    await page.close();
  }, 60000);

  it('answers a tapped card button', async () => {
    const page = await openChat('?lang=en');
    await type(page, 'details 1010');
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: '3134-26-1010/SR' }).first();
    await card.waitFor({ timeout: 15000 });
    await card.getByRole('button', { name: 'Deadline' }).click();
    await page.getByText('Friday 24 July 2026', { exact: false }).first().waitFor({ timeout: 15000 });
    await page.close();
  }, 60000);

  it('opens on an offer from its public address', async () => {
    const page = await openChat('offres/3134-26-1010-SR');
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'Activités principales' }).filter({ hasText: '3134-26-1010/SR' });
    await card.first().waitFor({ timeout: 15000 });
    await page.close();
  }, 60000);

  it('shows what a user typed as text: markup never runs', async () => {
    const page = await openChat();
    const attack = '<img src=x onerror=alert(1)> offres';
    await type(page, attack);
    await page.getByText('Aucune offre ouverte', { exact: false }).or(page.getByText('correspond', { exact: false })).first().waitFor({ timeout: 15000 });
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(scriptErrors).toEqual([]);
    await page.close();
  }, 60000);
});
