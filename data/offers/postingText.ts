import type { Offer } from './offer.js';
import { parseFrenchDate } from './frenchDates.js';
import { readResidence } from './residence.js';
import { canonicalEmployer } from './employers.js';
import { capitalise, placeFromText, withoutEmpty } from './fieldValues.js';
import { corpsAndDomain } from './corpsGrades.js';
import { postingLines, type PostingLine } from './postingLines.js';
import { readPostingBody, type PostingBody } from './postingBody.js';
import { labelsInLine, sectionOf, type HeaderField } from './postingHeader.js';
import { referencesInText } from './reference.js';

/**
 * Reads an avis de vacance de poste as published in text, or as text taken out of its PDF, from
 * any employer: the header's labelled facts ("Référence : … du …", "Employeur : …", "Date limite de
 * candidature : …"), wherever the PDF's two columns put them, and the body's sections (missions,
 * activities, knowledge, conditions…). It never invents: what the text does not say stays absent.
 */
export class PostingTextError extends Error {
  constructor(
    readonly missing: string[],
    /** The line (1-based, in the text as given) where the reader looked for the first missing fact. */
    readonly line?: number,
  ) {
    super(`missing: ${missing.join(', ')}`);
    this.name = 'PostingTextError';
  }
}

/** What the header says, field by field, with the line each value was read on. */
interface Header {
  values: Map<HeaderField, { value: string; line: number }>;
  title?: string;
  lostDirection?: string;
  /** The employer's name as a banner under the reference ("PROVINCE SUD"), for a posting that has no employer line. */
  banner?: string;
  originalDeadline?: string;
  extendedTo?: string;
  /** Where the body starts (the first section heading after the reference). */
  bodyStart: number;
  /** Lines taken as a label's value: not body text too. */
  consumed: Set<number>;
}

/** A label's value may come on one of the next lines (two columns, or label and value apart). */
const PENDING_LINES = 2;

/** Which lines can be the value of a label whose value is not on its own line. */
function accepts(field: HeaderField, line: PostingLine): boolean {
  if (field === 'posted' || field === 'deadline') return parseFrenchDate(line.text) !== undefined;
  if (field === 'residence') return /\bans?\b|^[/\-–]+$|neant|aucune|sans objet|inferieure|superieure|egale/.test(line.folded);
  if (field === 'reference') return referencesInText(line.text).length > 0;
  return !line.heading || line.folded.length < 80;
}

/**
 * "initialement prévue le 25/07/2025", and "a été reportée au 08/08/2025" when the text says it. The
 * date may be on the next line (a PDF's column wraps the sentence).
 */
