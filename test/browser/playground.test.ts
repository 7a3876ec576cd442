import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startApp } from '../../bot/app.js';
import { MemoryLogger } from '../../bot/logger.js';
import { fixedClock } from '../../data/clock.js';
import { noumeaNoon } from '../helpers/offers.js';
import { testConfig } from '../helpers/servers.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/browser.js';

/** The Teams channel as the Microsoft 365 Agents Playground emulates it, in a real browser. */
let browser: Browser;
let app: Awaited<ReturnType<typeof startApp>>;
let playground: ChildProcess;
let playgroundUrl: string;

beforeAll(async () => {
  app = await startApp(await testConfig(), { clock: fixedClock(noumeaNoon('2026-07-05')), logger: new MemoryLogger() });
  const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
  const port = 50000 + Math.floor(Math.random() * 10000);
  playground = spawn(process.execPath, [cli, '-e', `${app.url}/api/messages`, '-c', 'msteams', '-p', String(port), '--disable-telemetry'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  playgroundUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Playground did not start: ${output}`)), 20000);
    playground.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Listening on (\d+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(`http://localhost:${listening[1]}`);
      }
    });
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 40000);

afterAll(async () => {
  await browser?.close();
  playground?.kill('SIGTERM');
  await app?.close();
});

describe('the Teams channel in the Agents Playground', () => {
  it('answers "offres informatique" with an offer card', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(playgroundUrl);
    const compose = page.locator('[role=textbox][data-lexical-editor=true]');
    await compose.waitFor({ timeout: 20000 });
    await compose.click();
    await page.keyboard.type('offres informatique');
    await page.keyboard.press('Enter');
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'Concepteur-Développeur' }).first();
    await card.waitFor({ timeout: 20000 });
    expect(await card.innerText()).toContain('3134-26-0975/SR');
    await page.screenshot({ path: 'test-results/playground.png' });
    await page.close();
  }, 60000);
});
