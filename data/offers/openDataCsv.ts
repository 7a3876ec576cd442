import { parse } from 'csv-parse/sync';
import { parseFrenchDate } from './frenchDates.js';
import type { Offer } from './offer.js';
import { placeFromText, present, withoutEmpty } from './fieldValues.js';
import { readResidence } from './residence.js';
import { canonicalEmployer } from './employers.js';

/**
 * Reads the territory's open-data export of the AVP (data set avis-de-vacances-de-poste-avp-drhfpnc,
 * its columns in ../shared/offers/avp-columns.txt): one offer per row.
 */
export const OPEN_DATA_COLUMNS = [
  'id', 'communique', 'libelle_poste', 'libelle_emploi_rome', 'code_emploi_rome', 'numero', 'date_mis_en_ligne',
  'libelle_collectivite', 'libelle_corps_grade', 'libelle_corps_grade_2', 'libelle_domaine', 'libelle_domaine_2',
  'duree_residence_exigee', 'date_a_pourvoir', 'date_a_pourvoir_libelle', 'direction_libelle', 'direction_acronyme',
  'service_libelle', 'lieu_travail', 'date_creation', 'date_cloture', 'presentation', 'emploi_resp', 'mission',
  'activites_principales', 'activites_secondaires', 'conditions_particulieres', 'savoir', 'savoir_faire',
  'comportements', 'commentaire_republication', 'contact', 'contact_telephone', 'contact_email', 'contact_secondaire',
  'contact_secondaire_telephone', 'contact_secondaire_email', 'collectivite_nom_rh', 'collectivite_adresse_depot',
  'collectivite_adresse_postale', 'collectivite_email', 'statut', 'nb_postes_a_pourvoir', 'a_pourvoir_autre', 'url_pdf',
] as const;

const REQUIRED = ['numero', 'libelle_poste', 'libelle_collectivite', 'date_mis_en_ligne', 'date_cloture'] as const;

export class OpenDataError extends Error {
  constructor(
    readonly reason: 'unknownColumns' | 'missingColumns' | 'invalidRow',
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'OpenDataError';
  }
}

/** Is this the open-data CSV? Its header line names the data set's columns. */
export function looksLikeOpenDataCsv(content: string): boolean {
  const header = content.split(/\r?\n/, 1)[0] ?? '';
  return /\bnumero\b/.test(header) && /\blibelle_poste\b/.test(header);
}

type Row = Record<string, string>;

/** A multi-line cell as a list: one item a line, bullets dropped. */
function items(value: string | undefined): string[] {
  return (value ?? '')
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[-•*]\s*/, '').trim())
    .filter((line) => line !== '');
}

function isoDate(value: string | undefined): string | undefined {
  const v = value?.trim() ?? '';
  return /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : parseFrenchDate(v);
}

function offerOf(row: Row, line: number): Offer {
  const reference = present(row.numero)?.toUpperCase();
  const title = present(row.libelle_poste);
  const employer = present(row.libelle_collectivite);
  const postedOn = isoDate(row.date_mis_en_ligne);
  const deadline = isoDate(row.date_cloture);
  if (!reference || !title || !employer || !postedOn || !deadline) {
    const missing = [['numero', reference], ['libelle_poste', title], ['libelle_collectivite', employer], ['date_mis_en_ligne', postedOn], ['date_cloture', deadline]]
      .filter(([, v]) => !v)
      .map(([k]) => k);
    throw new OpenDataError('invalidRow', `line ${line}: ${missing.join(', ')}`);
  }
  const residence = present(row.duree_residence_exigee);
  const offer: Offer = {
    reference,
    title,
    employer: canonicalEmployer(employer),
    corpsGrades: [row.libelle_corps_grade, row.libelle_corps_grade_2].flatMap((g) => (present(g) ? [present(g) as string] : [])),
    domains: [row.libelle_domaine, row.libelle_domaine_2].flatMap((d) => (present(d) ? [present(d) as string] : [])),
    postedOn,
    deadline,
    missions: items(row.mission),
    activities: items(row.activites_principales),
  };
  const optional: Partial<Offer> = {
    presentation: present(row.presentation),
    direction: present(row.direction_libelle),
    service: present(row.service_libelle),
    respncJob: present(row.emploi_resp),
    rome: present(row.code_emploi_rome) && present(row.libelle_emploi_rome)
      ? { code: present(row.code_emploi_rome) as string, label: present(row.libelle_emploi_rome) as string }
      : undefined,
    location: placeFromText(row.lieu_travail),
    residence: readResidence(residence),
    start: present(row.date_a_pourvoir_libelle) ?? isoDate(row.date_a_pourvoir),
    openings: /^\d+$/.test(row.nb_postes_a_pourvoir?.trim() ?? '') ? Number(row.nb_postes_a_pourvoir) : undefined,
    secondaryActivities: items(row.activites_secondaires).length > 0 ? items(row.activites_secondaires) : undefined,
    conditions: items(row.conditions_particulieres).length > 0 ? items(row.conditions_particulieres) : undefined,
    knowledge: items(row.savoir).length > 0 ? items(row.savoir) : undefined,
    skills: items(row.savoir_faire).length > 0 ? items(row.savoir_faire) : undefined,
    behaviours: items(row.comportements).length > 0 ? items(row.comportements) : undefined,
    contact: present(row.contact) || present(row.contact_telephone) || present(row.contact_email)
      ? withoutEmpty({ name: present(row.contact), phone: present(row.contact_telephone), email: present(row.contact_email) })
      : undefined,
    applyTo: present(row.collectivite_adresse_depot) || present(row.collectivite_email)
      ? withoutEmpty({ address: present(row.collectivite_adresse_depot), email: present(row.collectivite_email) })
      : undefined,
    source: present(row.url_pdf),
  };
  const notes = (
    [
      ['Communiqué', row.communique],
      ['Republication', row.commentaire_republication],
      ['Contact secondaire', [row.contact_secondaire, row.contact_secondaire_telephone, row.contact_secondaire_email].filter((v) => present(v)).join(', ')],
      ['Service RH', row.collectivite_nom_rh],
      ['Adresse postale', row.collectivite_adresse_postale],
      ['Statut', row.statut],
      ['À pourvoir aussi', row.a_pourvoir_autre],
    ] as Array<[string, string | undefined]>
  ).flatMap(([label, value]) => (present(value) ? [{ label, value: present(value) as string }] : []));
  if (notes.length > 0) optional.notes = notes;
  return { ...offer, ...withoutEmpty(optional) };
}

export function offersFromOpenDataCsv(content: string): Offer[] {
  const delimiter = (content.split(/\r?\n/, 1)[0] ?? '').includes(';') ? ';' : ',';
  const rows = parse(content, { delimiter, columns: true, bom: true, skip_empty_lines: true, relax_column_count: false }) as Row[];
  const header = Object.keys(rows[0] ?? {});
  const unknown = header.filter((c) => !(OPEN_DATA_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) throw new OpenDataError('unknownColumns', unknown.join(', '));
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new OpenDataError('missingColumns', missing.join(', '));
  return rows.map((row, index) => offerOf(row, index + 2));
}
