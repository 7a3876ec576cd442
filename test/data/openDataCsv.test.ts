import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readOffersFrom, ImportError } from '../../data/offers/importFormats.js';
import { OPEN_DATA_COLUMNS } from '../../data/offers/openDataCsv.js';
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
  date_mis_en_ligne: '2025-06-27',
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
    ['a column the data set does not have', csv([row0966], [...columns, 'salaire']), 'unknownColumns', 'salaire'],
    ['a required column missing', csv([row0966], columns.filter((c) => c !== 'date_cloture')), 'missingColumns', 'date_cloture'],
    ['a row without its deadline', csv([{ ...row0966, date_cloture: '' }]), 'invalidRow', 'line 2: date_cloture'],
  ])('refuses %s, saying which', (_label, content, reason, detail) => {
    expect(() => readOffersFrom('avp.csv', content)).toThrow(ImportError);
    try {
      readOffersFrom('avp.csv', content);
    } catch (error) {
      expect(error).toMatchObject({ reason, detail });
    }
  });
});
