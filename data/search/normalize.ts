/**
 * One normal form for offer text and for what people type: lower case, no accents, ligatures
 * spelt out (œ → oe, æ → ae), punctuation as spaces, light plural stemming. "Ingénieurs" and
 * "ingenieur", "Œuvre" and "oeuvre" meet here.
 */
export function normalize(text: string): string {
  return foldAccents(text.replace(/œ/gi, 'oe').replace(/æ/gi, 'ae'))
    .replace(INCLUSIVE, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The inclusive endings of titles ("infirmier(ère)", "chargé.e", "éducateur·rice", "assistant(e)s",
 * "technicien-ne"), folded: dropped, so that the word reads as its masculine, which is how the
 * feminine is stemmed too (see `stem`).
 */
const INCLUSIVE = /(?<=[a-z])(?:\((?:e|es|ere|eres|euse|euses|rice|trice|ne|nne|ive|le|lle|x|fe|ffe)\)|[.·•-](?:e|es|ere|euse|rice|trice|ne|nne|ive|lle)(?![a-z]))/g;

/**
 * Lower case without accents, letter for letter ("Échéance" → "echeance"): the same length as the
 * text for the letters French uses, so offsets found in the folded text are offsets in the original.
 */
export function foldAccents(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** "2ème", "2eme", "2nd", "1er", "3rd": an ordinal in figures, in any of its spellings. */
const ORDINAL_IN_FIGURES = /^(\d{1,2})(?:er|ere|re|e|eme|em|nd|nde|st|rd|th)$/;

/**
 * French and English plurals to singular, short of a real stemmer: enough for "offres", "ingénieurs", "jobs".
 * An ordinal in figures becomes one spelling ("2e"), so "technicien 2e grade" meets "Technicien 2ème grade".
 */
export function stem(word: string): string {
  const ordinal = ORDINAL_IN_FIGURES.exec(word);
  if (ordinal) return `${ordinal[1]}e`;
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('aux') && word.length > 4) return `${word.slice(0, -3)}al`;
  let singular = word;
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) singular = word.slice(0, -1);
  else if (word.endsWith('x') && word.length > 4 && /[aeu]x$/.test(word)) singular = word.slice(0, -1);
  return masculine(singular);
}

/** The feminine of a trade read as its masculine: infirmière, éducatrice, technicienne, chauffeuse. */
function masculine(word: string): string {
  if (word.length <= 5) return word;
  if (word.endsWith('iere')) return `${word.slice(0, -4)}ier`;
  if (word.endsWith('trice')) return `${word.slice(0, -5)}teur`;
  if (word.endsWith('euse')) return `${word.slice(0, -4)}eur`;
  if (word.endsWith('ienne')) return `${word.slice(0, -5)}ien`;
  return word;
}

/** Normalised words, stemmed. Apostrophes split ("d'information" → "d", "information"). */
export function words(text: string): string[] {
  const normal = normalize(text);
  return normal === '' ? [] : normal.split(' ').map(stem);
}
