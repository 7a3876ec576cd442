import { stem, words } from '../../data/search/normalize.js';
import type { Language } from './messages.js';

/**
 * Which language a message is written in, from the words only French or only English would use.
 * Undefined when it cannot tell ("0966", "Nouméa"), so the conversation keeps its language.
 */
const FRENCH = new Set(
  ('le la les des du un une est sont je j tu vous nous mon ma mes quel quelle quelles quels comment quand ' +
    'ou pour avec dans sur offre poste emploi aide bonjour salut merci oui non voir plus date limite ' +
    'postuler candidature candidater cherche recherche annuler annule a au aux en et informatique ferment ' +
    'bientot toute tout puis peux veux voudrais svp stp qui que quoi il y ya fermer').split(' ').map(stem),
);
const ENGLISH = new Set(
  ('the is are a an what which how when where who do does can could i my me you your job jobs offer ' +
    'offers vacancy vacancies show find search help hello hi thanks thank yes no see more ' +
    'deadline apply application cancel in for with any all closing soon open please there want looking ' +
    'position positions work'
  ).split(' ').map(stem),
);

export function detectLanguage(text: string): Language | undefined {
  let french = 0;
  let english = 0;
  const raw = text.toLowerCase();
  // Accented letters are a strong French signal that normalisation would erase.
  if (/[àâçéèêëîïôûùüÿœ]/.test(raw)) french += 1;
  for (const word of words(text)) {
    if (FRENCH.has(word)) french += 1;
    if (ENGLISH.has(word)) english += 1;
  }
  if (french === english) return undefined;
  return french > english ? 'fr' : 'en';
}

/** "en-US" → en; anything else French, the bot's first language. */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  if (!locale) return undefined;
  if (/^en\b/i.test(locale)) return 'en';
  if (/^fr\b/i.test(locale)) return 'fr';
  return undefined;
}

/** What the user writes wins; then what the conversation was in; then the channel's locale; then French. */
export function chooseLanguage(text: string, remembered: Language | undefined, locale: string | undefined): Language {
  return detectLanguage(text) ?? remembered ?? languageOfLocale(locale) ?? 'fr';
}
