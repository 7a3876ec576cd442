import type { Activity } from 'botbuilder';
import type { Offer } from '../../data/offers/offer.js';
import { formatDayOrText, t, tryT, type Language } from '../i18n/messages.js';
import { escapeMarkdown } from '../cards/adaptiveCard.js';
import { actionButton, formatted } from '../replies.js';
import { conditionLines, type ConditionQuestion } from './offerConditions.js';
import { whomToAsk } from './offerContacts.js';

/** One fact of an offer a question can be about, answered on its own rather than with the whole card. */
export type OfferFact = DetailFact | ConditionQuestion;
type DetailFact = 'place' | 'start' | 'workingTime';

/**
 * "C'est où ?", "quand commence le poste ?", "c'est à temps plein ?": the fact a question about one offer
 * asks, or nothing (then the whole offer is shown). Short alternations on a message already capped in
 * length: linear, nothing to backtrack.
 */
const FACT_WORDS: ReadonlyArray<readonly [DetailFact, RegExp]> = [
  ['workingTime', /\b(temps (plein|complet|partiel|non complet)|mi-temps|horaires?|full[- ]time|part[- ]time|working hours|hours)\b/i],
  ['start', /\b(commencer?|commence|d[ée]but|d[ée]marr\w*|prise de poste|à partir de quand|start\w*|begin\w*)\b/i],
  ['place', /(^|\s)(où|ou se|lieu|situ[ée]e?|localis\w*|where|located|location|workplace)(\s|\?|$)/i],
];

/** Workplace, start or working time (a condition of the post is read before, by the routes: `askedCondition`). */
export function askedFact(text: string): DetailFact | undefined {
  return FACT_WORDS.find(([, words]) => words.test(text))?.[0];
}

/** The offer's place as the card writes it: name, address, commune. */
export function placeText(place: Offer['location']): string | undefined {
  if (!place) return undefined;
  const parts = [place.name, place.address, place.commune].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** What the offer says of its working time: the employment type, the hours, "Temps complet" in a grade line. */
function workingTimeText(offer: Offer, language: Language): string | undefined {
  const said = [
    offer.employmentType ? (tryT(language, `employmentType.${offer.employmentType}`) ?? offer.employmentType) : undefined,
    ...offer.corpsGrades.map((grade) => /temps (complet|partiel|non complet)[^–,;]*/i.exec(grade)?.[0].trim()),
    offer.workingHours,
  ].filter((part): part is string => !!part);
  return said.length > 0 ? [...new Set(said)].join(t(language, 'text.listSeparator')) : undefined;
}

function factValue(offer: Offer, fact: DetailFact, language: Language): string | undefined {
  if (fact === 'place') return placeText(offer.location);
  if (fact === 'start') return offer.start ? formatDayOrText(offer.start, language) : undefined;
  return workingTimeText(offer, language);
}

/**
 * What the posting says of a condition, in its own words; where it says nothing, that the bot does not
 * know (a posting silent on the licence may still ask for one) and whom to ask.
 */
function conditionText(offer: Offer, question: ConditionQuestion, language: Language): string {
  const lines = conditionLines(offer, question);
  const params = { reference: offer.reference, title: offer.title, employer: offer.employer, topic: t(language, `condition.${question}`) };
  if (lines.length > 0) return `${t(language, 'condition.said', params)}\n\n${lines.map((line) => `- « ${escapeMarkdown(line)} »`).join('\n')}`;
  const contact = whomToAsk(offer);
  return [t(language, 'condition.unsaid', params), contact ? t(language, 'condition.askContact', { ...params, contact }) : t(language, 'condition.askEmployer', params)].join(' ');
}

function isCondition(fact: OfferFact): fact is ConditionQuestion {
  return !FACT_WORDS.some(([detail]) => detail === fact);
}

/** The fact asked, from the offer, or that the offer does not say it; the whole offer one tap away. */
export function offerFactReply(offer: Offer, fact: OfferFact, language: Language): Partial<Activity> {
  const details = [actionButton(t(language, 'card.action.details'), { action: 'details', reference: offer.reference })];
  if (isCondition(fact)) return formatted(conditionText(offer, fact, language), [], details);
  const value = factValue(offer, fact, language);
  const params = { reference: offer.reference, title: offer.title, value: value ?? '' };
  const text = value ? t(language, `fact.${fact}`, params) : t(language, `fact.${fact}.unknown`, params);
  return formatted(text, [], details);
}
