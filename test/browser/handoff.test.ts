import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startApp } from '../../bot/app.js';
import { MemoryLogger } from '../../bot/logger.js';
import { fixedClock } from '../../data/clock.js';
import { accessibilityViolations } from '../helpers/accessibility.js';
import { adminEnv, STAFF } from '../helpers/adminClient.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/browser.js';
import { noumeaNoon } from '../helpers/offers.js';
import { testConfig } from '../helpers/servers.js';

/**
 * A job seeker in Web Chat asks for a person; a staff member in a second browser page signs in,
 * takes the conversation and answers; each sees the other's words; the staff member ends it and
 * the bot answers again. Then nobody on duty. Every page is checked with axe-core on the way.
 */
let browser: Browser;
let app: Awaited<ReturnType<typeof startApp>>;
// A Monday, noon in Nouméa: within the default support hours.
const MONDAY = noumeaNoon('2026-07-06');

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`);
  app = await startApp(await testConfig(await adminEnv()), { clock: fixedClock(MONDAY), logger: new MemoryLogger() });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 30000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function openChat(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(app.url);
  await page.getByText('Je suis l', { exact: false }).first().waitFor({ timeout: 20000 });
  return page;
}

async function type(page: Page, text: string): Promise<void> {
  const box = page.locator('[data-id="webchat-sendbox-input"]').first();
  await box.fill(text);
  await box.press('Enter');
}

/** The first element with this text (Web Chat repeats a message for screen readers, and typesets apostrophes). */
async function saw(page: Page, text: RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ timeout: 15000 });
}

async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await accessibilityViolations(page);
  expect({ where, violations }).toEqual({ where, violations: [] });
}

describe('the accessibility check', () => {
  it('fails on a page that breaks WCAG (no language, an image without text, low contrast)', async () => {
    const page = await browser.newPage();
    await page.setContent('<html><body><img src="data:,"><p style="color:#bbb;background:#fff">pâle</p></body></html>');
    const ids = (await accessibilityViolations(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'color-contrast']));
    await page.close();
  });
});

describe('the chat page with the keyboard alone', () => {
  it('Tab reaches the message box and the transcript; the arrows and Enter go into a card, Tab to its buttons, Enter works them', async () => {
    const context = await browser.newContext();
    const page = await openChat(context);
    const focused = () =>
      page.evaluate(() => {
        const element = (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null; textContent: string | null; tagName: string } | null } }).document.activeElement;
        return element ? `${element.tagName}:${element.getAttribute('aria-label') ?? element.textContent ?? ''}`.trim() : '';
      });
    const tabUntil = async (wanted: RegExp, limit = 120): Promise<string> => {
      for (let i = 0; i < limit; i += 1) {
        const name = await focused();
        if (wanted.test(name)) return name;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${String(wanted)}`);
    };
    // From the top of the page to the message box; a welcome button by the keyboard.
    await tabUntil(/^INPUT:/);
    await page.keyboard.type('détails 0975');
    await page.keyboard.press('Enter');
    await page.locator('.ac-adaptiveCard').filter({ hasText: 'Activités principales' }).first().waitFor({ timeout: 15000 });
    // Web Chat's transcript is one tab stop: Tab to it, the arrows pick an activity (the card is the
    // last), Enter goes into it, and Tab then moves through its buttons.
    await page.locator('header a').first().focus();
    await tabUntil(/^DIV:(Historique des conversations|Chat history)/);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await tabUntil(/^BUTTON:\s*Date limite\s*$/, 60);
    await page.keyboard.press('Enter');
    await saw(page, /est ouverte jusqu[’']au vendredi 17 juillet 2026 inclus/);
    await context.close();
  }, 60000);
});

