import { referencesInText } from '../../data/offers/reference.js';
import { normalize } from '../../data/search/normalize.js';
import type { OfferSnapshot } from '../../data/offers/offerCatalog.js';
import { dateTimeWorker } from './dateTimeRecognition.js';
import { quickTimes } from './quickTimes.js';
import type { EntityCategory, RecognizedEntity } from './recognizer.js';

/**
 * The entities of a message, whichever recogniser found the intent: offer references in any
 * spelling, the names of domains, employers, communes and grades the offers use (typos
 * tolerated), and durations and dates in French or English ("5 ans", "3 days before", "depuis 2019").
 */
/** Short forms people type: "25-0979", "offre 966", "n° 54956", "0979". Full references come from the reference module. */
const SHORT_REFERENCE = /(?<![\d/-])(\d{2}-\d{3,6})(?![\d/-])|(?:n°|no|#|offre|offer|ref|référence|reference|réf)\s*\.?\s*(\d{3,6})\b|(?<![\d/-])(\d{3,6})(?![\d/-])/gi;

function references(text: string, snapshot: OfferSnapshot): RecognizedEntity[] {
  const found: RecognizedEntity[] = [];
  const taken = (at: number) => found.some((f) => at >= f.offset && at < f.offset + f.length);
  for (const mention of referencesInText(text)) {
    const offer = snapshot.findByReference(mention.reference);
    const length = mention.end - mention.start;
    found.push({ category: 'offerReference', text: text.slice(mention.start, mention.end), offset: mention.start, length, confidenceScore: offer ? 1 : 0.6, resolution: offer?.reference ?? mention.reference });
  }
  for (const match of text.matchAll(SHORT_REFERENCE)) {
    if (taken(match.index)) continue;
    const spoken = (match[1] ?? match[2] ?? match[3]) as string;
    const offer = snapshot.findByReference(spoken);
    // A bare number that is no offer's ("2025", "3000 francs") is not a reference.
    if (!offer && !/-/.test(spoken)) continue;
    found.push({
      category: 'offerReference',
      text: match[0],
      offset: match.index,
      length: match[0].length,
      confidenceScore: offer ? 1 : 0.6,
      resolution: offer?.reference ?? spoken,
    });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

function facets(text: string, snapshot: OfferSnapshot): RecognizedEntity[] {
  return snapshot.facetMatcher.find(text).map((mention) => ({
    category: mention.value.kind,
    text: text.slice(mention.start, mention.end),
    offset: mention.start,
    length: mention.end - mention.start,
    confidenceScore: 0.9,
    resolution: mention.value.label,
  }));
}

/**
 * The Recognizers-Text date-time models take 10–300 ms a sentence: each is built once, and asked
 * only about sentences that can hold a duration or a date and that the quick reading missed.
 */
/** A sentence can hold a duration or a date only if it has a word of time. */
const TIME_CUE =
  /\b(jours?|semaines?|mois|ans|annees?|days?|weeks?|months?|years?|veille|lendemain|demain|tomorrow|yesterday|hier|depuis|since|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/;

async function durationsAndDates(text: string, language: 'fr' | 'en', taken: RecognizedEntity[]): Promise<RecognizedEntity[]> {
  if (!TIME_CUE.test(normalize(text))) return [];
  const overlaps = (start: number, end: number) => taken.some((e) => start < e.offset + e.length && e.offset < end);
  const quick = quickTimes(text).filter((q) => !overlaps(q.start, q.start + q.length));
  if (quick.length > 0) {
    return quick.map((q) => ({
      category: q.kind,
      text: text.slice(q.start, q.start + q.length),
      offset: q.start,
      length: q.length,
      confidenceScore: 0.9,
      resolution: q.timex,
    }));
  }
  // Recognizers-Text runs in a worker with a time budget: a sentence it cannot read in time has no date.
  const found = (await dateTimeWorker.recognize(text, language)) ?? [];
  return found
    .filter((r) => !overlaps(r.start, r.end + 1))
    .map((r) => {
      const category: EntityCategory = r.typeName.includes('duration') ? 'duration' : 'date';
      return { category, text: r.text, offset: r.start, length: r.end - r.start + 1, confidenceScore: 0.8, resolution: r.value };
    });
}

/** `withTime`: look for durations and dates too (costly: only for the intents that use them). */
export async function extractEntities(text: string, language: 'fr' | 'en', snapshot: OfferSnapshot, withTime: boolean): Promise<RecognizedEntity[]> {
  const named = [...references(text, snapshot), ...facets(text, snapshot)];
  const timed = withTime ? await durationsAndDates(text, language, named) : [];
  return [...named, ...timed].sort((a, b) => a.offset - b.offset);
}
