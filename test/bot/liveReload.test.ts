import { afterEach, describe, expect, it } from '@jest/globals';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp } from '../../bot/app.js';
import { MemoryLogger } from '../../bot/logger.js';
import { fixedClock } from '../../data/clock.js';
import { writeFileAtomic } from '../../data/state/atomicFile.js';
import { noumeaNoon, REAL_OFFERS_DIR, SAMPLE_OFFERS_FILE } from '../helpers/offers.js';
import { openDataServer } from '../helpers/openDataServer.js';
import { fakeService, testConfig, waitUntil } from '../helpers/servers.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

describe('HR changes go live without a restart', () => {
  it('serves a valid new file within 2 seconds; sets a bad offer aside and serves the others; refuses a broken or blanked file and keeps the last good offers', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'live-offers-'));
    const file = path.join(dir, 'offers.json');
    await copyFile(SAMPLE_OFFERS_FILE, file);
    const logger = new MemoryLogger();
    const app = await startApp(await testConfig({ OFFERS_FILE: file }), { clock: fixedClock(noumeaNoon('2026-07-05')), logger });
    closers.push(() => app.close());
    const offers = async () => ((await (await fetch(`${app.url}/healthz`)).json()) as { offers: number }).offers;
    expect(await offers()).toBe(21);

    const data = JSON.parse(await readFile(file, 'utf8')) as { offers: Array<Record<string, unknown>> };
    const added = { ...data.offers[0], reference: '3134-26-2000/SR', title: 'Astronome du lagon' };
    const changedAt = Date.now();
    await writeFileAtomic(file, JSON.stringify({ offers: [...data.offers, added] }));
    await waitUntil(async () => ((await offers()) === 22 ? true : undefined), 2000);
    expect(Date.now() - changedAt).toBeLessThan(2000);
    expect(app.catalog.current().findByReference('2000')?.title).toBe('Astronome du lagon');

    // One offer with a date HR mistyped: that offer is set aside, named, and the others are served.
    await writeFile(file, JSON.stringify({ offers: [...data.offers, { ...added, deadline: '31/07/2026' }] }));
    await waitUntil(async () => ((await offers()) === 21 ? true : undefined), 3000);
    const health = (await (await fetch(`${app.url}/healthz`)).json()) as { setAside: Array<{ offer: string; problems: Array<{ field: string }> }> };
    expect(health.setAside).toEqual([{ offer: '3134-26-2000/SR', problems: [expect.objectContaining({ field: 'deadline' })] }]);
    expect(logger.entries.find((e) => e.message === 'offer set aside until corrected')?.fields).toMatchObject({ offer: '3134-26-2000/SR' });

    // Half a file, a blanked one, an emptied list: refused whole, the last good offers stay.
    for (const [index, content] of ['{"offers": [', 'null', '0', '""', '{"offers": []}'].entries()) {
      await writeFile(file, content);
      await waitUntil(async () => (logger.entries.filter((e) => e.message.startsWith('offers file refused')).length > index ? true : undefined), 3000);
      expect(await offers()).toBe(21);
    }

    await writeFileAtomic(file, JSON.stringify(data));
    await waitUntil(async () => ((await offers()) === 21 ? true : undefined), 2000);
  });

  it('answers every search from one whole, valid version while HR rewrites the file (valid, broken, valid)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'live-offers-'));
    const file = path.join(dir, 'offers.json');
    const shipped = JSON.parse(await readFile(SAMPLE_OFFERS_FILE, 'utf8')) as { offers: Array<Record<string, unknown>> };
    const version = (mark: string) => ({ offers: shipped.offers.map((o) => ({ ...o, title: `${mark} ${String(o.title)}` })) });
    await writeFileAtomic(file, JSON.stringify(version('A')));
    const connector = await fakeService();
    closers.push(() => connector.close());
    const app = await startApp(await testConfig({ OFFERS_FILE: file }), {
      clock: fixedClock(noumeaNoon('2026-07-05')),
      logger: new MemoryLogger(),
    });
    closers.push(() => app.close());

    let searching = true;
    const conversations = [0, 1, 2].map(async (c) => {
      for (let turn = 0; searching; turn++) {
        await fetch(`${app.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'message',
            id: `a${turn}`,
            channelId: 'webchat',
            serviceUrl: connector.url,
            text: 'toutes les offres',
            from: { id: `u${c}`, role: 'user' },
            recipient: { id: 'bot', role: 'bot' },
            conversation: { id: `c${c}` },
          }),
        });
      }
    });
    // A file cut in the middle of a write: refused whole.
    const broken = JSON.stringify(version('X')).slice(0, 5000);
    for (const next of [JSON.stringify(version('B')), broken, JSON.stringify(version('C'))]) {
      await new Promise((r) => setTimeout(r, 700));
      await writeFileAtomic(file, next);
    }
    await waitUntil(async () => (app.catalog.current().offers[0]?.title.startsWith('C ') ? true : undefined), 3000);
    await new Promise((r) => setTimeout(r, 300));
    searching = false;
    await Promise.all(conversations);

    const marks = connector.received
      .map((r) => (r.body.attachments as Array<{ content: { body: Array<{ text?: string }> } }> | undefined) ?? [])
      .filter((cards) => cards.length > 0)
      .map((cards) => new Set(cards.map((card) => (card.content.body[0]?.text ?? '').split(' ')[0])));
    expect(marks.length).toBeGreaterThan(10);
    // Every answer from one version, never a mix, never the broken one; and all three were served.
    for (const set of marks) expect(set.size).toBe(1);
    const seen = new Set(marks.map((set) => [...set][0]));
    expect(seen).toEqual(new Set(['A', 'B', 'C']));
  });

  it('brings in the open-data feed by itself (OFFERS_SYNC_URL), live within seconds; a failing feed keeps the last good offers', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'live-offers-'));
    const file = path.join(dir, 'offers.json');
    await copyFile(SAMPLE_OFFERS_FILE, file);
    const csv = await readFile(path.join(REAL_OFFERS_DIR, 'open-data', 'avps-drhfpnc-2025-12-25.csv'), 'utf8');
    const feed = await openDataServer({ status: 503 });
    closers.push(() => feed.close());
    const logger = new MemoryLogger();
    // A round every 3.6 seconds.
    const app = await startApp(await testConfig({ OFFERS_FILE: file, OFFERS_SYNC_URL: feed.csvUrl, OFFERS_SYNC_HOURS: '0.001' }), { clock: fixedClock(noumeaNoon('2025-12-26')), logger });
    closers.push(() => app.close());
    await app.feedSync?.runNow();
    expect(logger.entries.find((e) => e.message.startsWith('offers feed failed'))?.fields).toMatchObject({ reason: 'status: HTTP 503' });
    expect(app.catalog.current().offers).toHaveLength(21);

    feed.answer = { csv };
    await app.feedSync?.runNow();
    await waitUntil(async () => (app.catalog.current().offers.length > 100 ? true : undefined), 3000);
    expect(app.catalog.current().findByReference('25-61112/MPRH')?.deadline).toBe('2026-01-09');
    expect(feed.requests.every((r) => r.startsWith('/api/explore/v2.1/catalog/datasets/avis-de-vacances-de-poste-avp-drhfpnc/exports/csv'))).toBe(true);
  });
});