describe('a person of the support team takes over a conversation', () => {
  it('in Web Chat and on the review page, each seeing the other’s words; then the bot again; then nobody on duty', async () => {
    const staffContext = await browser.newContext({ bypassCSP: true });
    const staff = await staffContext.newPage();
    const problems: string[] = [];
    staff.on('pageerror', (error) => problems.push(error.message));
    await staff.goto(`${app.url}/admin`);
    await expectAccessible(staff, 'login');
    await staff.getByLabel('Identifiant').fill(STAFF.name);
    await staff.getByLabel('Mot de passe').fill(STAFF.password);
    await staff.getByRole('button', { name: 'Se connecter' }).click();
    await staff.getByRole('heading', { name: /Conversations/ }).waitFor();
    await expectAccessible(staff, 'list');

    const userContext = await browser.newContext({ bypassCSP: true });
    const user = await openChat(userContext);
    // Web Chat warns when it holds a message for the one it replies to: messages written later must reply to nothing.
    const held: string[] = [];
    user.on('console', (message) => {
      if (/Timed out while waiting for activity/.test(message.text())) held.push(message.text());
    });
    await type(user, 'offres en informatique');
    await user.locator('.ac-adaptiveCard').first().waitFor({ timeout: 15000 });
    await type(user, 'je veux parler à un conseiller');
    await saw(user, /Je transmets votre demande/);

    await staff.getByRole('link', { name: 'Demandes d’une personne' }).click();
    await staff.getByRole('heading', { name: /Demandes d’une personne \(1\)/ }).waitFor();
    expect(await staff.getByText('offres en informatique').count()).toBeGreaterThan(0);
    await expectAccessible(staff, 'queue');
    await staff.getByRole('link', { name: /Ouvrir/ }).click();
    await staff.getByLabel('Prénom affiché à l’usager').fill('Marie');
    await staff.getByRole('button', { name: 'Prendre la demande' }).click();
    await saw(user, /Marie, de l[’']équipe d[’']assistance, prend votre demande/);

    // The answer, with the keyboard alone: Tab to the answer box, type, Tab to "Envoyer", Enter.
    for (let i = 0; i < 30 && !(await staff.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id === 'answer')); i += 1) await staff.keyboard.press('Tab');
    await staff.keyboard.type('Bonjour, je regarde votre dossier.');
    await staff.keyboard.press('Tab');
    await staff.keyboard.press('Enter');
    await saw(user, /je regarde votre dossier/);
    expect(await user.getByText('Marie', { exact: false }).count()).toBeGreaterThan(0);
    expect(held).toEqual([]);

    // The user's reply reaches the staff page without a reload.
    await type(user, "Merci, j'attends <b>vite</b>");
    await staff.locator('#messages').getByText("Merci, j'attends <b>vite</b>", { exact: true }).waitFor({ timeout: 15000 });
    expect(await staff.locator('#messages b').count()).toBe(0);
    await expectAccessible(staff, 'handoff page');
    await expectAccessible(user, 'chat during the handoff');

    await staff.getByRole('button', { name: 'Terminer la conversation' }).click();
    await saw(user, /de nouveau l[’']assistant automatique/);
    await type(user, 'détails 0975');
    await user.locator('.ac-adaptiveCard').filter({ hasText: 'Activités principales' }).first().waitFor({ timeout: 15000 });
    await expectAccessible(user, 'chat with an offer card');
    for (const answer of ['suis-je éligible à la 0975 ?', 'Fonctionnaire']) {
      await type(user, answer);
      await user.waitForTimeout(800);
    }
    await type(user, 'Ingénieur');
    await saw(user, /Vous pouvez postuler, par une autre voie/);
    await expectAccessible(user, 'chat with a verdict');

    // The transcript, on the review page: who wrote what, Nouméa time, the bot's markdown as the user saw it.
    await app.transcripts.flush();
    await staff.getByRole('link', { name: 'Conversations' }).click();
    await staff.getByRole('link', { name: 'Ouvrir' }).first().click();
    await staff.getByText('Marie (Équipe d’assistance)').first().waitFor();
    // Dates as staff in Nouméa read them (day/month/year, local time), not the stored UTC.
    expect(await staff.locator('main').innerText()).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(await staff.locator('main').innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/);
    expect(await staff.locator('main').innerText()).not.toContain('**');
    await expectAccessible(staff, 'conversation');
    expect(problems).toEqual([]);

    // Nobody on duty once the staff member has signed out.
    await staff.getByRole('button', { name: 'Se déconnecter' }).click();
    const other = await openChat(userContext);
    await type(other, 'je veux parler à une personne');
    await saw(other, /Personne de l[’']équipe d[’']assistance n[’']est disponible/);
    await type(other, 'Rappelez-moi au 77 12 34 svp');
    await saw(other, /Votre message est transmis/);
    const left = app.handoffs.all().find((h) => h.status === 'message');
    expect(left?.messages.at(-1)?.text).not.toContain('77 12 34');
    await expectAccessible(other, 'chat after a message for support');
    // The page's language follows the one chosen.
    const english = await userContext.newPage();
    await english.goto(`${app.url}/?lang=en`);
    await english.getByText('Hello! I am the job assistant', { exact: false }).first().waitFor({ timeout: 20000 });
    expect(await english.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang)).toBe('en');
    await expectAccessible(english, 'chat in English');
  }, 120000);
});
