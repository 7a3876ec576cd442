import type { OfferFilters } from '../../data/search/searchOffers.js';
import type { Recognition } from '../recognition/recognizer.js';

/** "Closing soon" means within a week: the time it takes to put an application together. */
export const CLOSING_SOON_DAYS = 7;

/** "qui ferment demain", "closing today": the day said, before "soon" is read. */
const CLOSING_ON = /\b(?:qui )?(?:ferment|fermant|cl[oô]turent|se terminent|finissent|closing|close|ending|expiring)\s+(aujourd['’ ]?hui|ce soir|today|tonight|demain|tomorrow)\b/i;
/** Days left by the day said: 0 today, 1 by tomorrow. */
const daysLeftBy = (day: string) => (/^(?:demain|tomorrow)$/i.test(day) ? 1 : 0);

const CLOSING_SOON = /\b(qui )?(ferment|fermant|cloturent|se terminent|closing|close|ending|expiring)( bient[oô]t| soon| cette semaine| this week)?\b|\bbient[oô]t\b|\bsoon\b|\burgent(es)?\b/gi;

/**
 * A domain or a grade said as a filter ("en informatique", "dans le domaine de la santé", "grade
 * ingénieur", "corps des rédacteurs") filters; said alone ("infirmier", "ingénieur informatique") it is
 * searched as words, which also finds the offers filed under a neighbouring domain or a grade spelt
 * otherwise.
 */
const FILTER_KINDS = new Set(['domain', 'grade']);
const FILTER_CUE = /(?:^|\s)(?:en|dans|domaines?(?: de| des| du)?(?: la| l['’])?|fili[eè]re|secteur|corps(?: des| de)?|grade(?: de| d['’])?|cadre d['’]emplois?(?: des| de)?|in(?: the)?(?: field of)?|field(?: of)?)\s*$/i;

/** The word a place or an employer leaves behind when it becomes a filter: "secrétaire à (Nouméa)", "jobs in (Koné)". */
const LEFT_BEFORE_A_NAME = /(?:^|\s)(?:à|a|au|aux|en|de|du|des|chez|sur|pour|in|at|from|on|for|with)\s*$/i;

function saidAsFilter(text: string, offset: number): boolean {
  return FILTER_CUE.test(text.slice(Math.max(0, offset - 40), offset));
}

export interface SearchIntent {
  text: string;
  filters: OfferFilters;
}

/**
 * Turns a recognised message into a search: employer and commune named in the sentence become
 * filters ("offres de l'OPT à Koné"), "qui ferment bientôt" becomes a closing-soon filter, and the
 * rest of the words are searched.
 */
export function searchIntentFrom(recognition: Recognition, options: { domainsAndGradesAsFilters?: boolean } = {}): SearchIntent {
  const asFilters = options.domainsAndGradesAsFilters ?? true;
  const filters: OfferFilters = {};
  let text = recognition.text;
  const spans = recognition.entities
    .filter((e) => (e.category === 'commune' || e.category === 'employer' || (asFilters && FILTER_KINDS.has(e.category) && saidAsFilter(recognition.text, e.offset))) && e.resolution)
    .sort((a, b) => b.offset - a.offset);
  for (const entity of spans) {
    const kind = entity.category as 'commune' | 'employer' | 'domain' | 'grade';
    filters[kind] ??= entity.resolution;
    // The words kept are quoted back when the filters go ("5 offres correspondent à « secrétaire »"): no "à" left hanging.
    text = `${text.slice(0, entity.offset).replace(LEFT_BEFORE_A_NAME, ' ')} ${text.slice(entity.offset + entity.length)}`;
  }
  const closingOn = CLOSING_ON.exec(text);
  if (closingOn) {
    filters.closingWithinDays = daysLeftBy(closingOn[1] ?? '');
    text = text.replace(CLOSING_ON, ' ');
  } else if (CLOSING_SOON.test(text)) {
    filters.closingWithinDays = CLOSING_SOON_DAYS;
    text = text.replace(CLOSING_SOON, ' ');
  }
  CLOSING_SOON.lastIndex = 0;
  return { text: text.replace(/\s+/g, ' ').trim(), filters };
}
