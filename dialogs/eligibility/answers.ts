import { DateTime } from 'luxon';
import type { CandidateProfile, Fact } from '../../data/eligibility/candidateProfile.js';
import { parseEducation } from '../../data/eligibility/educationLevels.js';
import { OFFER_ZONE } from '../../data/offers/openness.js';
import { foldAccents } from '../../data/search/normalize.js';
import { quickTimes } from '../recognition/quickTimes.js';

/**
 * Free answers to the eligibility questions, in French or English: "oui", "pas encore", "depuis
 * 2019", "5 ans et demi", "four years", "Bac+3", "fonctionnaire". Each reader says what it
 * understood, or why the answer cannot be right (a negative duration, a date to come).
 */
export type AnswerProblem = 'notUnderstood' | 'negative' | 'future' | 'tooLong' | 'unknownGrade';
export type Answer<T> = { ok: true; value: T } | { ok: false; problem: AnswerProblem };
/** The question the user is answering: a fact the check needs. */
export type Question = Fact;

const ok = <T>(value: T): Answer<T> => ({ ok: true, value });
const problem = <T>(kind: AnswerProblem): Answer<T> => ({ ok: false, problem: kind });

function fold(text: string): string {
  return foldAccents(text).replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
}

const DONT_KNOW = /^(je (ne )?sais pas|j'sais pas|sais pas|aucune idee|je ne suis pas sur(e)?|i don'?t know|not sure|no idea|dunno|\?+)[ .!]*$/;
export function isDontKnow(text: string): boolean {
  return DONT_KNOW.test(fold(text));
}

// A short question about the question itself ("c'est quoi ?", "what does that mean?"): bounded
// to short messages, so a long message that merely contains "c'est quoi" is not taken for one.
const WHAT_IT_MEANS =
  /(c'?est quoi|qu'?est[- ]ce que?|ca veut dire|veut dire quoi|que (veut dire|signifie)|ca signifie|comment (le )?savoir|je (ne )?comprends? pas|what (does|is|do you mean)|what'?s (a|that|this)|meaning of|how do i know|i don'?t understand)/;

export function asksWhatItMeans(text: string): boolean {
  return text.length <= 120 && WHAT_IT_MEANS.test(fold(text));
}

