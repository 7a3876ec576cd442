import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importOffers, readOffersFrom, ImportError } from '../../data/offers/importFormats.js';
import { OPEN_DATA_COLUMNS, openDataDay } from '../../data/offers/openData.js';
import { REAL_OFFERS_DIR } from '../helpers/offers.js';

const columns = readFileSync(path.join(REAL_OFFERS_DIR, 'avp-columns.txt'), 'utf8').split('\n').filter(Boolean);

function csv(rows: Array<Record<string, string>>, header: readonly string[] = columns, delimiter = ';'): string {
  const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;
  return [header.join(delimiter), ...rows.map((row) => header.map((c) => cell(row[c] ?? '')).join(delimiter))].join('\n');
}

const row0966 = {
  numero: '3134-25-0966/SR',
  libelle_poste: 'DSI – Référent Projet SI – Service des Moyens',
  libelle_collectivite: 'Office des postes et télécommunications',
  libelle_corps_grade: 'Ingénieur 2ème grade',
  libelle_domaine: 'Informatique',
  duree_residence_exigee: 'au moins égale à 5 ans',
  // The export writes the Nouméa date as UTC midnight, one day early.
  date_mis_en_ligne: '2025-06-26',
  date_cloture: '18/07/2025',
  date_a_pourvoir_libelle: 'dès que possible',
  direction_libelle: 'Direction des systèmes d’information',
  service_libelle: 'Service des moyens',
  lieu_travail: 'Immeuble COPERNIC - 59 Rue Georges Clémenceau',
  emploi_resp: 'RESPONSABLE DE PROJET',
  mission: 'Le Référent Maîtrise d’œuvre transverse met en œuvre les besoins métiers formulés et validés.',
  activites_principales: '- Définit la conception technique.\n- Participe au choix de progiciels.\n- Supervise le déroulement du projet.',
  contact_email: 'drh@opt.nc',
  collectivite_email: 'drh-candidature@opt.nc',
  nb_postes_a_pourvoir: '1',
  url_pdf: 'https://example.nc/avp/3134-25-0966.pdf',
  statut: 'publié',
};

describe('the open-data CSV', () => {
  it('skips a row without its deadline, saying which line and column, and reads the others', () => {
    const file = importOffers('avp.csv', csv([{ ...row0966, date_cloture: '' }, { ...row0966, numero: '3134-25-0967/SR' }]));
    expect(file.offers.map((o) => o.offer.reference)).toEqual(['3134-25-0967/SR']);
    expect(file.skipped).toEqual([expect.objectContaining({ reason: 'invalidRow', detail: 'line 2: date_cloture', line: 2 })]);
  });

  it('ignores a column the data set has gained since', () => {
    const [offer] = readOffersFrom('avp.csv', csv([{ ...row0966, salaire: '?' }], [...columns, 'salaire']));
    expect(offer?.reference).toBe('3134-25-0966/SR');
  });

  it('knows every column of the data set', () => {
    expect([...OPEN_DATA_COLUMNS]).toEqual(columns);
  });

  it.each([';', ','])('reads an offer field by field (separator %s)', (delimiter) => {
    const [offer] = readOffersFrom('avp.csv', csv([row0966], columns, delimiter));
    expect(offer).toEqual({
      reference: '3134-25-0966/SR',
      title: 'DSI – Référent Projet SI – Service des Moyens',
      employer: 'Office des postes et télécommunications',
      corpsGrades: ['Ingénieur 2ème grade'],
      domains: ['Informatique'],
      postedOn: '2025-06-27',
      deadline: '2025-07-18',
      missions: ['Le Référent Maîtrise d’œuvre transverse met en œuvre les besoins métiers formulés et validés.'],
      activities: ['Définit la conception technique.', 'Participe au choix de progiciels.', 'Supervise le déroulement du projet.'],
      direction: 'Direction des systèmes d’information',
      service: 'Service des moyens',
      respncJob: 'RESPONSABLE DE PROJET',
      location: { address: 'Immeuble COPERNIC - 59 Rue Georges Clémenceau' },
      residence: { text: 'au moins égale à 5 ans', requirements: [{ years: 5 }] },
      start: 'dès que possible',
      openings: 1,
      contact: { email: 'drh@opt.nc' },
      applyTo: { email: 'drh-candidature@opt.nc' },
      source: 'https://example.nc/avp/3134-25-0966.pdf',
      notes: [{ label: 'Statut', value: 'publié' }],
    });
  });

  it.each([
    ['a required column missing', csv([row0966], columns.filter((c) => c !== 'date_cloture')), 'missingColumns', 'date_cloture | date_cloture_avp'],
  ])('refuses %s, saying which', (_label, content, reason, detail) => {
    expect(() => readOffersFrom('avp.csv', content)).toThrow(ImportError);
    try {
      readOffersFrom('avp.csv', content);
    } catch (error) {
      expect(error).toMatchObject({ reason, detail });
    }
  });
});

