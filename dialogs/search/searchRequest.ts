import type { OfferFilters } from '../../data/search/searchOffers.js';
import { FACET_KINDS, type FacetKind } from '../../data/search/facets.js';
import type { Recognition, RecognizedEntity } from '../recognition/recognizer.js';
import { statedFactAsked } from '../../data/search/statedFacts.js';

/** "Closing soon" means within a week: the time it takes to put an application together. */
export const CLOSING_SOON_DAYS = 7;

/** "qui ferment demain", "closing today": the day said, before "soon" is read. */
const CLOSING_ON = /\b(?:qui )?(?:ferment|fermant|cl[oô]turent|se terminent|finissent|closing|close|ending|expiring)\s+(aujourd['’ ]?hui|ce soir|today|tonight|demain|tomorrow)\b/i;
/** Days left by the day said: 0 today, 1 by tomorrow. */
const daysLeftBy = (day: string) => (/^(?:demain|tomorrow)$/i.test(day) ? 1 : 0);

/**
 * "Nouvelles offres", "latest jobs", "quoi de neuf ?": offers by the day they were published, the
 * last week unless a time is said. Plural on purpose: "je cherche un nouveau poste" is a job seeker's
 * wish, not a date.
 */
const RECENT =
  /(?<![\p{L}])(?:(?:nouvelles|nouveaux|derni[eè]res|derniers|new|newest|latest|recent|most recent)\s+(?:offres|postes|annonces|avis|emplois|jobs|job offers|offers|postings|vacancies|openings)|(?:offres|postes|annonces|emplois|jobs|offers|postings|vacancies)\s+(?:r[ée]centes|r[ée]cents|recent|du jour|de la semaine|du mois|of the day|of the week)|quoi de neuf|du nouveau|what(?:['’]s| is) new|anything new)(?![\p{L}])/giu;
/**
 * "Publiées cette semaine", "posted today": a time must come with it, as "quelles offres sont publiées
 * au CHT ?" asks for all of them.
 */
const POSTED =
  /(?<![\p{L}])(?:(?:qui (?:ont [ée]t[ée]|sont) |that (?:were|have been) )?(?:publi[ée]e?s?|parue?s?|mise?s? en ligne|sortie?s?|posté(?:e|s|es)?|affiché(?:e|s|es)?|posted|published|added|put up|listed))(?![\p{L}])/giu;
/** The time said with it, and how many days back it reaches: today 0, yesterday 1, a week 7, a month 30. */
const POSTED_PERIODS: ReadonlyArray<readonly [RegExp, number]> = [
  [/(?<![\p{L}])(?:depuis |since |in the (?:last|past) |within the (?:last|past) )?(?:aujourd['’ ]?hui|ce jour|du jour|today|of the day)(?![\p{L}])/iu, 0],
  [/(?<![\p{L}])(?:depuis |since )?(?:hier|yesterday)(?![\p{L}])/iu, 1],
  [/(?<![\p{L}])(?:depuis |since |in the |within the |over the )?(?:cette semaine|la semaine (?:derni[eè]re|pass[ée]e)|de la semaine|une semaine|(?:7|sept) (?:derniers )?jours|this week|last week|of the week|(?:last|past) (?:week|7 days)|a week|7 days)(?![\p{L}])/iu, 7],
  [/(?<![\p{L}])(?:depuis |since |in the |within the |over the )?(?:ce mois(?:[- ]ci)?|le mois (?:dernier|pass[ée])|du mois|un mois|(?:30|trente) (?:derniers )?jours|this month|last month|(?:last|past) (?:month|30 days)|a month|30 days)(?![\p{L}])/iu, 30],
];
/** Said without a time ("nouvelles offres"), new means of the last week. */
const RECENT_DAYS = 7;

function found(pattern: RegExp, text: string): boolean {
  const matched = pattern.test(text);
  pattern.lastIndex = 0;
  return matched;
}

/** Takes "nouvelles offres", "publiées cette semaine" out of the words searched, as a filter. */
function postedWithin(text: string): { text: string; days?: number } {
  const recent = found(RECENT, text);
  const posted = found(POSTED, text);
  if (!recent && !posted) return { text };
  const rest = text.replace(RECENT, ' ').replace(POSTED, ' ');
  for (const [period, reach] of POSTED_PERIODS) {
    if (!period.test(rest)) continue;
    return { text: rest.replace(period, ' '), days: reach };
  }
  // "publiées" alone is never a word of a title: it goes, and no filter with it.
  return recent ? { text: rest, days: RECENT_DAYS } : { text: rest };
}

/** Does the message ask for offers by when they were published? */
export function asksWhenPosted(text: string): boolean {
  return postedWithin(text).days !== undefined;
}

/** "Je cherche un nouveau poste", "a new job": the seeker's wish, no word of an offer (the plural is RECENT). */
const NEW_JOB = /(?<![\p{L}])(?:nouvel(?:le)?|nouveau|new)\s+(?=(?:poste|emploi|travail|boulot|job|position|role|career)(?![\p{L}]))/giu;

/**
 * "Je cherche du travail", "je veux un boulot", "looking for work": the seeker's wish, no word of an offer
 * ("travail" searched found the "Contrôleur du travail"). Only after a verb of wanting: "médecin du travail"
 * and "inspecteur du travail" are trades.
 */
const WORK_WISHED = /((?:cherche|cherchons|recherche|trouver|veux|voudrais|voudrai|aimerais|souhaite|besoin)\s+)(?:du|un|d['’]un|de)\s+(?:travail|boulot|taf|job)(?![\p{L}])|((?:looking for|look for|find|want|need)\s+)(?:some\s+|a\s+)?(?:work|job)(?![\p{L}])/giu;

/** "Je suis infirmier de formation", "a nurse by trade": how one came to the trade, no word to search. */
const TRADE_BY = /((?:je suis|j['’]ai été|i am|i['’]m)\s[^,.;!?]*?)\s(?:de (?:formation|m[ée]tier|profession)|by (?:training|trade|profession))(?![\p{L}])/iu;

const CLOSING_SOON = /\b(qui )?(ferment|fermant|cloturent|se terminent|closing|close|ending|expiring)( bient[oô]t| soon| cette semaine| this week)?\b|\bbient[oô]t\b|\bsoon\b|\burgent(es)?\b/gi;

/**
 * A domain or a grade said as a filter ("en informatique", "dans le domaine de la santé", "grade
 * ingénieur", "corps des rédacteurs") filters; said alone ("infirmier", "ingénieur informatique") it is
 * searched as words, which also finds the offers filed under a neighbouring domain or a grade spelt
 * otherwise.
 */
const FILTER_KINDS = new Set(['domain', 'grade']);
/** Where and for whom: named, they always filter ("à Koné", "à l'OPT", "dans le Nord"). */
const PLACE_KINDS = new Set(['commune', 'employer', 'province']);
const FILTER_CUE = /(?:^|\s)(?:en|dans|domaines?(?: de| des| du)?(?: la| l['’])?|fili[eè]re|secteur|corps(?: des| de)?|grade(?: de| d['’])?|cadre d['’]emplois?(?: des| de)?|in(?: the)?(?: field of)?|field(?: of)?)\s*$/i;

/**
 * The words a place or an employer leaves behind when it becomes a filter: "secrétaire à (Nouméa)", "jobs in
 * (Koné)", "offres dans le (Nord)", "postes de la (province Sud)", "jobs in the (north)".
 */
const LEFT_BEFORE_A_NAME = /(?:^|\s)(?:à|a|au|aux|en|de|du|des|chez|sur|pour|dans|vers|in|at|from|on|for|with)(?:\s+(?:la|le|les|l['’]|the))?\s*$/i;

/**
 * A span two lists name (CLU's lists hold "Province Nord" as the employer and as the province) is read
 * once, as the kind looked up first (FACET_KINDS: the employer), as the catalogue's own matcher does.
 */
function oneNamePerSpan(entities: RecognizedEntity[]): RecognizedEntity[] {
  const rank = (e: RecognizedEntity) => (FACET_KINDS as readonly string[]).indexOf(e.category);
  const kept: RecognizedEntity[] = [];
  for (const entity of [...entities].sort((a, b) => rank(a) - rank(b))) {
    if (!kept.some((k) => entity.offset < k.offset + k.length && k.offset < entity.offset + entity.length)) kept.push(entity);
  }
  return kept;
}

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
  const named = recognition.entities.filter((e) => (PLACE_KINDS.has(e.category) || (asFilters && FILTER_KINDS.has(e.category) && saidAsFilter(recognition.text, e.offset))) && e.resolution);
  const spans = oneNamePerSpan(named).sort((a, b) => b.offset - a.offset);
  for (const entity of spans) {
    const kind = entity.category as FacetKind;
    filters[kind] ??= entity.resolution;
    // The words kept are quoted back when the filters go ("5 offres correspondent à « secrétaire »"): no "à" left hanging.
    text = `${text.slice(0, entity.offset).replace(LEFT_BEFORE_A_NAME, ' ')} ${text.slice(entity.offset + entity.length)}`;
  }
  text = text.replace(TRADE_BY, '$1').replace(NEW_JOB, '').replace(WORK_WISHED, (_all, french?: string, english?: string) => french ?? english ?? '');
  const stated = statedFactAsked(text);
  if (stated) {
    filters.states = stated.fact;
    text = `${text.slice(0, stated.start).replace(LEFT_BEFORE_A_NAME, ' ')} ${text.slice(stated.end)}`;
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
  const posted = postedWithin(text);
  if (posted.days !== undefined) filters.postedWithinDays = posted.days;
  text = posted.text;
  return { text: text.replace(/\s+/g, ' ').trim(), filters };
}
