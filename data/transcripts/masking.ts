/**
 * Personal data out of transcripts before they are stored: e-mail addresses, phone numbers (New
 * Caledonia's six digits, "26.79.28", "26 79 28", "+687 26 79 28", and international numbers), and
 * numbers that look like identity or bank numbers (IBAN, RIB, social security, long digit runs).
 * Offer references ("3134-25-0966/SR"), dates and short numbers ("0966", "5 ans") stay.
 */
export const MASKS = { email: '[EMAIL]', phone: '[TÉLÉPHONE]', number: '[NUMÉRO]' } as const;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** IBAN: two letters, two digits, then 11 to 30 letters and digits, maybe in groups of four. */
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b/g;
/** +687 and other international numbers: a plus, then 8 to 15 digits in groups. */
const INTERNATIONAL_PHONE = /\+\d{1,3}(?:[ .-]?\d{1,4}){2,6}\b/g;
/** Six digits in pairs, as New Caledonians write them: 26.79.28, 26 79 28, 26-79-28, 267928. */
const LOCAL_PHONE = /(?<![\d/-])\d{2}[ .-]?\d{2}[ .-]?\d{2}(?![\d/-])/g;
/** French mobile/fixed written with ten digits: 06 12 34 56 78. */
const TEN_DIGIT_PHONE = /(?<![\d/-])0\d(?:[ .-]?\d{2}){4}(?![\d/-])/g;
/** Seven or more digits, maybe spaced (a social security, card or account number): not a reference. */
const LONG_NUMBER = /(?<![\d/-])\d(?:[ .]?\d){6,}(?![\d/-])/g;
/** An offer reference and anything like it: kept as it is. */
const REFERENCE = /\b(?:\d{4}-)?\d{2}-\d{3,6}(?:\s*\/\s*[A-Za-z]{2,5})?\b(?!-)/g;
/** Dates, kept: 18/07/2025, 2025-07-18 (with dots, "26.79.28" is a phone number). */
const DATE = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b/g;

/** Where a kept part (a reference, a date) waits while the patterns run: a private-use character. */
const HOLD = '\uE000';
const KEPT_PLACE = /\uE000(\d+)\uE000/g;

export function maskText(text: string): string {
  // References and dates are set aside first so that no number pattern eats part of them.
  const kept: string[] = [];
  const keep = (match: string) => {
    kept.push(match);
    return `${HOLD}${kept.length - 1}${HOLD}`;
  };
  let masked = text.replace(REFERENCE, keep).replace(EMAIL, MASKS.email).replace(DATE, keep);
  masked = masked
    .replace(IBAN, MASKS.number)
    .replace(INTERNATIONAL_PHONE, MASKS.phone)
    .replace(TEN_DIGIT_PHONE, MASKS.phone)
    .replace(LONG_NUMBER, MASKS.number)
    .replace(LOCAL_PHONE, (match) => (/^\d{6}$/.test(match) || /\D/.test(match) ? MASKS.phone : match));
  return masked.replace(KEPT_PLACE, (_whole, index: string) => kept[Number(index)] ?? '');
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