describe('the real export of the open data (2025-12-25, the portal\'s other column naming)', () => {
  const content = readFileSync(path.join(REAL_OFFERS_DIR, 'open-data', 'avps-drhfpnc-2025-12-25.csv'), 'utf8');
  const offers = readOffersFrom('avps.csv', content);

  it('reads every row it can, a reference met twice once; the rows without an employer are named, not guessed', () => {
    const file = importOffers('avps.csv', content);
    expect(offers.length).toBeGreaterThan(150);
    expect(new Set(offers.map((o) => o.reference)).size).toBe(offers.length);
    expect(file.skipped.length).toBe(40);
    for (const row of file.skipped) expect(row.detail).toMatch(/^line \d+: nom_collectivite_entreprise$/);
  });

  it('writes the references as the PDF does: 25-1917 is 3134-25-1917/SR, 25-61112/MPRH stays', () => {
    expect(offers.map((o) => o.reference)).toEqual(expect.arrayContaining(['3134-25-1917/SR', '25-61112/MPRH']));
    for (const offer of offers) expect(offer.reference).toMatch(/^(3134-\d{2}-\d{3,5}\/SR|\d{2}-\d{5}\/MPRH)$/);
  });

  it('gives the dates their day back: postings go online and close on Fridays, the export says Thursday', () => {
    const weekday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay();
    const fridays = (days: string[]) => days.filter((d) => weekday(d) === 5).length / days.length;
    expect(fridays(offers.map((o) => o.deadline))).toBeGreaterThan(0.95);
    expect(offers.find((o) => o.reference === '25-61112/MPRH')).toMatchObject({ postedOn: '2025-12-22', deadline: '2026-01-09', start: '2026-03-03' });
  });

  it('reads a date, or an instant in any zone, as its day in Nouméa', () => {
    expect(openDataDay('2025-12-04')).toBe('2025-12-05');
    expect(openDataDay('2025-12-04T13:00:00+00:00')).toBe('2025-12-05');
    expect(openDataDay('2025-12-05T00:00:00+11:00')).toBe('2025-12-05');
    expect(openDataDay('vendredi 5 décembre 2025')).toBe('2025-12-05');
  });

  it('reads the JSON export and the API answer the same as the CSV', () => {
    const [header = '', ...rest] = content.split('\n');
    void rest;
    const records = offers.slice(0, 3).map((o) => ({ numero_avp: o.reference.replace(/^3134-/, '').replace(/\/SR$/, ''), libelle_poste: o.title, nom_collectivite_entreprise: o.employer, date_mise_en_ligne: '2025-12-04', date_cloture_avp: '2025-12-25' }));
    expect(header).toContain('numero_avp');
    const fromJson = readOffersFrom('avps.json', JSON.stringify(records));
    const fromApi = readOffersFrom('records.json', JSON.stringify({ total_count: 3, results: records }));
    expect(fromJson.map((o) => [o.reference, o.postedOn, o.deadline])).toEqual(offers.slice(0, 3).map((o) => [o.reference, '2025-12-05', '2025-12-26']));
    expect(fromApi).toEqual(fromJson);
  });
});