function readExtension(line: PostingLine, next: PostingLine | undefined, header: Header): void {
  if (!/initialement prevue/.test(line.folded)) return;
  const original = /initialement prevue (?:le|au|pour le)?\s*(.+?)(?:\s+(?:a ete|est) (?:reportee|prolongee|repoussee)|$)/.exec(line.folded);
  header.originalDeadline ??= parseFrenchDate(original?.[1] ?? line.text) ?? (next ? parseFrenchDate(next.text.slice(0, 40)) : undefined);
  const moved = /(?:reportee|prolongee|repoussee) (?:au|jusqu'au)\s*(.+)$/.exec(line.folded);
  const to = moved ? parseFrenchDate(moved[1] as string) : undefined;
  if (to) header.extendedTo = to;
}

function readHeader(lines: readonly PostingLine[]): Header {
  const header: Header = { values: new Map(), bodyStart: lines.length, consumed: new Set() };
  /** `before`: the label has a value, which the line awaited goes in front of. */
  let pending: Array<{ field: HeaderField; until: number; before?: boolean }> = [];
  const set = (field: HeaderField, value: string, line: number) => {
    const text = value.replace(/^\s*[:\-–]\s*/, '').trim();
    if (text && !header.values.has(field)) header.values.set(field, { value: text, line });
  };
  let inBody = false;
  lines.forEach((line, index) => {
    readExtension(line, lines[index + 1], header);
    pending = pending.filter((p) => p.until >= index && (p.before || !header.values.has(p.field)));
    // In the body, only a label at the start of a line counts ("Emploi RESPNC : …" after the details).
    const labels = labelsInLine(line.folded).filter((l) => !inBody || l.start === 0);
    if (labels.length === 0) {
      const section = sectionOf(line.folded);
      if (section && header.values.has('reference')) {
        if (!inBody) header.bodyStart = index;
        inBody = true;
        pending = [];
        return;
      }
      const waiting = pending.find((p) => accepts(p.field, line));
      if (waiting) {
        const held = waiting.before ? header.values.get(waiting.field) : undefined;
        if (held) header.values.set(waiting.field, { value: `${line.text} ${held.value}`, line: held.line });
        else set(waiting.field, line.text, index);
        pending = pending.filter((p) => p !== waiting);
        header.consumed.add(index);
        if (waiting.field === 'residence') collectGrades(lines, index, header);
        return;
      }
      if (inBody) return;
      if (!header.values.has('reference')) {
        if (!header.title && isTitle(line)) header.title = line.text;
        else if (header.title && continuesTitle(header.title, line)) header.title = `${header.title} ${line.text}`;
        else if (header.title) noteBanner(line, header);
        return;
      }
      if (/^(?:direction|dir\.|pole)\b/.test(line.folded) && !header.lostDirection && line.text !== line.text.toUpperCase()) header.lostDirection = line.text;
      else noteBanner(line, header);
      return;
    }
    const before = line.text.slice(0, (labels[0] as { start: number }).start).trim();
    if (before && !header.values.has('reference') && !header.title && isTitle({ ...line, text: before })) header.title = before;
    // Text of the other column before a label: a direction or the employer's banner.
    if (before && header.title && before !== header.title) {
      const left = { ...line, text: before, folded: line.folded.slice(0, before.length) };
      if (/^(?:direction|dir\.|pole)\b/.test(left.folded) && !header.lostDirection) header.lostDirection = before;
      else noteBanner(left, header);
    }
    labels.forEach((label, i) => {
      const end = labels[i + 1]?.start ?? line.text.length;
      const value = line.text.slice(label.end, end).replace(/^\s*\(\d\)\s*/, '').replace(/^[\s:]+/, '').trim();
      if (value) set(label.field, value, index);
      else pending.push({ field: label.field, until: index + PENDING_LINES });
      // "Corps / Domaine : Direction : de la distribution": the Direction column took the grade's place, and the grade went to a line after.
      if (label.field === 'corps' && /^direction\s*:/i.test(value)) pending.push({ field: 'corps', until: index + PENDING_LINES, before: true });
      if (label.field === 'residence' && value === '') collectGradesAfter(lines, index, header);
    });
  });
  return header;
}

/** "- Pharmacien : au moins égale à 10 ans." under the residence label: one requirement a line. */
function collectGradesAfter(lines: readonly PostingLine[], index: number, header: Header): void {
  const bullets: string[] = [];
  for (let i = index + 1; i < lines.length && bullets.length < 12; i++) {
    const line = lines[i] as PostingLine;
    if (!line.bullet || !/\bans?\b|inferieure|superieure/.test(line.folded)) break;
    bullets.push(line.text.replace(/\.$/, ''));
  }
  if (bullets.length > 0) header.values.set('residence', { value: bullets.join(' ; '), line: index + 1 });
}

function collectGrades(lines: readonly PostingLine[], index: number, header: Header): void {
  const first = lines[index] as PostingLine;
  if (first.bullet) collectGradesAfter(lines, index - 1, header);
}

/** "PROVINCE SUD", "VICE-RECTORAT DE LA NOUVELLE-CALÉDONIE": the employer's name in capitals around the reference. */
const EMPLOYER_WORDS = /^(?:province|centre hospitalier|commune|ville|mairie|office|congres|agence|vice-rectorat|universite|caisse|institut|syndicat|gouvernement|senat|conseil|direction interregionale)\b/;

function noteBanner(line: PostingLine, header: Header): void {
  if (!header.banner && line.text === line.text.toUpperCase() && EMPLOYER_WORDS.test(line.folded)) header.banner = line.text;
}

/** A title wrapped by the PDF: it ends on a small word ("… des lycées et des") or the next line goes on in lower case. */
function continuesTitle(title: string, line: PostingLine): boolean {
  if (line.heading || line.text.length > 120 || /^(?:www\.|https?:)/.test(line.folded)) return false;
  const capitals = (text: string) => text === text.toUpperCase();
  // A title in capitals goes on in capitals, and a short line ("PRIVÉ") is no banner.
  if (capitals(title) && capitals(line.text) && line.text.length < 30 && !EMPLOYER_WORDS.test(line.folded)) return true;
  return /\b(?:de|des|du|la|le|les|à|au|aux|et|en|d['’]|l['’]|pour|sur|avec|par)$/i.test(title) || /[-–,]$/.test(title) || /^[a-zà-ÿ(]/.test(line.text);
}

/** The title: the first line of the posting that is not a logo, a web address or a banner. */
function isTitle(line: PostingLine): boolean {
  if (/^(?:www\.|https?:)|^avis de vacance|^a\.?v\.?p\.?$|^le monde a portee/.test(line.folded)) return false;
  return line.text.length > 3 && /\p{L}{3}/u.test(line.text);
}

const RECRUITS = /^(?:la |le |l')?(.+?) recrute\s*:?$/i;

/** The post a "… recrute" posting names: "…, un Géologue ressources minérales. Le poste est à pourvoir". */
function recruitedAs(lines: readonly PostingLine[]): string | undefined {
  for (const line of lines.slice(0, 12)) {
    const named = /\b(?:un|une|un\(e\)|des)\s+([^.]{3,120}?)\.\s+(?:Le|La|Les) postes?\b/.exec(line.text);
    if (named) return capitalise((named[1] as string).trim());
  }
  return undefined;
}

/** "24-55574 du 06 janvier 2025": the government's five-digit numbers are the DRHFPNC's (MPRH). */
function governmentNumber(line: string): string | undefined {
  const number = /^\s*(\d{2})-(\d{5})\b(?!\s*\/)/.exec(line);
  return number ? `${number[1]}-${number[2]}/MPRH` : undefined;
}

/** "Direction : Commune de Yaté" when the employer's own line is blank. */
function employerInDirection(direction: string | undefined): string | undefined {
  return direction && /^(?:commune|ville|mairie|province|office|centre hospitalier|agence)\b/i.test(direction) ? direction : undefined;
}


const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;
const PHONE = /(\+687\s?)?\b\d{2}[ .]?\d{2}[ .]?\d{2}\b/;

/** "Mme Dupont – 26.79.28 – drh@opt.nc": who, their phone, their e-mail, as far as the line says. */
function contactOf(line: string): { name?: string; phone?: string; email?: string } {
  const email = EMAIL.exec(line)?.[0];
  const phone = PHONE.exec(line.replace(EMAIL, ''))?.[0];
  const name = line.replace(EMAIL, '').replace(PHONE, '').replace(/[–—,;:|-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return withoutEmpty({ name, phone, email });
}

/** The line (1-based, in the text as given) each key fact was read on, for HR's warnings. */
export type FactLines = Partial<Record<'reference' | 'postedOn' | 'deadline' | 'originalDeadline', number>>;

export function offerFromPostingText(text: string, source?: string): Offer {
  return readPostingText(text, source).offer;
}

export function readPostingText(text: string, source?: string): { offer: Offer; lines: FactLines } {
  const lines = postingLines(text);
  const header = readHeader(lines);
  const value = (field: HeaderField) => header.values.get(field)?.value;
  // Without its label, the reference is the first one in the posting's first lines.
  const referenceLine = value('reference') ?? lines.slice(0, 12).find((l) => referencesInText(l.text).length > 0)?.text ?? '';
  const reference = referencesInText(referenceLine)[0]?.reference ?? governmentNumber(referenceLine);
  const afterReference = referenceLine.replace(/^.*?\/\s*[A-Za-z]{2,5}\b/, '');
  const postedOn = parseFrenchDate(value('posted') ?? '') ?? parseFrenchDate(afterReference);
  const deadline = header.extendedTo ?? parseFrenchDate(value('deadline') ?? '');
  // "La Nouvelle-Calédonie recrute … un Géologue ressources minérales. Le poste est à pourvoir…"
  const recruits = header.title ? RECRUITS.exec(header.title) : null;
  const employer = value('employer') ?? header.banner ?? employerInDirection(value('direction')) ?? recruits?.[1];
  const title = recruits ? recruitedAs(lines) : header.title;
  const missing = [
    ...(reference ? [] : ['reference']),
    ...(title ? [] : ['title']),
    ...(employer ? [] : ['employer']),
    ...(postedOn ? [] : ['postedOn']),
    ...(deadline ? [] : ['deadline']),
  ];
  if (!reference || !title || !employer || !postedOn || !deadline) {
    const at = missing[0] === 'deadline' ? header.values.get('deadline')?.line : missing[0] === 'postedOn' ? header.values.get('posted')?.line : undefined;
    throw new PostingTextError(missing, at === undefined ? undefined : lineNumberOf(text, lines[at]));
  }
  const body = readPostingBody(lines.filter((_, i) => i >= header.bodyStart && !header.consumed.has(i)));
  const { grades, domains, direction: directionInCorps } = corpsAndDomain(value('corps') ?? '');
  const offer: Offer = { reference, title, employer: canonicalEmployer(employer), corpsGrades: grades, domains, postedOn, deadline, missions: body.missions, activities: body.activities };
  if (header.originalDeadline && header.originalDeadline !== deadline) offer.originalDeadline = header.originalDeadline;
  const openings = /^0?(\d{1,2})\s+(?!(?:er|e|eme|ème)\b)\p{L}/u.exec(title);
  if (openings && Number(openings[1]) > 0) offer.openings = Number(openings[1]);
  fillOptional(offer, header, body, value);
  if (!offer.direction && directionInCorps) offer.direction = directionInCorps;
  if (source) offer.source = source;
  const lineOf = (field: HeaderField) => {
    const at = header.values.get(field)?.line;
    return at === undefined ? undefined : lineNumberOf(text, lines[at]);
  };
  return { offer, lines: withoutEmpty({ reference: lineOf('reference'), postedOn: lineOf('posted') ?? lineOf('reference'), deadline: lineOf('deadline') }) };
}

function fillOptional(offer: Offer, header: Header, body: PostingBody, value: (field: HeaderField) => string | undefined): void {
  if (body.presentation.length > 0) offer.presentation = body.presentation.join(' ');
  const direction = value('direction') ?? header.lostDirection;
  if (direction) offer.direction = direction;
  if (value('service')) offer.service = value('service');
  if (value('respnc')) offer.respncJob = value('respnc');
  const location = placeFromText(value('location'));
  if (location) offer.location = location;
  const residence = value('residence');
  const stated = readResidence(residence);
  if (stated) offer.residence = stated;
  if (value('start')) offer.start = value('start');
  for (const list of ['secondaryActivities', 'knowledge', 'skills', 'behaviours', 'conditions', 'documents'] as const) {
    if (body[list].length > 0) offer[list] = body[list];
  }
  if (body.education) offer.education = body.education;
  if (body.experience) offer.experience = body.experience;
  const staff = value('staff');
  const organisation = withoutEmpty({
    reportsTo: value('reportsTo'),
    level: value('level'),
    staffManaged: staff !== undefined && /^\d+$/.test(staff) ? Number(staff) : undefined,
    relations: body.relations.length > 0 ? body.relations : undefined,
  });
  if (Object.keys(organisation).length > 0) offer.organisation = organisation;
  const contact = value('contact');
  if (contact) offer.contact = contactOf(contact);
  const applyTo = value('applyTo') ?? body.applyTo;
  if (applyTo) {
    const email = EMAIL.exec(applyTo)?.[0];
    const address = applyTo.replace(EMAIL, '').replace(/\s*(ou|or|,|;|–|-)\s*$/i, '').trim();
    // What is left beside the e-mail is an address only if it reads as one ("BP 1234", "rue …"), not "à adresser à".
    const postal = address.length > 3 && /\d|\b(bp|rue|avenue|boulevard|route|cedex|immeuble|bureau|place)\b/i.test(address);
    const where = withoutEmpty({ email, address: postal ? address : undefined });
    if (Object.keys(where).length > 0) offer.applyTo = where;
  }
}

/** The line number (1-based) of a cleaned line in the text as given, for HR's messages. */
function lineNumberOf(text: string, line: PostingLine | undefined): number | undefined {
  if (!line) return undefined;
  const at = text.split(/\r?\n/).findIndex((raw) => raw.includes(line.text.slice(0, 30)));
  return at >= 0 ? at + 1 : undefined;
}
