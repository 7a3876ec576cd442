import { afterEach, describe, expect, it } from '@jest/globals';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp } from '../../bot/app.js';
import { MemoryLogger } from '../../bot/logger.js';
import { fixedClock } from '../../data/clock.js';
import { writeFileAtomic } from '../../data/state/atomicFile.js';
import { noumeaNoon, SHIPPED_OFFERS_FILE } from '../helpers/offers.js';
import { testConfig, waitUntil } from '../helpers/servers.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

describe('HR changes go live without a restart', () => {
  it('serves a valid new file within 2 seconds, refuses a broken one and keeps the last good offers', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'live-offers-'));
    const file = path.join(dir, 'offers.json');
    await copyFile(SHIPPED_OFFERS_FILE, file);
    const logger = new MemoryLogger();
    const app = await startApp(await testConfig({ OFFERS_FILE: file }), { clock: fixedClock(noumeaNoon('2026-07-05')), logger });
    closers.push(app.close);
    const offers = async () => ((await (await fetch(`${app.url}/healthz`)).json()) as { offers: number }).offers;
    expect(await offers()).toBe(21);

    const data = JSON.parse(await readFile(file, 'utf8')) as { offers: Array<Record<string, unknown>> };
    const added = { ...data.offers[0], reference: '3134-26-2000/SR', title: 'Astronome du lagon' };
    const changedAt = Date.now();
    await writeFileAtomic(file, JSON.stringify({ offers: [...data.offers, added] }));
    await waitUntil(async () => ((await offers()) === 22 ? true : undefined), 2000);
    expect(Date.now() - changedAt).toBeLessThan(2000);
    expect(app.catalog.current().findByReference('2000')?.title).toBe('Astronome du lagon');

    await writeFile(file, JSON.stringify({ offers: [...data.offers, { ...added, deadline: '31/07/2026' }] }));
    await waitUntil(async () => (logger.entries.some((e) => e.message.startsWith('offers file refused')) ? true : undefined), 3000);
    expect(await offers()).toBe(22);
    const refusal = logger.entries.find((e) => e.message.startsWith('offers file refused'));
    expect(refusal?.fields.problems).toEqual([expect.objectContaining({ offer: '3134-26-2000/SR', field: 'deadline' })]);

    await writeFile(file, '{"offers": [');
    await new Promise((r) => setTimeout(r, 800));
    expect(await offers()).toBe(22);

    await writeFileAtomic(file, JSON.stringify(data));
    await waitUntil(async () => ((await offers()) === 21 ? true : undefined), 2000);
  });
});
