import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { parseFrenchDate } from './frenchDates.js';
import type { Offer } from './offer.js';
import { placeFromText, present, withoutEmpty } from './fieldValues.js';
import { readResidence } from './residence.js';
import { canonicalEmployer } from './employers.js';
import { OFFER_ZONE } from './openness.js';
import { referenceFromOpenData } from './reference.js';

/**
 * Reads the territory's open-data set of the AVP (avis-de-vacances-de-poste-avp-drhfpnc on
 * data.gouv.nc, an OpenDataSoft portal): its CSV and JSON exports, in either of the two column
 * namings seen in the wild (the data set's own, listed in avp-columns.txt, and the one of the
 * portal's current export). One offer per row.
 *
 * Two known defects of the export are corrected here:
 * - its dates are one day early: a Nouméa date written as UTC midnight (measured on 1,330 postings:
 *   the export's date plus one day is the PDF's). A date alone gets its day back; a date-time is read
 *   as an instant and given its Nouméa day (what the API returns with `timezone=Pacific/Noumea`);
 * - SR references come short, "25-0979": the PDF's is "3134-25-0979/SR".
 */
const FIELDS = {
  id: ['id', 'id_avp'],
  reference: ['numero', 'numero_avp'],
  title: ['libelle_poste'],
  romeLabel: ['libelle_emploi_rome', 'rome_code_libelle'],
  romeCode: ['code_emploi_rome', 'rome_code'],
  postedOn: ['date_mis_en_ligne', 'date_mise_en_ligne'],
  employer: ['libelle_collectivite', 'nom_collectivite_entreprise'],
  grade: ['libelle_corps_grade'],
  grade2: ['libelle_corps_grade_2'],
  domain: ['libelle_domaine'],
  domain2: ['libelle_domaine_2'],
  residence: ['duree_residence_exigee'],
  start: ['date_a_pourvoir', 'date_poste_a_pourvoir'],
  startText: ['date_a_pourvoir_libelle'],
  direction: ['direction_libelle', 'libelle_direction_entreprise'],
  directionAcronym: ['direction_acronyme', 'acronyme_entreprise'],
  service: ['service_libelle'],
  location: ['lieu_travail', 'lieu_exercice_travail'],
  created: ['date_creation'],
  deadline: ['date_cloture', 'date_cloture_avp'],
  presentation: ['presentation'],
  respnc: ['emploi_resp'],
  missions: ['mission', 'missions_emploi'],
  activities: ['activites_principales'],
  secondary: ['activites_secondaires'],
  conditions: ['conditions_particulieres'],
  knowledge: ['savoir'],
  skills: ['savoir_faire'],
  behaviours: ['comportements'],
  republication: ['commentaire_republication'],
  communique: ['communique'],
  contact: ['contact'],
  contactPhone: ['contact_telephone'],
  contactEmail: ['contact_email'],
  contact2: ['contact_secondaire'],
  contact2Phone: ['contact_secondaire_telephone'],
  contact2Email: ['contact_secondaire_email'],
  hrName: ['collectivite_nom_rh'],
  applyAddress: ['collectivite_adresse_depot'],
  postalAddress: ['collectivite_adresse_postale'],
  applyEmail: ['collectivite_email'],
  status: ['statut'],
  openings: ['nb_postes_a_pourvoir'],
  alsoOpen: ['a_pourvoir_autre'],
  source: ['url_pdf', 'url_pdf_avp'],
} as const satisfies Record<string, readonly string[]>;

type Field = keyof typeof FIELDS;

/** The data set's own column names (avp-columns.txt), in its order. */
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

/** Every column either naming uses. */
export const KNOWN_COLUMNS: ReadonlySet<string> = new Set(Object.values(FIELDS).flat());

const REQUIRED: readonly Field[] = ['reference', 'title', 'employer', 'postedOn', 'deadline'];

export class OpenDataError extends Error {
  constructor(
    readonly reason: 'missingColumns' | 'invalidRow' | 'noRows',
    readonly detail: string,
    readonly line?: number,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'OpenDataError';
  }
}

/** Is this the open-data CSV? Its header line names the data set's columns, in either naming. */
export function looksLikeOpenDataCsv(content: string): boolean {
  const header = content.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (/^\s*[[{]/.test(header)) return false;
  return /\bnumero(?:_avp)?\b/.test(header) && /\blibelle_poste\b/.test(header);
}

/** Is this an open-data JSON export (an array of records) or an API answer ({ results: [...] })? */
export function openDataRecordsIn(json: unknown): Array<Record<string, unknown>> | undefined {
  const records = Array.isArray(json) ? json : (json as { results?: unknown } | null)?.results;
  if (!Array.isArray(records) || records.length === 0) return Array.isArray(records) ? [] : undefined;
  const first = records[0] as Record<string, unknown> | null;
  return first && typeof first === 'object' && ('numero' in first || 'numero_avp' in first) && 'libelle_poste' in first
    ? (records as Array<Record<string, unknown>>)
    : undefined;
}

type Row = Record<string, unknown>;

function text(row: Row, field: Field): string | undefined {
  for (const column of FIELDS[field]) {
    const value = row[column];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}

/** A multi-line cell as a list: one item a line, bullets dropped. */
function items(row: Row, field: Field): string[] | undefined {
  const list = (text(row, field) ?? '')
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[-•*]\s*/, '').trim())
    .filter((line) => line !== '');
  return list.length > 0 ? list : undefined;
}

/** The export's day, given back: "2025-12-04" → "2025-12-05"; an instant → its day in Nouméa. */
export function openDataDay(value: string | undefined): string | undefined {
  const v = value?.trim() ?? '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const day = DateTime.fromISO(v, { zone: 'UTC' });
    return day.isValid ? day.plus({ days: 1 }).toISODate() ?? undefined : v;
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(v)) {
    const instant = DateTime.fromISO(v, { setZone: true });
    return instant.isValid ? instant.setZone(OFFER_ZONE).toISODate() ?? undefined : v.slice(0, 10);
  }
  return parseFrenchDate(v);
}

