import type { Offer } from '../offers/offer.js';
import { referenceWords } from '../offers/reference.js';
import { closesAt, opensAt } from '../offers/openness.js';
import { words } from './normalize.js';
import { FUNCTION_WORDS, STOP_WORDS } from './lexicon.js';
import { FACET_KINDS, facetKey, facetTexts, type FacetKind } from './facets.js';

/**
 * An inverted index over the offers' words, built once per version of the offers and never
 * changed after: a new version of the file builds a new index, swapped in whole.
 *
 * Why not fuse.js over whole offers: it scores every offer's every field per query (~400 ms p95 at
 * 1,000 offers measured here). An index touches only the offers that share a word with the query,
 * and typo tolerance is paid once per distinct word of the vocabulary, not per offer.
 */

/** How much a word counts, by where it stands in the offer. */
export const FIELD_WEIGHTS = {
  reference: 4,
  title: 3,
  corpsGrades: 2,
  domains: 2,
  respncJob: 1.5,
  occupation: 1.5,
  employer: 1.5,
  direction: 1.2,
  service: 1,
  location: 1.2,
  summary: 0.8,
  missions: 0.5,
  activities: 0.4,
  knowledge: 0.3,
  skills: 0.2,
} as const;

type IndexedField = keyof typeof FIELD_WEIGHTS;

export const SALIENT_WEIGHT = 1.2;

function fieldTexts(offer: Offer): Record<IndexedField, string[]> {
  const location = offer.location;
  return {
    reference: [offer.reference],
    title: [offer.title, offer.alternateTitle ?? ''],
    corpsGrades: offer.corpsGrades,
    domains: offer.domains,
    respncJob: [offer.respncJob ?? ''],
    occupation: [offer.occupation ?? '', offer.rome?.label ?? ''],
    employer: [offer.employer],
    direction: [offer.direction ?? ''],
    service: [offer.service ?? ''],
    location: [location?.name ?? '', location?.commune ?? '', location?.address ?? ''],
    summary: [offer.summary ?? ''],
    missions: offer.missions,
    activities: offer.activities,
    knowledge: offer.knowledge ?? [],
    skills: offer.skills ?? [],
  };
}


export interface Postings {
  docs: Int32Array;
  weights: Float32Array;
  idf: number;
}

export interface OfferIndex {
  readonly offers: readonly Offer[];
  /** Per offer, in milliseconds since the epoch: when it opens and when it closes (Nouméa days). */
  readonly opensAtMs: Float64Array;
  readonly closesAtMs: Float64Array;
  readonly postings: ReadonlyMap<string, Postings>;
  /** The vocabulary sorted, for prefix look-ups. */
  readonly vocabulary: readonly string[];
  /** Trigram → vocabulary words holding it, for typo look-ups. */
  readonly trigrams: ReadonlyMap<string, readonly string[]>;
  /** Normalised reference → offer position. */
  readonly byReference: ReadonlyMap<string, number>;
  /**
   * Words that name an offer (from fields weighing at least SALIENT_WEIGHT: title, grade, domain,
   * employer, place…) as opposed to words of its long texts. Loose matches are kept to these.
   */
  readonly salient: ReadonlySet<string>;
  /** Per offer, the words of what names the job (title, RESPNC job, occupation), for phrase matches. */
  readonly headings: ReadonlyArray<ReadonlyArray<readonly string[]>>;
  /** Per offer, all its words without function words, space-separated, fields apart: " a b | c d ". */
  readonly texts: readonly string[];
  /** Per kind of filter, per offer, the offer's values in facet form ("office poste telecommunication"). */
  readonly facetKeys: Readonly<Record<FacetKind, ReadonlyArray<readonly string[]>>>;
}

export function trigramsOf(word: string): string[] {
  const padded = `^${word}$`;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}

/** Diminishing returns (BM25's): a word said ten times in the activities is not ten times the match. */
function saturate(weight: number): number {
  return (weight * 2.2) / (weight + 1.2);
}

