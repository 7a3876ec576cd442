import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFile, cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT, REAL_OFFERS_DIR, SAMPLE_OFFERS_FILE } from '../helpers/offers.js';
import { postingPdf } from '../helpers/postingPdf.js';

/** The HR command line, run as HR runs it (the test script builds it first). */
function offers(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'dist/cli/offersCli.js'), ...args], {
    env: { PATH: process.env.PATH ?? '', BOT_NOW: '2026-07-05T12:00:00+11:00', ...env },
    encoding: 'utf8',
    timeout: 20000,
  });
  return { code: run.status, out: run.stdout };
}

async function copyOfShipped(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hr-'));
  const file = path.join(dir, 'offers.json');
  await copyFile(SAMPLE_OFFERS_FILE, file);
  return file;
}

describe('npm run offers', () => {
  it('explains itself with --help, in French or in English', () => {
    expect(offers(['--help']).out).toContain('Usage : npm run offers -- <commande>');
    expect(offers(['--help', '--lang', 'en']).out).toContain('Usage: npm run offers -- <command>');
    expect(offers(['frobnicate']).code).toBe(2);
  });

  it('validate: says the file is good, or names every problem with its offer, field and line (exit 1)', async () => {
    const file = await copyOfShipped();
    expect(offers(['validate', file])).toEqual({ code: 0, out: `${file} : 21 offres, aucun problème.\n` });
    const data = JSON.parse(await readFile(file, 'utf8')) as { offers: Array<Record<string, unknown>> };
    data.offers[2] = { ...data.offers[2], deadline: '2026-02-30' };
    data.offers[5] = { ...data.offers[5], applyTo: { email: 'drh-at-opt.nc' } };
    await writeFile(file, JSON.stringify(data, null, 2));
    const run = offers(['validate', file, '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/offer 3134-26-0438\/SR, field deadline, line \d+: invalid or non-existent date/);
    expect(run.out).toMatch(/offer 3134-26-0903\/SR, field applyTo\.email, line \d+: invalid e-mail address/);
    const french = offers(['validate', file]).out;
    expect(french).toMatch(/offre 3134-26-0438\/SR, champ deadline, ligne \d+ : date invalide ou inexistante/);
    expect(french).toMatch(/offre 3134-26-0903\/SR, champ applyTo\.email, ligne \d+ : adresse électronique invalide/);
    const broken = offers(['validate', path.join(REAL_OFFERS_DIR, 'postings', '3134-25-0966-SR.txt')]);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain("n'est pas du JSON valide");
  });

  it('list, close and remove, with the clock of BOT_NOW, each logged in the history', async () => {
    const file = await copyOfShipped();
    const open = offers(['list', '--open', '--file', file]).out;
    expect(open.split('\n').filter(Boolean)).toHaveLength(9);
    expect(offers(['list', '--closing-within', '5', '--file', file]).out).toContain('3134-26-0939/SR  ouverte  2026-07-10');
    expect(offers(['close', '3134-26-0975/SR', '--file', file]).out).toBe('Offre 3134-26-0975/SR clôturée le 2026-07-05.\n');
    expect(offers(['list', '--open', '--file', file]).out).not.toContain('0975');
    expect(offers(['close', '3134-26-0975/SR', '--file', file]).out).toContain('déjà clôturée');
    expect(offers(['remove', '3134-25-0159/SR', '--file', file]).code).toBe(0);
    expect(offers(['remove', '3134-25-0159/SR', '--file', file])).toEqual({
      code: 1,
      out: "Aucune offre n'a la référence « 3134-25-0159/SR ».\n",
    });
    expect(offers(['validate', file]).out).toContain('20 offres');
    const history = offers(['history', '--file', file]).out.split('\n').filter(Boolean);
    expect(history).toEqual([
      expect.stringMatching(/close {2}ajoutées : - ; modifiées : 3134-26-0975\/SR \(closedOn\) ; retirées : - ; clôturées : 3134-26-0975\/SR$/),
      expect.stringMatching(/remove {2}ajoutées : - ; modifiées : - ; retirées : 3134-25-0159\/SR ; clôturées : -$/),
    ]);
  });

  it('import: shows what would change and writes only with --write; a known reference is updated, not duplicated', async () => {
    const file = await copyOfShipped();
    const before = await readFile(file, 'utf8');
    const posting = JSON.parse(await readFile(path.join(REAL_OFFERS_DIR, 'jobposting', '3134-26-0975_SR.json'), 'utf8')) as Record<string, unknown>;
    const dir = path.dirname(file);
    const changed = path.join(dir, 'changed.json');
    await writeFile(changed, JSON.stringify([{ ...posting, title: 'Concepteur-Développeur (republié)' }, { ...posting, identifier: '3134-26-2001/SR' }]));
    const preview = offers(['import', changed, '--file', file]);
    expect(preview.out).toContain('  + 3134-26-2001/SR');
    expect(preview.out).toContain('  ~ 3134-26-0975/SR  champs : source, title');
    expect(preview.out).toContain("      title : Concepteur-Développeur d'Applications SI Postal → Concepteur-Développeur (republié)");
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(offers(['import', changed, '--write', '--file', file]).out).toContain('Publié : 1 ajoutée, 1 modifiée.');
    expect(offers(['validate', file]).out).toContain('22 offres');
    expect(offers(['import', changed, '--write', '--file', file]).out).toBe('1 fichier lu : 2 offres, 0 illisible, 0 à corriger.\nRien ne change.\n');
  });

  it('import: reads the text of a posting as published', async () => {
    const file = await copyOfShipped();
    await writeFile(file, JSON.stringify({ offers: [] }));
    const text = path.join(REAL_OFFERS_DIR, 'postings', '3134-25-0966-SR.txt');
    expect(offers(['import', text, '--write', '--file', file]).out).toContain('  + 3134-25-0966/SR  DSI – Référent Projet SI – Service des Moyens');
    expect(offers(['list', '--file', file]).out).toBe('3134-25-0966/SR  clôturée  2025-07-18  DSI – Référent Projet SI – Service des Moyens\n');
  });

  it('export --jsonld: the open offers as JobPosting JSON-LD, which import back the same', async () => {
    const file = await copyOfShipped();
    const run = offers(['export', '--jsonld', '--file', file]);
    expect(run.code).toBe(0);
    const exported = JSON.parse(run.out) as { '@graph': Array<Record<string, unknown>> };
    expect(exported['@graph'].map((p) => p.identifier)).toHaveLength(9);
    for (const posting of exported['@graph']) expect(posting['@type']).toBe('JobPosting');
    const target = await copyOfShipped();
    const jsonld = path.join(path.dirname(target), 'export.jsonld');
    await writeFile(jsonld, run.out);
    const reimport = offers(['import', jsonld, '--file', target]).out;
    // Round trip: nothing new, and only what JobPosting cannot carry differs.
    expect(reimport).not.toContain('  + ');
    for (const line of reimport.split('\n').filter((l) => l.startsWith('  ~'))) {
      expect(line).not.toMatch(/champs : .*\b(reference|title|employer|postedOn|deadline|activities|corpsGrades)\b/);
    }
  });

  it.each([
    ['empty.json', '', 'le fichier est vide'],
    ['truncated.json', '{"identifier": "3134-26-0975/SR", "title": ', "ce n'est pas du JSON valide"],
    ['posting.txt', 'Référence : 3134-25-0966/SR du 27/06/2025', "texte d'avis incomplet : introuvable(s) : title, employer, deadline"],
    ['notes.txt', 'Liste des courses : pain, lait', 'format inconnu'],
    ['avp.csv', 'numero;libelle_poste;salaire\n"3134-25-0966/SR";"Référent";"1000"', 'colonnes indispensables absentes : libelle_collectivite | nom_collectivite_entreprise'],
    ['columns.json', '[{"numero": "3134-25-0966/SR"}]', 'format inconnu'],
    ['huge.json', `[${'"x",'.repeat(6_000_000)}"x"]`, 'trop gros'],
  ])('import %s: a clear error and no change to the offers', async (name, content, message) => {
    const file = await copyOfShipped();
    const before = await readFile(file, 'utf8');
    const input = path.join(path.dirname(file), name);
    await writeFile(input, content);
    const run = offers(['import', input, '--write', '--file', file]);
    expect(run.code).toBe(1);
    expect(run.out).toContain(message);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('import FOLDER: every real posting of every employer; the unreadable named with reason and line; exit 1', async () => {
    const file = await copyOfShipped();
    await writeFile(file, JSON.stringify({ offers: [] }));
    const folder = await mkdtemp(path.join(tmpdir(), 'postings-'));
    await cp(path.join(REAL_OFFERS_DIR, 'avp-text'), folder, { recursive: true });
    // A posting cut short before its deadline, and a file that is no posting at all.
    const cut = (await readFile(path.join(folder, '54118.md'), 'utf8')).split('Date limite')[0] as string;
    await writeFile(path.join(folder, 'cut.md'), cut);
    await writeFile(path.join(folder, 'notes.txt'), 'courses : pain, lait');
    const started = Date.now();
    const run = offers(['import', folder, '--write', '--file', file]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.code).toBe(1);
    expect(run.out).toContain(`${path.join(folder, 'cut.md')} : texte d'avis incomplet : introuvable(s) : deadline`);
    expect(run.out).toContain(`${path.join(folder, 'notes.txt')} : format inconnu`);
    // The three postings whose deadline is before their posting date: imported, set aside, named with their line.
    expect(run.out).toMatch(/! 3134-24-1764\/SR \(.*54987\.md, ligne \d+\), champ deadline : la date limite précède la date de publication/);
    expect(run.out).toMatch(/387 fichiers lus : 373 offres, 14 illisibles, 3 à corriger\./);
    const validate = offers(['validate', file]);
    expect(validate.code).toBe(1);
    expect(validate.out).toContain('offre 3134-24-1764/SR, champ deadline');
    expect(validate.out).toMatch(/: 3\d\d offres, aucun problème/);
  });

  it('import --atomic writes nothing when one file cannot be read', async () => {
    const file = await copyOfShipped();
    const before = await readFile(file, 'utf8');
    const folder = await mkdtemp(path.join(tmpdir(), 'postings-'));
    await copyFile(path.join(REAL_OFFERS_DIR, 'avp-text', '54118.md'), path.join(folder, '54118.md'));
    await writeFile(path.join(folder, 'empty.md'), '');
    const run = offers(['import', folder, '--write', '--atomic', '--file', file]);
    expect(run.code).toBe(1);
    expect(run.out).toContain('le fichier est vide');
    expect(run.out).toContain('Rien n’est écrit (--atomic) : 1 fichier est illisible.');
    expect(await readFile(file, 'utf8')).toBe(before);
    // Without --atomic, the readable one is written.
    expect(offers(['import', folder, '--write', '--file', file]).out).toContain('  + 3134-24-1492/SR');
  });

  it('import avis.pdf: reads the PDF of a posting itself, its two-column header included', async () => {
    const file = await copyOfShipped();
    await writeFile(file, JSON.stringify({ offers: [] }));
    const dir = path.dirname(file);
    const pdf = path.join(dir, 'avis.pdf');
    await writeFile(pdf, await postingPdf(await readFile(path.join(REAL_OFFERS_DIR, 'avp-text', '54118.md'), 'utf8')));
    const run = offers(['import', pdf, '--write', '--file', file]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('  + 3134-24-1492/SR  Assistant(e) social(e) de polyvalence de secteur');
    expect(offers(['list', '--file', file]).out).toBe('3134-24-1492/SR  clôturée  2025-02-14  Assistant(e) social(e) de polyvalence de secteur\n');
    await writeFile(path.join(dir, 'broken.pdf'), '%PDF-1.7\nnot a pdf');
    expect(offers(['import', path.join(dir, 'broken.pdf'), '--file', file]).out).toContain('broken.pdf : PDF illisible');
  });

  it('close and remove take a reference as people say it, when it names one offer', async () => {
    const file = await copyOfShipped();
    expect(offers(['close', '1010', '--file', file]).out).toBe('Offre 3134-26-1010/SR clôturée le 2026-07-05.\n');
    expect(offers(['remove', '26-1010', '--file', file]).out).toBe('Offre 3134-26-1010/SR retirée.\n');
    expect(offers(['remove', '99999', '--file', file])).toEqual({ code: 1, out: "Aucune offre n'a la référence « 99999 ».\n" });
  });
});

