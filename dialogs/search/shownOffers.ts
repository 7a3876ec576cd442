import { normalize } from '../../data/search/normalize.js';
import type { ConversationData } from '../conversationData.js';

/*
 * "la date limite du premier", "rappelle-moi la deuxième", "details of the second one", "le dernier":
 * an offer named by its place among the results just shown. The words are what users type to the
 * bot, in both languages, not text the bot shows: they live here, next to how they are read.
 */
const PLACES = new Map<string, number>([
  ...['premier', 'premiere', '1er', '1ere', '1re', 'first', '1st'].map((w) => [w, 0] as const),
  ...['deuxieme', 'second', 'seconde', '2e', '2eme', '2nd'].map((w) => [w, 1] as const),
  ...['troisieme', '3e', '3eme', 'third', '3rd'].map((w) => [w, 2] as const),
  ...['quatrieme', '4e', '4eme', 'fourth', '4th'].map((w) => [w, 3] as const),
  ...['cinquieme', '5e', '5eme', 'fifth', '5th'].map((w) => [w, 4] as const),
  ...['dernier', 'derniere', 'last'].map((w) => [w, -1] as const),
]);
/** The words before a place that make it one of the results: "le premier", "du 2e", "the first". */
const ARTICLES = new Set(['le', 'la', 'l', 'du', 'au', 'the', 'de']);
/** A place followed by these is about something else: "au premier grade", "le 2e échelon", "le 1er février", "the 1st of May". */
const NOT_AN_OFFER = new Set([
  ...['grade', 'echelon', 'niveau', 'classe', 'concours', 'tour', 'degre', 'jour', 'day', 'semaine', 'week', 'mois', 'month', 'of'],
  ...['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'],
  ...['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
]);
/** What may follow a place said without an article: "deuxième offre", "second one", "premier svp". */
const OFFER_WORDS = new Set(['offre', 'offres', 'poste', 'annonce', 'resultat', 'one', 'offer', 'job', 'svp', 'please', 'stp']);
/** Longer messages are not looked through: a place is said in a few words. */
const MAX_WORDS = 40;
/** "la deuxième offre svp": a message this short can be nothing but a place. */
const ALONE_WORDS = 4;

/**
 * The place (0 for the first, -1 for the last) a message names among shown results, if it does.
 * `alone`: the message may be nothing but a place (the answer to "which offer?", a message understood as
 * nothing else), so a short "premier" or "2" is a place too.
 */
function placeNamed(text: string, alone = false): number | undefined {
  // Folded as offers are (no accents, punctuation as spaces), not stemmed: every form is in the list.
  const words = normalize(text).split(' ').slice(0, MAX_WORDS);
  const short = alone && words.length <= ALONE_WORDS;
  if (short && words.length === 1 && /^[1-5]$/.test(words[0] ?? '')) return Number(words[0]) - 1;
  for (let i = 0; i < words.length; i += 1) {
    // "la 2", "le 3" in a short message: a place too (a reference has three digits or more).
    const place = PLACES.get(words[i] ?? '') ?? (short && i > 0 && /^[1-5]$/.test(words[i] ?? '') ? Number(words[i]) - 1 : undefined);
    // In a sentence, only "le premier": without its article, a place is too often another word's ("premier
    // emploi", "dernier délai").
    const next = words[i + 1];
    const named = i === 0 ? short && (next === undefined || OFFER_WORDS.has(next)) : ARTICLES.has(words[i - 1] ?? '');
    if (place === undefined || !named) continue;
    if (NOT_AN_OFFER.has(next ?? '')) continue;
    return place;
  }
  return undefined;
}

/** The reference of the shown offer a message names by its place ("le premier"), if any. */
export function shownOfferNamed(text: string, data: ConversationData, alone = false): string | undefined {
  const shown = data.lastShown ?? [];
  const place = placeNamed(text, alone);
  if (place === undefined || shown.length === 0) return undefined;
  return place < 0 ? shown[shown.length - 1] : shown[place];
}

/** Words around a place that say nothing else: "et la deuxième ?", "and the last one?", "alors le premier". */
const AROUND_A_PLACE = new Set(['et', 'and', 'what', 'about', 'how', 'alors', 'puis', 'ensuite', 'then', 'aussi', 'also', 'celle', 'celui', 'ci', 'la', 'le', 'l', 'the', 'de', 'du', 'au']);

/**
 * The shown offer a message names by its place and nothing else ("et la deuxième ?", "and the last
 * one?"): read as a search by the model, it is that offer's details. Undefined when it says more
 * ("le premier poste à Nouméa" searches).
 */
export function shownOfferAlone(text: string, data: ConversationData): string | undefined {
  const words = normalize(text).split(' ');
  if (words.length > MAX_WORDS) return undefined;
  const rest = words.filter((w) => !PLACES.has(w) && !/^[1-5]$/.test(w) && !AROUND_A_PLACE.has(w) && !OFFER_WORDS.has(w) && w !== '');
  return rest.length === 0 ? shownOfferNamed(text, data, true) : undefined;
}

/** "Vérifie toutes les offres", "check me against all open offers", "toutes": every open offer at once. */
const ALL_OFFERS = /\b(toutes|tous|all|every|chaque|lesquelles|quelles offres|which (offers|jobs)|what (offers|jobs))\b/i;

export function asksAllOffers(text: string): boolean {
  return ALL_OFFERS.test(text);
}