/** Remembers answers for repeated inputs during one build: offers repeat their texts and dates a lot. */
function memo<T>(compute: (key: string) => T): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined) {
      value = compute(key);
      seen.set(key, value);
    }
    return value;
  };
}

export function buildOfferIndex(offers: readonly Offer[]): OfferIndex {
  // Function words are never searched (queries drop them), so they are not indexed either.
  const wordsOf = memo((text) => words(text).filter((w) => !FUNCTION_WORDS.has(w)));
  const phraseOf = memo((text) => wordsOf(text).join(' '));
  const docsOf = new Map<string, number[]>();
  const weightsOf = new Map<string, number[]>();
  const byReference = new Map<string, number>();
  const salient = new Set<string>();
  const texts: string[] = [];

  offers.forEach((offer, doc) => {
    byReference.set(offer.reference, doc);
    const fields = fieldTexts(offer);
    const phrases: string[] = [];
    // Each occurrence counts, by where it stands; `saturate` keeps repetition from running away.
    const weights = new Map<string, number>();
    for (const field of Object.keys(FIELD_WEIGHTS) as IndexedField[]) {
      const fieldWeight = FIELD_WEIGHTS[field];
      const add = (word: string) => {
        weights.set(word, (weights.get(word) ?? 0) + fieldWeight);
        if (fieldWeight >= SALIENT_WEIGHT) salient.add(word);
      };
      if (field === 'reference') referenceWords(offer.reference).forEach(add);
      for (const value of fields[field]) {
        if (value === '') continue;
        phrases.push(phraseOf(value));
        for (const word of wordsOf(value)) add(word);
      }
    }
    for (const [word, weight] of weights) {
      let docs = docsOf.get(word);
      if (!docs) {
        docsOf.set(word, (docs = []));
        weightsOf.set(word, []);
      }
      docs.push(doc);
      weightsOf.get(word)?.push(saturate(weight));
    }
    texts.push(` ${phrases.filter((p) => p !== '').join(' | ')} `);
  });

  const postings = new Map<string, Postings>();
  const n = offers.length;
  for (const [word, docs] of docsOf) {
    postings.set(word, {
      docs: Int32Array.from(docs),
      weights: Float32Array.from(weightsOf.get(word) ?? []),
      idf: Math.log(1 + (n - docs.length + 0.5) / (docs.length + 0.5)),
    });
  }

  const keyOf = memo(facetKey);
  const keysOf = (kind: FacetKind) => offers.map((offer) => facetTexts(kind, offer).map(keyOf));
  const facetKeys = Object.fromEntries(FACET_KINDS.map((kind) => [kind, keysOf(kind)])) as Record<FacetKind, string[][]>;
  const opening = memo((postedOn) => opensAt({ postedOn }).getTime());
  const closing = memo((key) => {
    const [deadline = '', closedOn] = key.split('|');
    return closesAt({ deadline, closedOn: closedOn || undefined }).getTime();
  });
  const vocabulary = [...postings.keys()].sort();
  const trigrams = new Map<string, string[]>();
  for (const word of vocabulary) {
    if (word.length < 4 || /^\d+$/.test(word)) continue;
    for (const gram of new Set(trigramsOf(word))) {
      const holders = trigrams.get(gram);
      if (holders) holders.push(word);
      else trigrams.set(gram, [word]);
    }
  }

  const headings = offers.map((offer) =>
    [offer.title, offer.alternateTitle, offer.respncJob, offer.occupation]
      .filter((h): h is string => !!h)
      .map((h) => words(h).filter((w) => !STOP_WORDS.has(w))),
  );

  return {
    offers,
    headings,
    texts,
    facetKeys,
    salient,
    opensAtMs: Float64Array.from(offers.map((o) => opening(o.postedOn))),
    closesAtMs: Float64Array.from(offers.map((o) => closing(`${o.deadline}|${o.closedOn ?? ''}`))),
    postings,
    vocabulary,
    trigrams,
    byReference,
  };
}
