import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BlobServiceClient } from '@azure/storage-blob';
import { startApp } from '../../bot/app.js';
import { MemoryLogger } from '../../bot/logger.js';
import { fixedClock } from '../../data/clock.js';
import { BlobOffersHome } from '../../data/offers/blobOffersHome.js';
import { OffersChangedError } from '../../data/offers/offerStore.js';
import { startAzurite, type RunningAzurite } from '../helpers/azurite.js';
import { noumeaNoon, PROJECT_ROOT, REAL_OFFERS_DIR, SAMPLE_OFFERS_FILE } from '../helpers/offers.js';
import { openDataServer } from '../helpers/openDataServer.js';
import { testConfig, waitUntil } from '../helpers/servers.js';

/** HR's offers in a blob (Azurite, started here), shared by two instances and the command line. */
let azurite: RunningAzurite;
type App = Awaited<ReturnType<typeof startApp>>;
const running: App[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
}, 30000);

afterAll(async () => {
  for (const app of running) await app.close();
  await azurite?.stop();
});

async function instances(container: string, env: Record<string, string> = {}, clockAt = '2026-07-05') {
  const logger = new MemoryLogger();
  const config = await testConfig({ AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_OFFERS_CONTAINER: container, OFFERS_POLL_SECONDS: '0.2', ...env });
  const apps = [await startApp(config, { clock: fixedClock(noumeaNoon(clockAt)), logger }), await startApp(config, { clock: fixedClock(noumeaNoon(clockAt)), logger })];
  running.push(...apps);
  return { apps, logger };
}

/** The HR command line as a process, on the shared offers (no --file). */
function offersCommand(container: string, ...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist/cli/offersCli.js'), ...args], {
      env: { PATH: process.env.PATH ?? '', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_OFFERS_CONTAINER: container, BOT_NOW: '2026-07-05T12:00:00+11:00' },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('the offers in Azure Blob Storage', () => {
  it('made from the offers file on a new account; a change by the command line is live on every instance within seconds', async () => {
    const { apps, logger } = await instances('offers-live');
    expect(logger.entries.filter((e) => e.message === 'offers blob made from the offers file')).toHaveLength(1);
    for (const app of apps) expect(app.catalog.current().offers).toHaveLength(21);
    const sample = JSON.parse(await readFile(SAMPLE_OFFERS_FILE, 'utf8')) as { offers: Array<{ reference: string }> };
    const gone = sample.offers[0]!.reference;

    const removed = await offersCommand('offers-live', 'remove', gone);
    expect(removed.code).toBe(0);
    for (const app of apps) await waitUntil(async () => (app.catalog.current().offers.length === 20 ? true : undefined), 5000);
    expect(apps[1]!.catalog.current().findByReference(gone)).toBeUndefined();
    const history = await offersCommand('offers-live', 'history', '--lang', 'en');
    expect(history.out).toContain(gone);
    expect((await offersCommand('offers-live', 'validate', '--lang', 'en')).out).toMatch(/offers\.json: 20 offers, no problem/);
  }, 60000);

  it('two writers at once: the second is refused, nothing of the first lost', async () => {
    const [a, b] = [new BlobOffersHome(azurite.connectionString, 'offers-race'), new BlobOffersHome(azurite.connectionString, 'offers-race')];
    await a.seedFrom(SAMPLE_OFFERS_FILE);
    const [mine, theirs] = [await a.store.load(), await b.store.load()];
    await a.store.save(mine.offers.slice(1));
    await expect(b.store.save(theirs.offers.slice(2))).rejects.toBeInstanceOf(OffersChangedError);
    expect((await b.store.load()).offers).toHaveLength(20);
  });

  it('a blanked offers blob is refused by every instance, which keep the last good offers', async () => {
    const { apps, logger } = await instances('offers-blank');
    const blob = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient('offers-blank').getBlockBlobClient('offers.json');
    await blob.upload('', 0);
    await waitUntil(async () => (logger.entries.filter((e) => e.message.startsWith('offers file refused')).length >= 2 ? true : undefined), 5000);
    for (const app of apps) expect(app.catalog.current().offers).toHaveLength(21);
    const validate = await offersCommand('offers-blank', 'validate');
    expect(validate.code).toBe(1);
    expect(validate.out).toMatch(/offers\.json n'est pas du JSON valide/);
  }, 60000);

  it('the open-data sync asked of both instances at once runs on one of them', async () => {
    const csv = await readFile(path.join(REAL_OFFERS_DIR, 'open-data', 'avps-drhfpnc-2025-12-25.csv'), 'utf8');
    const feed = await openDataServer({ csv, delayMs: 500 });
    try {
      const { apps, logger } = await instances('offers-sync', { OFFERS_SYNC_URL: feed.csvUrl, OFFERS_SYNC_HOURS: '24' }, '2025-12-26');
      // The first rounds at start-up: one instance brought the feed in, the other saw it done.
      await waitUntil(async () => (logger.entries.some((e) => e.message === 'offers feed brought in') ? true : undefined), 10000);
      const before = feed.requests.length;
      await Promise.all(apps.map((app) => app.feedSync?.runNow() ?? Promise.resolve()));
      expect(feed.requests.length - before).toBe(1);
      expect(logger.entries.some((e) => e.message === 'offers feed round left to the instance running one')).toBe(true);
      for (const app of apps) await waitUntil(async () => (app.catalog.current().offers.length > 100 ? true : undefined), 5000);
    } finally {
      await feed.close();
    }
  }, 60000);
});
