import type { Offer } from './offer.js';
import { parseFrenchDate } from './frenchDates.js';
import { parseResidence } from './residence.js';
import { placeFromText, withoutEmpty } from './fieldValues.js';
import { foldAccents } from '../search/normalize.js';

/**
 * Reads an avis de vacance de poste as published in text (or as text taken out of its PDF): the
 * labelled lines ("Référence : … du …", "Employeur : …", "Date limite de candidature : …") and the
 * sections (missions, activities). PDF extraction loses things: a label can go missing ("Direction
 * du Système d'Information…" alone on its line) or bullets of one block land under another; the
 * reader copes with those it has met. It never invents: what the text does not say stays absent.
 */
export class PostingTextError extends Error {
  constructor(readonly missing: string[]) {
    super(`missing: ${missing.join(', ')}`);
    this.name = 'PostingTextError';
  }
}

/** Labels are matched without case, accents or typographic apostrophes ("Date de dépôt de l’offre"). */
const fold = (text: string) => foldAccents(text).replace(/[’`]/g, "'");

type Label =
  | 'reference' | 'employer' | 'corps' | 'direction' | 'location' | 'residence' | 'posted' | 'start' | 'deadline'
  | 'respnc' | 'service' | 'level' | 'reportsTo' | 'staff' | 'contact' | 'applyTo';

const LABELS: ReadonlyArray<readonly [Label, RegExp]> = [
  ['reference', /^reference\s*:/],
  ['employer', /^employeur\s*:/],
  ['corps', /^corps ou cadre d'emploi/],
  ['direction', /^direction\s*:/],
  ['location', /^lieu de travail\s*:/],
  ['residence', /^duree de residence exigee/],
  ['posted', /^date de depot de l'offre\s*:/],
  ['start', /^postes? a pourvoir\s*:/],
  ['deadline', /^date limite de candidature\s*:/],
  ['respnc', /^emploi respnc\s*:/],
  ['service', /^unite organisationnelle\s*:/],
  ['level', /^place dans l'organigramme\s*:/],
  ['reportsTo', /^fonction du superieur hierarchique direct\s*:/],
  ['staff', /^nb d'agents encadres\s*:/],
  ['contact', /^(contact|renseignements|personne a contacter)\s*:/],
  ['applyTo', /^(adresse de depot|depot des candidatures|candidatures? a adresser a|envoi des candidatures)\s*:/],
];

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;
const PHONE = /(\+687\s?)?\b\d{2}[ .]?\d{2}[ .]?\d{2}\b/;

/** "Mme Dupont – 26.79.28 – drh@opt.nc": who, their phone, their e-mail, as far as the line says. */
function contactOf(line: string): { name?: string; phone?: string; email?: string } {
  const email = EMAIL.exec(line)?.[0];
  const phone = PHONE.exec(line.replace(EMAIL, ''))?.[0];
  const name = line.replace(EMAIL, '').replace(PHONE, '').replace(/[–—,;:|-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return withoutEmpty({ name, phone, email });
}

type Section = 'none' | 'details' | 'missions' | 'activities' | 'secondary' | 'organisation';

const SECTIONS: ReadonlyArray<readonly [Section, RegExp]> = [
  ['details', /^details de l'offre\s*:?$/],
  ['missions', /^missions\s*:?$/],
  ['activities', /^activites du poste\s*:?$/],
  ['activities', /^principales\s*:?$/],
  ['secondary', /^secondaires\s*:?$/],
];

function valueAfterColon(line: string): string {
  const at = line.indexOf(':');
  return at >= 0 ? line.slice(at + 1).trim() : '';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function offerFromPostingText(text: string, source?: string): Offer {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/^#+\s*/, '').trim());
  const values = new Map<Label, string>();
  const presentation: string[] = [];
  const missions: string[] = [];
  const activities: string[] = [];
  const secondary: string[] = [];
  let title: string | undefined;
  let section: Section = 'none';
  let pendingLabel: Label | undefined;
  let lostDirection: string | undefined;

  // Two PDF columns read as one line put a label next to another label's value:
  // "Employeur : Date limite de candidature : Vendredi 18 juillet 2025". Split them; the first
  // label then takes the next line that is not a label.
  const labelOf = (line: string) => LABELS.find(([, pattern]) => pattern.test(fold(line)))?.[0];
  const split = lines.flatMap((line) => {
    const rest = labelOf(line) ? valueAfterColon(line) : '';
    return rest && labelOf(rest) ? [line.slice(0, line.indexOf(':') + 1), rest] : [line];
  });

  for (const line of split) {
    if (line === '') continue;
    const folded = fold(line);
    const label = labelOf(line);
    if (label) {
      const value = valueAfterColon(line);
      if (value) values.set(label, value);
      else pendingLabel = label;
      // Labels of the organisation come with "- directs : /" bullets that are not activities.
      section = ['service', 'level', 'reportsTo', 'staff'].includes(label) ? 'organisation' : section === 'details' ? 'none' : section;
      if (label === 'respnc') section = 'none';
      continue;
    }
    const heading = SECTIONS.find(([, pattern]) => pattern.test(folded))?.[0];
    if (heading) {
      section = heading;
      continue;
    }
    if (pendingLabel) {
      values.set(pendingLabel, line);
      pendingLabel = undefined;
      continue;
    }
    if (!values.has('reference')) {
      // Before the reference: the title, then the employer's logo and site (not offer text).
      if (!title && !/^(www\.|https?:)/.test(folded) && line !== line.toUpperCase()) title = line;
      continue;
    }
    if (!values.has('direction') && !values.has('location') && /^direction\b/.test(folded)) {
      lostDirection = line;
      continue;
    }
    if (/^(www\.|https?:)/.test(folded) || line === line.toUpperCase()) continue;
    const bullet = /^[-•]\s*(.+)$/.exec(line)?.[1];
    if (section === 'organisation') continue;
    if (section === 'details') presentation.push(line);
    else if (section === 'secondary' && bullet) secondary.push(bullet);
    else if ((section === 'activities' || section === 'missions') && bullet) activities.push(bullet);
    else if (section === 'missions') missions.push(line);
  }

  const referenceLine = values.get('reference') ?? '';
  const reference = /^(\d{4}-\d{2}-\d{3,5}\/[A-Za-z]{1,4})/.exec(referenceLine)?.[1]?.toUpperCase();
  const postedOn = parseFrenchDate(values.get('posted') ?? '') ?? parseFrenchDate(referenceLine);
  const deadline = parseFrenchDate(values.get('deadline') ?? '');
  const employer = values.get('employer');
  const missing = [
    ...(reference ? [] : ['reference']),
    ...(title ? [] : ['title']),
    ...(employer ? [] : ['employer']),
    ...(postedOn ? [] : ['postedOn']),
    ...(deadline ? [] : ['deadline']),
  ];
  if (missing.length > 0 || !reference || !title || !employer || !postedOn || !deadline) throw new PostingTextError(missing);

  const corps = values.get('corps') ?? '';
  const slash = corps.lastIndexOf('/');
  const grades = (slash >= 0 ? corps.slice(0, slash) : corps)
    .split(/\s+ou\s+/i)
    .map((g) => capitalise(g.trim()))
    .filter((g) => g !== '');
  const domain = slash >= 0 ? corps.slice(slash + 1).trim() : '';
  const place = values.get('location');
  const residenceText = values.get('residence');
  const staff = values.get('staff');
  const organisation = withoutEmpty({
    reportsTo: values.get('reportsTo'),
    level: values.get('level'),
    staffManaged: staff !== undefined && /^\d+$/.test(staff) ? Number(staff) : undefined,
  });

  const offer: Offer = {
    reference,
    title,
    employer,
    corpsGrades: grades,
    domains: domain ? [domain] : [],
    postedOn,
    deadline,
    missions,
    activities,
  };
  if (presentation.length > 0) offer.presentation = presentation.join(' ');
  const direction = values.get('direction') ?? lostDirection;
  if (direction) offer.direction = direction;
  if (values.get('service')) offer.service = values.get('service');
  if (values.get('respnc')) offer.respncJob = values.get('respnc');
  const location = placeFromText(place);
  if (location) offer.location = location;
  if (residenceText) offer.residence = { text: residenceText, requirements: parseResidence(residenceText) };
  if (values.get('start')) offer.start = values.get('start');
  if (secondary.length > 0) offer.secondaryActivities = secondary;
  if (Object.keys(organisation).length > 0) offer.organisation = organisation;
  const contact = values.get('contact');
  if (contact) offer.contact = contactOf(contact);
  const applyTo = values.get('applyTo');
  if (applyTo) {
    const email = EMAIL.exec(applyTo)?.[0];
    const address = applyTo.replace(EMAIL, '').replace(/\s*(ou|or|,|;|–|-)\s*$/i, '').trim();
    offer.applyTo = withoutEmpty({ email, address });
  }
  if (source) offer.source = source;
  return offer;
}
