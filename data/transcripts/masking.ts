import { referencesInText } from '../offers/reference.js';
import { rememberRecent } from '../storage/recentEntries.js';

/**
 * Personal data out of what the bot keeps, before it is kept (transcripts, alerts, conversation
 * state): e-mail addresses, phone numbers (New Caledonia's six digits, "26.79.28", "26 79 28",
 * "+687 26 79 28", French and international numbers), numbers that look like identity or bank numbers
 * (IBAN, social security, long digit runs) and birth dates. Offer references ("3134-25-0966/SR",
 * "24-54956/MPRH", "25-0966"), other dates and short numbers ("0966", "5 ans") stay.
 *
 * Linear in the length of the text: no pattern here can backtrack over a long run (the e-mail
 * addresses are found from their "@" outwards, with bounded parts), and a text is cut at
 * `MAX_KEPT` characters, with a mark, before anything else runs.
 */
export const MASKS = { email: '[EMAIL]', phone: '[TÉLÉPHONE]', number: '[NUMÉRO]', birthDate: '[DATE DE NAISSANCE]' } as const;

/** The longest text kept (a message the bot reads is at most 2,000 characters). */
export const MAX_KEPT = 4000;
export const CUT_MARK = ' […coupé]';

/** IBAN: two letters, two digits, then 11 to 30 letters and digits, maybe in groups of four. */
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b/g;
/** +687 and other international numbers: a plus, then 8 to 15 digits in groups. */
const INTERNATIONAL_PHONE = /\+\d{1,3}(?:[ .-]?\d{1,4}){2,6}\b/g;
/** Six digits in pairs, as New Caledonians write them: 26.79.28, 26 79 28, 26-79-28, 267928; also "26.79.28/79.12.34". */
const LOCAL_PHONE = /(?<!\d)\d{2}[ .-]?\d{2}[ .-]?\d{2}(?!\d)/g;
/** French mobile/fixed written with ten digits: 06 12 34 56 78. */
const TEN_DIGIT_PHONE = /(?<!\d)0\d(?:[ .-]?\d{2}){4}(?!\d)/g;
/** Seven or more digits, maybe spaced (a social security, card or account number). */
const LONG_NUMBER = /(?<!\d)\d(?:[ .]?\d){6,}(?!\d)/g;
/** Dates, kept: 18/07/2025, 2025-07-18 (with dots, "26.79.28" is a phone number). */
const DATE = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b|\b\d{1,2}(?:er)? (?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre) \d{4}\b/gi;
/** A date of birth is personal data: "née le 12/03/1985", "date de naissance : …", "born on …". */
const BIRTH = /\b(?:n[ée]e?s? le|date de naissance\s*:?|born(?: on)?|date of birth\s*:?|dob\s*:?)\s*$/i;

/** Where a kept part (a reference, a date) waits while the patterns run: a private-use character. */
const HOLD = '\uE000';
const KEPT_PLACE = /\uE000(\d+)\uE000/g;

const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}.-]/u;

/** E-mail addresses, found from each "@" outwards (local part ≤ 64, domain ≤ 253): linear. */
function maskEmails(text: string): string {
  if (!text.includes('@')) return text;
  let out = '';
  let copied = 0;
  let at = text.indexOf('@');
  while (at >= 0) {
    let start = at;
    while (start > copied && at - start < 64 && LOCAL_CHAR.test(text.charAt(start - 1))) start -= 1;
    let end = at + 1;
    while (end < text.length && end - at <= 253 && DOMAIN_CHAR.test(text.charAt(end))) end += 1;
    const domain = text.slice(at + 1, end).replace(/[.-]+$/, '');
    if (start < at && /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/u.test(domain)) {
      out += text.slice(copied, start) + MASKS.email;
      copied = at + 1 + domain.length;
    }
    at = text.indexOf('@', Math.max(at + 1, copied));
  }
  return out + text.slice(copied);
}

/** Every mask needs a digit or an "@": a text with neither has nothing to mask (most of a card's texts). */
const MAYBE_PERSONAL = /[\d@]/;
/**
 * Texts masked lately, by text: a card's texts (an offer's deadline, its reference) come back turn
 * after turn. Bounded, oldest out first; long texts (what users write) are not kept.
 */
const MEMO_ENTRIES = 2000;
const MEMO_LONGEST = 300;
const memo = new Map<string, string>();

export function maskText(text: string): string {
  const capped = text.length > MAX_KEPT ? `${text.slice(0, MAX_KEPT)}${CUT_MARK}` : text;
  if (!MAYBE_PERSONAL.test(capped)) return capped;
  if (capped.length > MEMO_LONGEST) return maskPersonal(capped);
  let masked = memo.get(capped);
  if (masked === undefined) {
    masked = maskPersonal(capped);
    rememberRecent(memo, capped, masked, MEMO_ENTRIES);
  }
  return masked;
}

function maskPersonal(capped: string): string {
  // E-mail addresses first: "jean-98-1234@gmail.com" holds something like a reference.
  let masked = maskEmails(capped);
  // References and dates are set aside so that no number pattern eats part of them; a birth date is masked.
  const kept: string[] = [];
  const keep = (part: string) => {
    kept.push(part);
    return `${HOLD}${kept.length - 1}${HOLD}`;
  };
  let withReferences = '';
  let copied = 0;
  for (const mention of referencesInText(masked)) {
    withReferences += masked.slice(copied, mention.start) + keep(masked.slice(mention.start, mention.end));
    copied = mention.end;
  }
  masked = (withReferences + masked.slice(copied)).replace(/(?<![\d/])\b\d{2}-\d{3,6}\b(?![\d/-])/g, keep);
  masked = masked.replace(DATE, (date: string, offset: number, whole: string) =>
    BIRTH.test(whole.slice(Math.max(0, offset - 40), offset)) ? MASKS.birthDate : keep(date),
  );
  masked = masked
    .replace(IBAN, MASKS.number)
    .replace(INTERNATIONAL_PHONE, MASKS.phone)
    .replace(TEN_DIGIT_PHONE, MASKS.phone)
    .replace(LONG_NUMBER, MASKS.number)
    .replace(LOCAL_PHONE, (match) => (/^\d{6}$/.test(match) || /\D/.test(match) ? MASKS.phone : match));
  return masked.replace(KEPT_PLACE, (_whole, index: string) => kept[Number(index)] ?? '');
}

const MASK_WORDS = new RegExp(Object.values(MASKS).map((m) => m.replace(/[[\]]/g, '\\$&')).join('|'), 'g');

/** What a user wrote with its personal data taken out altogether: the words of a search, never a phone number. */
export function withoutPersonalData(text: string): string {
  return maskText(text).replace(MASK_WORDS, ' ').replace(/\s+/g, ' ').trim();
}

/** Every string of a value (an activity, a card), masked; the shape is kept. */
export function maskDeep<T>(value: T): T {
  if (typeof value === 'string') return maskText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => maskDeep(item)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = maskDeep(item);
    return out as T;
  }
  return value;
}