const YES = /^(oui|ouais|yes|yeah|yep|y|o|bien sur|of course|exact(ement)?|tout a fait|absolument|correct|c'est ca|affirmatif|je suis citoyen(ne)?|i am( a citizen)?|sure)\b/;
const NO = /^(non|no|nope|nan|pas (encore|du tout)|not (yet|at all)|jamais|never|aucun(e)?|je ne suis pas citoyen(ne)?|i am not|i'?m not)\b/;

export function parseYesNo(text: string): Answer<boolean> {
  const folded = fold(text);
  if (NO.test(folded)) return ok(false);
  if (YES.test(folded)) return ok(true);
  return problem('notUnderstood');
}

export function parseStatus(text: string): Answer<NonNullable<CandidateProfile['status']>> {
  const folded = fold(text);
  // First: "non, je suis lauréat" is a laureate, not a "non".
  if (/(?<!\b(pas|not|not an?) )\b(laureat(e)?s?|laureate|liste d'aptitude|(reussi|passed|admis(e)? (a|au)) (le |un |the |a )?(concours|competitive exam))\b/.test(folded)) return ok('laureate');
  if (/\b(ni l'un ni l'autre|neither|aucun des (deux|trois)|non|no|none( of these)?|pas fonctionnaire|pas laureate?|not a civil servant|not a laureate|demandeur d'emploi|job ?seeker|externe?|external)\b/.test(folded)) {
    return ok('external');
  }
  if (/\b(contractuel(le)?|contract(uel)?|cdd|acdp)\b/.test(folded)) return ok('contract');
  if (/\b(fonctionnaire|titulaire|civil servant|tenured|oui|yes)\b/.test(folded)) return ok('civilServant');
  return problem('notUnderstood');
}

export function parseCorps(text: string): Answer<string> {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (trimmed.length < 2) return problem('notUnderstood');
  return ok(trimmed.slice(0, 120));
}

export function parseGrade(text: string, grades: readonly string[]): Answer<string> {
  const folded = fold(text);
  const exact = grades.find((g) => fold(g) === folded);
  if (exact) return ok(exact);
  // "et pour adjoint administratif ?", "je vise Rédacteur": the one grade whose words the message holds.
  const words = (s: string) => ` ${fold(s).replace(/[^a-z0-9]+/g, ' ').trim()} `;
  const named = grades.filter((g) => words(text).includes(words(g)));
  if (named.length === 1) return ok(named[0] as string);
  // "1er", "premier", "first", "2", "deuxième": the grade's rank.
  const ranks: Array<[RegExp, RegExp]> = [
    [/\b(1|1er|1ere|premier|premiere|first|1st)\b/, /\b(1|1er|1ere|premier)\b/],
    [/\b(2|2e|2eme|2nd|deuxieme|second)\b/, /\b(2|2e|2eme|deuxieme|second)\b/],
    [/\b(3|3e|3eme|troisieme|third|3rd)\b/, /\b(3|3e|3eme|troisieme)\b/],
  ];
  for (const [said, inGrade] of ranks) {
    if (!said.test(folded)) continue;
    const match = grades.find((g) => inGrade.test(fold(g)));
    if (match) return ok(match);
  }
  return problem('unknownGrade');
}

export function parseEducationAnswer(text: string): Answer<number> {
  const level = parseEducation(text);
  return level ? ok(level.level) : problem('notUnderstood');
}

const MONTHS: Record<string, number> = {
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};
const MAX_YEARS = 100;

type Residence = Pick<CandidateProfile, 'residenceSince' | 'residencePrecision'>;

/** "depuis 2019", "5 ans et demi", "four years", "since March 2018", "12/03/2015", "pas encore". */
export function parseResidenceAnswer(text: string, now: Date): Answer<Residence> {
  const folded = fold(text);
  const today = DateTime.fromJSDate(now, { zone: OFFER_ZONE }).startOf('day');
  const since = (day: DateTime, precision: 'year' | 'day'): Answer<Residence> => {
    if (day > today) return problem('future');
    if (today.diff(day, 'years').years > MAX_YEARS) return problem('tooLong');
    return ok({ residenceSince: day.toISODate() as string, residencePrecision: precision });
  };
  if (/^-\s*\d/.test(folded) || /\bmoins \d+ ans?\b/.test(folded)) return problem('negative');
  if (/^(non|no|pas encore|not yet|jamais|never|je n'y (reside|habite|vis) pas|i don'?t live there|0|zero|aucune?)\b/.test(folded)) {
    return since(today, 'day');
  }
  if (/\b(moins d'un an|less than a year|quelques mois|a few months)\b/.test(folded)) return since(today, 'day');

  const date = /\b(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})\b/.exec(folded);
  if (date) return since(DateTime.fromObject({ year: Number(date[3]), month: Number(date[2]), day: Number(date[1]) }, { zone: OFFER_ZONE }), 'day');
  const monthYear = new RegExp(`\\b(${Object.keys(MONTHS).join('|')})\\s+((?:19|20)\\d{2})\\b`).exec(folded);
  if (monthYear) {
    // The end of the month: the count of years is then never more than the truth.
    const month = DateTime.fromObject({ year: Number(monthYear[2]), month: MONTHS[monthYear[1] as string] }, { zone: OFFER_ZONE });
    return since(month.endOf('month').startOf('day'), 'day');
  }
  const times = quickTimes(text);
  const year = times.find((t) => t.kind === 'date');
  if (year) return since(DateTime.fromObject({ year: Number(year.timex) }, { zone: OFFER_ZONE }), 'year');
  const bareYear = /^((?:19|20)\d{2})$/.exec(folded);
  if (bareYear) return since(DateTime.fromObject({ year: Number(bareYear[1]) }, { zone: OFFER_ZONE }), 'year');

  const duration = times.find((t) => t.kind === 'duration');
  const amount = duration ? /^P(\d+(?:\.\d+)?)([DWMY])$/.exec(duration.timex) : /^(\d+(?:[.,]\d+)?)$/.exec(folded);
  if (amount) {
    const value = Number(String(amount[1]).replace(',', '.'));
    const unit = duration ? (amount[2] as string) : 'Y';
    const years = unit === 'Y' ? value : unit === 'M' ? value / 12 : unit === 'W' ? value / 52 : value / 365;
    if (years > MAX_YEARS) return problem('tooLong');
    return since(today.minus({ days: Math.round(years * 365.25) }), 'day');
  }
  return problem('notUnderstood');
}

const CONTROL_WORDS = /^(annule[rz]?|stop|arr[eê]te[rz]?|aide|help|cancel|quit(ter)?|menu|au revoir|bye)\b/;

/** "annuler", "aide", "stop": words that steer the conversation, never an answer (a corps can be any other name). */
export function isControlWord(text: string): boolean {
  return CONTROL_WORDS.test(fold(text));
}
