import Fuse from 'fuse.js';
import type { Offer } from '../offers/offer.js';
import { normalize, stem, words } from './normalize.js';
import { FUNCTION_WORDS, STOP_WORDS } from './lexicon.js';
import { employerAliases } from '../offers/employers.js';
import { communePlaces, provinceNames, provinceOf } from '../offers/communes.js';

/**
 * The values a user can filter on (employer, domain, commune, grade, and the province of the commune), as
 * the offers spell them. A name said is looked up in this order: "province Nord" is the employer, "le Nord" the province.
 * Employers are spelt several ways in real data ("Office des Postes et Télécommunications",
 * "Office des postes et des télécommunications"): one key joins them.
 */
export const FACET_KINDS = ['commune', 'employer', 'domain', 'grade', 'province'] as const;
export type FacetKind = (typeof FACET_KINDS)[number];

export interface FacetValue {
  kind: FacetKind;
  /** The spelling shown to users: the most frequent in the offers. */
  label: string;
  key: string;
  /** Other ways users name it: the acronym of an employer ("OPT"). */
  aliases: string[];
}

export function facetKey(text: string): string {
  return words(text)
    .filter((w) => !FUNCTION_WORDS.has(w))
    .join(' ');
}

function acronym(label: string): string | undefined {
  const initials = words(label)
    .filter((w) => !FUNCTION_WORDS.has(w) && !/^\d/.test(w))
    .map((w) => w[0])
    .join('');
  return initials.length >= 2 ? initials : undefined;
}

/** The offer's values for a kind of filter, as the offer spells them. */
export function facetTexts(kind: FacetKind, offer: Offer): string[] {
  switch (kind) {
    case 'employer':
      return [offer.employer];
    case 'domain':
      return offer.domains;
    case 'commune':
      return offer.location?.commune ? [offer.location.commune] : [];
    case 'grade':
      return offer.corpsGrades;
    case 'province': {
      const province = offer.location?.commune ? provinceOf(offer.location.commune) : undefined;
      return province ? [province] : [];
    }
  }
}

/** The everyday names of a value beside its label: an employer's ("CHT", "Médipôle"), a commune's places, a province's ("le Nord"). */
export function otherNames(kind: FacetKind, label: string): readonly string[] {
  if (kind === 'employer') return employerAliases(label);
  if (kind === 'commune') return communePlaces(label);
  if (kind === 'province') return provinceNames(label);
  return [];
}

export function facetValues(offers: readonly Offer[]): FacetValue[] {
  const result: FacetValue[] = [];
  for (const kind of FACET_KINDS) {
    const spellings = new Map<string, Map<string, number>>();
    for (const offer of offers) {
      for (const value of facetTexts(kind, offer)) {
        const key = facetKey(value);
        if (key === '') continue;
        const counts = spellings.get(key) ?? new Map<string, number>();
        counts.set(value, (counts.get(value) ?? 0) + 1);
        spellings.set(key, counts);
      }
    }
    for (const [key, counts] of spellings) {
      const label = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? key;
      const short = kind === 'employer' ? acronym(label) : undefined;
      // An employer's everyday names ("CHT", "Médipôle", "gouvernement") find it too.
      const known = otherNames(kind, label).map(facetKey);
      result.push({ kind, label, key, aliases: [...new Set([...(short ? [short] : []), ...known])].filter((a) => a !== '' && a !== key) });
    }
  }
  return result;
}

export interface FacetMention {
  value: FacetValue;
  /** Where in the user's text, in characters, so the rest can be searched as words. */
  start: number;
  end: number;
}

interface Candidate {
  value: FacetValue;
  text: string;
}

/**
 * Finds facet values named in free text ("à Koné", "à l'OPT", "province sud"), tolerating typos.
 * fuse.js is at its best here: a few dozen short names, compared with a few short spans of text.
 */
export class FacetMatcher {
  /** One fuse.js index per first letter: a typo is rarely on the first letter, and each index is small. */
  private readonly fuses = new Map<string, Fuse<Candidate>>();
  private readonly exact = new Map<string, FacetValue>();
  /** Phrases looked up before (people type the same names): their answer, bounded. */
  private readonly remembered = new Map<string, FacetValue | null>();

  constructor(
    readonly values: readonly FacetValue[],
    private readonly kinds: readonly FacetKind[] = FACET_KINDS,
  ) {
    const candidates = values
      .filter((v) => this.kinds.includes(v.kind))
      .flatMap((value) => [value.key, ...value.aliases].map((text) => ({ value, text })));
    for (const candidate of candidates) if (!this.exact.has(candidate.text)) this.exact.set(candidate.text, candidate.value);
    const byLetter = new Map<string, Candidate[]>();
    for (const candidate of candidates) {
      const letter = candidate.text.charAt(0);
      byLetter.set(letter, [...(byLetter.get(letter) ?? []), candidate]);
    }
    for (const [letter, group] of byLetter) this.fuses.set(letter, new Fuse(group, { keys: ['text'], includeScore: true, threshold: 0.2, ignoreLocation: true }));
  }

  /**
   * A name as written, or stemmed as the keys are ("aux Îles" meets the key "ile"), or within a typo of
   * one as written (fuzzy only for one or two words of some length; not stemmed, as a stem is nearer to
   * more names: "nouvelle" is one letter from Nouméa's "Nouville").
   */
  private lookUp(phrase: string, size: number): FacetValue | undefined {
    const exact = this.exact.get(phrase) ?? this.exact.get(phrase.split(' ').map(stem).join(' '));
    if (exact) return exact;
    // A short word must match exactly: "nc" is not "nord".
    if (size > 2 || phrase.length <= 4) return undefined;
    const known = this.remembered.get(phrase);
    if (known !== undefined) return known ?? undefined;
    const best = this.fuses.get(phrase.charAt(0))?.search(phrase, { limit: 1 })[0];
    const found = best && (best.score ?? 1) <= 0.2 && Math.abs(best.item.text.length - phrase.length) <= Math.max(1, phrase.length / 5) ? best.item.value : undefined;
    if (this.remembered.size >= 5000) this.remembered.clear();
    this.remembered.set(phrase, found ?? null);
    return found;
  }

  find(text: string): FacetMention[] {
    const spans = wordSpans(text);
    const mentions: FacetMention[] = [];
    const taken = new Set<number>();
    // Longest spans first, so "province sud" wins over "sud".
    for (let size = 4; size >= 1; size--) {
      for (let i = 0; i + size <= spans.length; i++) {
        if (Array.from({ length: size }, (_, k) => i + k).some((k) => taken.has(k))) continue;
        const words = spans.slice(i, i + size).map((s) => s.word);
        // A name starts and ends with a word of its own: "en informatique" is "informatique".
        if (STOP_WORDS.has(words[0] as string) || STOP_WORDS.has(words[size - 1] as string)) continue;
        const value = this.lookUp(words.join(' '), size);
        if (!value) continue;
        for (let k = i; k < i + size; k++) taken.add(k);
        mentions.push({ value, start: (spans[i] as WordSpan).start, end: (spans[i + size - 1] as WordSpan).end });
      }
    }
    return mentions.sort((a, b) => a.start - b.start);
  }
}

interface WordSpan {
  word: string;
  start: number;
  end: number;
}

function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = normalize(match[0]);
    if (word !== '') spans.push({ word, start: match.index, end: match.index + match[0].length });
  }
  return spans;
}
