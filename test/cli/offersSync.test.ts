import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT, REAL_OFFERS_DIR, SAMPLE_OFFERS_FILE } from '../helpers/offers.js';
import { openDataServer, type OpenDataServer } from '../helpers/openDataServer.js';

/** `offers sync` run as HR runs it, against a local server speaking the open data's export format. */
function offers(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const run = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist/cli/offersCli.js'), ...args], {
      env: { PATH: process.env.PATH ?? '', BOT_NOW: '2025-12-26T12:00:00+11:00', ...env },
    });
    let out = '';
    run.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    run.on('close', (code) => resolve({ code, out }));
  });
}

interface OffersFile {
  offers: Array<Record<string, unknown> & { reference: string }>;
}
const read = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as OffersFile;

const servers: OpenDataServer[] = [];
afterEach(async () => {
  while (servers.length > 0) await servers.pop()?.close();
});

describe('offers sync: the open-data feed', () => {
  it('brings in the real export with the PDF\'s dates and references; HR\'s edits stay; a failed feed changes nothing', async () => {
    const csv = await readFile(path.join(REAL_OFFERS_DIR, 'open-data', 'avps-drhfpnc-2025-12-25.csv'), 'utf8');
    const feed = await openDataServer({ csv });
    servers.push(feed);
    const dir = await mkdtemp(path.join(tmpdir(), 'sync-'));
    const file = path.join(dir, 'offers.json');
    await writeFile(file, await readFile(SAMPLE_OFFERS_FILE, 'utf8'));

    const first = await offers(['sync', feed.csvUrl, '--file', file]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Flux intégré : 1\d\d offres lues, 1\d\d ajoutées, 0 modifiée, 40 lignes illisibles\./);
    expect(first.out).toMatch(/ligne \d+ : ligne incomplète \(line \d+: nom_collectivite_entreprise\)/);
    let data = await read(file);
    const offer = data.offers.find((o) => o.reference === '25-61112/MPRH');
    expect(offer).toMatchObject({ postedOn: '2025-12-22', deadline: '2026-01-09', employer: 'Nouvelle-Calédonie' });
    expect(data.offers.some((o) => o.reference === '3134-25-1917/SR')).toBe(true);
    // The offers HR had stay, and the change is in the history.
    expect(data.offers.filter((o) => o.reference.startsWith('3134-26-'))).toHaveLength(19);
    expect((await offers(['history', '--file', file])).out).toMatch(/sync {2}ajoutées : /);

    // HR corrects a title by hand; the feed then moves that offer's deadline and retitles it.
    (data.offers.find((o) => o.reference === '25-61112/MPRH') as Record<string, unknown>).title = 'Juriste commande publique';
    await writeFile(file, JSON.stringify(data));
    feed.answer.csv = csv.replace('2026-01-08,"Le chargé', '2026-01-15,"Le chargé').replace("Chargé d'études juridiques - contrats et marchés publics", 'Chargé d’études juridiques');
    const second = await offers(['sync', feed.csvUrl, '--file', file]);
    expect(second.out).toContain('  = 25-61112/MPRH : gardé tel que modifié par les RH ou lu dans l’avis : title');
    data = await read(file);
    expect(data.offers.find((o) => o.reference === '25-61112/MPRH')).toMatchObject({ title: 'Juriste commande publique', deadline: '2026-01-16' });

    // The portal down, or an empty export: nothing changes.
    const before = await readFile(file, 'utf8');
    feed.answer.status = 503;
    const down = await offers(['sync', feed.csvUrl, '--file', file]);
    expect(down).toEqual({ code: 1, out: `Flux ${feed.csvUrl} : réponse HTTP 503. Rien ne change : les offres en ligne restent.\n` });
    feed.answer = { csv: '' };
    expect((await offers(['sync', feed.csvUrl, '--file', file, '--lang', 'en'])).out).toContain('no offer in the feed. Nothing changes');
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('reads the JSON export too, and OFFERS_SYNC_URL when no source is given', async () => {
    const records = [{ numero_avp: '25-1999', libelle_poste: 'Agent d’accueil', nom_collectivite_entreprise: 'Province Sud', date_mise_en_ligne: '2025-12-04', date_cloture_avp: '2025-12-25' }];
    const feed = await openDataServer({ json: JSON.stringify(records) });
    servers.push(feed);
    const dir = await mkdtemp(path.join(tmpdir(), 'sync-'));
    const file = path.join(dir, 'offers.json');
    await writeFile(file, JSON.stringify({ offers: [] }));
    const run = await offers(['sync', '--file', file], { OFFERS_SYNC_URL: feed.jsonUrl });
    expect(run.code).toBe(0);
    expect((await read(file)).offers).toEqual([expect.objectContaining({ reference: '3134-25-1999/SR', postedOn: '2025-12-05', deadline: '2025-12-26' })]);
    expect((await offers(['sync', '--file', file])).code).toBe(2);
  });
});
