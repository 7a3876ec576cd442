import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fakeConnector, say, startBotProcess, type BotProcess, type FakeConnector } from '../../scripts/botProcesses.js';
import { ELIGIBILITY_CHECK } from '../../scripts/scenarios.js';
import { startAzurite, type RunningAzurite } from '../helpers/azurite.js';
import { PROJECT_ROOT } from '../helpers/offers.js';

/** `npm run start:cluster` as a process: refused without a shared store; with one, several processes on one port. */
let azurite: RunningAzurite;
let connector: FakeConnector;

beforeAll(async () => {
  [azurite, connector] = await Promise.all([startAzurite(), fakeConnector()]);
}, 30000);

afterAll(async () => {
  await connector?.close();
  await azurite?.stop();
});

const baseEnv = async () => ({ PATH: process.env.PATH ?? '', STATE_DIR: await mkdtemp(path.join(tmpdir(), 'cluster-')), BOT_NOW: '2026-07-05T12:00:00+11:00' });

function runCluster(env: Record<string, string>) {
  return spawnSync(process.execPath, ['dist/bot/cluster.js'], { cwd: PROJECT_ROOT, env: { PORT: '0', ...env }, encoding: 'utf8', timeout: 15000 });
}

/** /healthz on a connection of its own: which process answered. */
function healthProcess(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(`${url}/healthz`, { agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve((JSON.parse(body) as { process: number }).process));
    })
      .on('error', reject)
      .end();
  });
}

describe('npm run start:cluster', () => {
  it('refuses without a shared store, and says why', async () => {
    const run = runCluster(await baseEnv());
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The bot did not start.');
    expect(run.stderr).toContain('AZURE_STORAGE_CONNECTION_STRING');
  });

  it('refuses the embedded Web Chat channel, whose conversations live in one process', async () => {
    const run = runCluster({ ...(await baseEnv()), AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/DIRECTLINE_SECRET[\s\S]*npm start/);
  });

  it('runs WEB_CONCURRENCY processes on one port; a conversation spread over them keeps every answer', async () => {
    const cluster: BotProcess = await startBotProcess(
      { ...(await baseEnv()), AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, DIRECTLINE_SECRET: 'not-used-here', WEB_CONCURRENCY: '2' },
      path.join(PROJECT_ROOT, 'dist/bot/cluster.js'),
    );
    try {
      // Both workers listening: each logs it.
      for (let i = 0; i < 100 && (cluster.output().match(/"bot listening"/g) ?? []).length < 2; i++) await new Promise((r) => setTimeout(r, 100));
      const pids = new Set<number>();
      for (let i = 0; i < 20 && pids.size < 2; i++) pids.add(await healthProcess(cluster.url));
      expect(pids.size).toBe(2);
      expect(pids.has(cluster.child.pid ?? -1)).toBe(false);

      for (const [n, [text, expected]] of ELIGIBILITY_CHECK.entries()) {
        expect(await say(cluster.url, connector, 'cluster-conv', 'cluster-user', text, `t${n}`)).toMatch(expected);
      }
    } finally {
      await cluster.stop();
    }
    expect(cluster.child.exitCode).toBe(0);
  }, 60000);
});
