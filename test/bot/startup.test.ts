import { describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bot/config.js';
import { PROJECT_ROOT, SAMPLE_OFFERS_FILE } from '../helpers/offers.js';
import { waitUntil } from '../helpers/servers.js';

/** Runs the built bot as `npm start` does (the test script builds first). */
function startBot(env: Record<string, string>) {
  return spawnSync(process.execPath, ['dist/bot/index.js'], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 15000,
  });
}

describe('start-up', () => {
  it('starts with the good offers when some are invalid, and names each bad offer and field in the log and /healthz', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bad-offers-'));
    const file = path.join(dir, 'offers.json');
    const data = JSON.parse(await readFile(SAMPLE_OFFERS_FILE, 'utf8')) as { offers: Array<Record<string, unknown>> };
    data.offers[0] = { ...data.offers[0], deadline: '18/07/2025' };
    data.offers[3] = { ...data.offers[3], employer: '' };
    await writeFile(file, JSON.stringify(data));
    const bot = spawn(process.execPath, ['dist/bot/index.js'], { cwd: PROJECT_ROOT, env: { PATH: process.env.PATH ?? '', PORT: '0', OFFERS_FILE: file, STATE_DIR: dir } });
    let out = '';
    bot.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    bot.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    try {
      const url = await waitUntil(async () => /"url":"(http:[^"]+)"/.exec(out)?.[1], 15000);
      const health = (await (await fetch(`${url}/healthz`)).json()) as { offers: number; setAside: Array<{ offer: string; problems: Array<{ field: string }> }> };
      expect(health.offers).toBe(19);
      expect(health.setAside.map((s) => `${s.offer} ${[...new Set(s.problems.map((p) => p.field))].join()}`)).toEqual([
        `${String(data.offers[0]?.reference)} deadline`,
        `${String(data.offers[3]?.reference)} employer`,
      ]);
      expect(out).toContain(`"message":"offer set aside until corrected","offer":"${String(data.offers[0]?.reference)}"`);
    } finally {
      bot.kill();
    }
  });

  it.each(['null', '', '{"offres": []}'])('refuses to start on an offers file that holds no offers file (%j)', async (content) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bad-offers-'));
    const file = path.join(dir, 'offers.json');
    await writeFile(file, content);
    const run = startBot({ OFFERS_FILE: file, STATE_DIR: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The bot did not start.');
    expect(run.stderr).toMatch(/offers\.json: 1 problem/);
  });

  it('refuses to start on a malformed eligibility rules file, naming the rule and field', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bad-rules-'));
    const file = path.join(dir, 'eligibility-rules.json');
    const rules = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'data', 'eligibility-rules.json'), 'utf8')) as { rules: Record<string, Record<string, unknown>> };
    delete rules.rules.residenceShort?.fr;
    await writeFile(file, JSON.stringify(rules));
    const run = startBot({ ELIGIBILITY_RULES_FILE: file, STATE_DIR: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The bot did not start.');
    expect(run.stderr).toContain('rules.residenceShort.fr');
  });

  it('refuses to start on invalid configuration, saying which setting', () => {
    const run = startBot({ PORT: 'eighty', STATE_DIR: tmpdir() });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('PORT');
    expect(() => loadConfig({ BOT_NOW: 'demain' })).toThrow(/BOT_NOW/);
    expect(() => loadConfig({ BOT_CLOCK_START: '15/02/2025' })).toThrow(/BOT_CLOCK_START/);
    expect(() => loadConfig({ BOT_NOW: '2026-07-05T12:00:00+11:00', BOT_CLOCK_START: '2025-02-15T09:00:00+11:00' })).toThrow(/not both/);
    // The review page's accounts: a hash from npm run admin:hash, and a session key with them.
    expect(() => loadConfig({ ADMIN_USERS: 'agent:plain-password' })).toThrow(/ADMIN_USERS: "agent" needs name:hash/);
    expect(() => loadConfig({ ADMIN_USERS: 'agent:scrypt$16384$c2FsdA$aGFzaA' })).toThrow(/ADMIN_SESSION_SECRET: required with ADMIN_USERS/);
    expect(() => loadConfig({ ADMIN_USERS: 'agent:scrypt$16384$c2FsdA$aGFzaA', ADMIN_SESSION_SECRET: 'short' })).toThrow(/ADMIN_SESSION_SECRET/);
  });

  it('reads its embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.offersFile).toBe(path.resolve('data/offers.json'));
    expect(config.directLine.secret).toBeUndefined();
    expect(config.clock).toEqual({ kind: 'real' });
    expect(loadConfig({ BOT_NOW: '2026-07-05T12:00:00+11:00' }).clock).toEqual({ kind: 'fixed', at: new Date('2026-07-05T01:00:00.000Z') });
    expect(loadConfig({ BOT_CLOCK_START: '2025-02-15T09:00:00+11:00' }).clock).toEqual({ kind: 'running', from: new Date('2025-02-14T22:00:00.000Z') });
  });
});