function offerOf(row: Row, line: number): Offer {
  const reference = referenceFromOpenData(text(row, 'reference') ?? '');
  const title = text(row, 'title');
  const employer = text(row, 'employer');
  const postedOn = openDataDay(text(row, 'postedOn'));
  const deadline = openDataDay(text(row, 'deadline'));
  if (!reference || !title || !employer || !postedOn || !deadline) {
    const missing = ([['reference', reference], ['title', title], ['employer', employer], ['postedOn', postedOn], ['deadline', deadline]] as const)
      .filter(([, v]) => !v)
      // Named as the file names it, in whichever of the two namings.
      .map(([k]) => FIELDS[k].find((column) => column in row) ?? FIELDS[k][0]);
    throw new OpenDataError('invalidRow', `line ${line}: ${missing.join(', ')}`, line);
  }
  const offer: Offer = {
    reference,
    title,
    employer: canonicalEmployer(employer),
    corpsGrades: [text(row, 'grade'), text(row, 'grade2')].filter((g): g is string => !!g),
    domains: [text(row, 'domain'), text(row, 'domain2')].filter((d): d is string => !!d),
    postedOn,
    deadline,
    missions: items(row, 'missions') ?? [],
    activities: items(row, 'activities') ?? [],
  };
  const romeCode = text(row, 'romeCode');
  const romeLabel = text(row, 'romeLabel');
  const openings = text(row, 'openings');
  const contact = withoutEmpty({ name: text(row, 'contact'), phone: text(row, 'contactPhone'), email: text(row, 'contactEmail') });
  const applyTo = withoutEmpty({ address: text(row, 'applyAddress'), email: text(row, 'applyEmail') });
  const optional: Partial<Offer> = {
    presentation: text(row, 'presentation'),
    direction: text(row, 'direction'),
    service: text(row, 'service'),
    respncJob: text(row, 'respnc'),
    rome: romeCode && romeLabel ? { code: romeCode, label: romeLabel } : undefined,
    location: placeFromText(text(row, 'location')),
    residence: readResidence(text(row, 'residence')),
    start: text(row, 'startText') ?? openDataDay(text(row, 'start')),
    openings: openings && /^\d+$/.test(openings) && Number(openings) > 0 ? Number(openings) : undefined,
    secondaryActivities: items(row, 'secondary'),
    conditions: items(row, 'conditions'),
    knowledge: items(row, 'knowledge'),
    skills: items(row, 'skills'),
    behaviours: items(row, 'behaviours'),
    contact: Object.keys(contact).length > 0 ? contact : undefined,
    applyTo: Object.keys(applyTo).length > 0 ? applyTo : undefined,
    source: text(row, 'source'),
  };
  const secondContact = [text(row, 'contact2'), text(row, 'contact2Phone'), text(row, 'contact2Email')].filter(present).join(', ');
  const notes = (
    [
      ['Communiqué', text(row, 'communique')],
      ['Republication', text(row, 'republication')],
      ['Contact secondaire', secondContact],
      ['Service RH', text(row, 'hrName')],
      ['Adresse postale', text(row, 'postalAddress')],
      ['Statut', text(row, 'status')],
      ['À pourvoir aussi', text(row, 'alsoOpen')],
    ] as Array<[string, string | undefined]>
  ).flatMap(([label, value]) => (present(value) ? [{ label, value: present(value) as string }] : []));
  if (notes.length > 0) optional.notes = notes;
  return { ...offer, ...withoutEmpty(optional) };
}

/** What a feed gives: its offers, and the rows that could not be read (one bad row never takes the feed down). */
export interface OpenDataOffers {
  offers: Offer[];
  skipped: OpenDataError[];
}

/** The offers of a feed's rows (CSV lines or JSON records); a reference met twice keeps its latest posting. */
export function offersFromOpenDataRows(rows: readonly Row[], lineOf: (index: number) => number = (index) => index + 1): OpenDataOffers {
  const columns = new Set(rows.flatMap((row) => Object.keys(row)));
  const missing = REQUIRED.filter((field) => !FIELDS[field].some((column) => columns.has(column)));
  if (rows.length > 0 && missing.length > 0) throw new OpenDataError('missingColumns', missing.map((f) => FIELDS[f].join(' | ')).join(', '));
  const byReference = new Map<string, Offer>();
  const skipped: OpenDataError[] = [];
  rows.forEach((row, index) => {
    try {
      const offer = offerOf(row, lineOf(index));
      const known = byReference.get(offer.reference);
      if (!known || offer.postedOn >= known.postedOn) byReference.set(offer.reference, offer);
    } catch (error) {
      if (!(error instanceof OpenDataError)) throw error;
      skipped.push(error);
    }
  });
  return { offers: [...byReference.values()], skipped };
}

export function offersFromOpenDataCsv(content: string): OpenDataOffers {
  const delimiter = (content.split(/\r?\n/, 1)[0] ?? '').includes(';') ? ';' : ',';
  const parsed = parse(content, { delimiter, columns: true, bom: true, skip_empty_lines: true, relax_column_count: false, info: true }) as Array<{
    record: Row;
    info: { lines: number };
  }>;
  // csv-parse counts the line a record ends on (its cells may span lines): a record starts after the previous one.
  return offersFromOpenDataRows(parsed.map((p) => p.record), (index) => (index === 0 ? 2 : (parsed[index - 1]?.info.lines ?? index) + 1));
}
