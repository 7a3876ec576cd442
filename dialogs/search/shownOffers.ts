import type { ConversationData } from '../conversationData.js';

/*
 * "la date limite du premier", "rappelle-moi la deuxième", "details of the second one", "le dernier":
 * an offer named by its place among the results just shown. The words are what users type to the
 * bot, in both languages, not text the bot shows: they live here, next to how they are read.
 */
const PLACES: readonly [RegExp, number][] = [
  [/^(premier|premiere|1er|1ere|1re|first|1st)$/, 0],
  [/^(deuxieme|second|seconde|2e|2eme|2nd)$/, 1],
  [/^(troisieme|3e|3eme|third|3rd)$/, 2],
  [/^(quatrieme|4e|4eme|fourth|4th)$/, 3],
  [/^(cinquieme|5e|5eme|fifth|5th)$/, 4],
  [/^(dernier|derniere|last)$/, -1],
];
/** The words before a place that make it one of the results: "le premier", "du 2e", "the first". */
const ARTICLES = new Set(['le', 'la', 'l', 'du', 'au', 'the', 'de']);
/** A place followed by these is about something else: "au premier grade", "le 2e échelon", "le 1er février", "the 1st of May". */
const NOT_AN_OFFER = new Set([
  ...['grade', 'echelon', 'niveau', 'classe', 'concours', 'tour', 'degre', 'jour', 'day', 'semaine', 'week', 'mois', 'month', 'of'],
  ...['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'],
  ...['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
]);
/** Longer messages are not looked through: a place is said in a few words. */
const MAX_WORDS = 40;

function wordsOf(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .slice(0, MAX_WORDS);
}

function placeOf(word: string): number | undefined {
  return PLACES.find(([pattern]) => pattern.test(word))?.[1];
}

/**
 * The place (0 for the first, -1 for the last) a message names among shown results, if it does.
 * `alone`: the message answers "which offer?", so "premier" or "2" on its own is a place too.
 */
export function placeNamed(text: string, alone = false): number | undefined {
  const words = wordsOf(text);
  if (alone && words.length === 1 && /^[1-5]$/.test(words[0] ?? '')) return Number(words[0]) - 1;
  for (let i = 0; i < words.length; i += 1) {
    const place = placeOf(words[i] ?? '');
    // In a sentence, only "le premier": "premier" alone is too often another word's ("premier emploi").
    const named = i === 0 ? alone : ARTICLES.has(words[i - 1] ?? '');
    if (place === undefined || !named) continue;
    if (NOT_AN_OFFER.has(words[i + 1] ?? '')) continue;
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
