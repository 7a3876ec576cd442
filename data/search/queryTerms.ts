import { words } from './normalize.js';
import { ENGLISH_TO_FRENCH, FRENCH_VARIANTS, STOP_WORDS } from './lexicon.js';

/** One thing the user asked for, with the words that count as saying it and how well. */
export interface QueryTerm {
  variants: ReadonlyArray<{ word: string; quality: number }>;
  /** An optional term adds to the score but is not needed for full coverage (an English original). */
  optional: boolean;
}

const PHRASES = ENGLISH_TO_FRENCH.map(([english, french]) => ({
  english: english.split(' '),
  french: french.split(' '),
}));

const VARIANT_QUALITY = 0.7;

function withVariants(word: string): QueryTerm['variants'] {
  const extra = FRENCH_VARIANTS[word] ?? [];
  return [{ word, quality: 1 }, ...extra.map((v) => ({ word: v, quality: VARIANT_QUALITY }))];
}

function phraseAt(tokens: string[], at: number): (typeof PHRASES)[number] | undefined {
  return PHRASES.find((p) => p.english.every((w, k) => tokens[at + k] === w));
}

/**
 * "1er", "2ème", "premier", "second": the rank before "grade" in a grade's name, as the words come stemmed
 * (an ordinal in figures is "2e" whatever its spelling, see normalize.ts).
 */
const ORDINAL = /^(?:\d{1,2}e?|premier|deuxieme|second|seconde|troisieme|quatrieme)$/;

/**
 * The words of a rank ("1er grade", "2ème grade", "grade 2"): said with a corps ("ingénieur 1er grade"),
 * they prefer its offers of that rank but do not make a search of their own, as every corps has its
 * "1er grade" (the technicians' offers came first for "ingénieur 1er grade"). Said alone they are the search.
 */
function rankWords(tokens: readonly string[]): Set<number> {
  const rank = new Set<number>();
  tokens.forEach((token, i) => {
    if (token !== 'grade') return;
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    if (before !== undefined && ORDINAL.test(before)) rank.add(i - 1).add(i);
    else if (after !== undefined && /^\d{1,2}$/.test(after)) rank.add(i).add(i + 1);
  });
  // Only beside other words: "1er grade" alone is all that was asked.
  return tokens.some((token, i) => !rank.has(i) && !STOP_WORDS.has(token)) ? rank : new Set();
}

/**
 * A rank's words weigh this much: enough to put the offers of that rank first, not so much that a rare
 * "2e" leaves the corps' other offers under the cut-off (RELATIVE_CUTOFF in searchOffers.ts).
 */
const RANK_QUALITY = 0.25;

/** Splits what the user typed into terms: English read as French, function words dropped, a grade's rank optional. */
export function queryTerms(text: string): QueryTerm[] {
  const tokens = words(text);
  const rank = rankWords(tokens);
  const terms: QueryTerm[] = [];
  for (let i = 0; i < tokens.length; ) {
    const phrase = phraseAt(tokens, i);
    if (phrase) {
      for (const word of phrase.french) terms.push({ variants: withVariants(word), optional: false });
      const originals = phrase.english.filter((w) => !STOP_WORDS.has(w) && !phrase.french.includes(w));
      if (originals.length > 0) {
        terms.push({ variants: originals.map((word) => ({ word, quality: 1 })), optional: true });
      }
      i += phrase.english.length;
      continue;
    }
    const word = tokens[i] as string;
    if (rank.has(i)) terms.push({ variants: [{ word, quality: RANK_QUALITY }], optional: true });
    else if (!STOP_WORDS.has(word)) terms.push({ variants: withVariants(word), optional: false });
    i += 1;
  }
  return dedupe(terms);
}

/** The words the lexicon knows as trades and fields, whether or not an open offer uses them today. */
const VOCABULARY = new Set([...PHRASES.flatMap((p) => p.french), ...Object.keys(FRENCH_VARIANTS)]);

/**
 * "chauffeur", "driver", "pompier": a message of words the lexicon knows as trades is a search even
 * when no offer names them (it finds none, says so and offers an alert), not a message not understood.
 */
export function inSearchVocabulary(text: string): boolean {
  const terms = queryTerms(text).filter((term) => !term.optional);
  return terms.length > 0 && terms.length <= 3 && terms.every((term) => VOCABULARY.has(term.variants[0]?.word ?? ''));
}

function dedupe(terms: QueryTerm[]): QueryTerm[] {
  const seen = new Set<string>();
  return terms.filter((term) => {
    const key = `${term.optional}:${term.variants[0]?.word}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
