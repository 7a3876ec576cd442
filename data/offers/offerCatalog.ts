import type { Clock } from '../clock.js';
import type { Offer } from './offer.js';
import { InvalidOffersError, type OfferStore } from './offerStore.js';
import type { OfferProblem, SetAsideOffer } from './offerValidation.js';
import { buildOfferIndex, type OfferIndex } from '../search/offerIndex.js';
import { referenceAnswers, referenceNumber, referenceQuery } from './reference.js';
import { FacetMatcher, facetValues, type FacetValue } from '../search/facets.js';
import { rememberingWordMatcher, type WordMatcher } from '../search/wordMatches.js';

/**
 * One version of the offers with everything derived from it (search index, filter values), built
 * whole before anyone sees it: a reader holds one snapshot for a turn and never sees half of one.
 */
export interface OfferSnapshot {
  readonly offers: readonly Offer[];
  readonly index: OfferIndex;
  readonly facets: readonly FacetValue[];
  readonly facetMatcher: FacetMatcher;
  readonly loadedAt: Date;
  /** The offers of the file that are not served until HR corrects them, each with its problems. */
  readonly setAside: readonly SetAsideOffer[];
  /** Word look-ups for this index, remembered: what turns search with. */
  readonly matchWord: WordMatcher;
  /** "3134-25-0966/SR", "25-0966", "0966", "966": the offer, the newest when a number repeats. */
  findByReference(text: string): Offer | undefined;
}

export function buildSnapshot(offers: readonly Offer[], loadedAt: Date, setAside: readonly SetAsideOffer[] = []): OfferSnapshot {
  const index = buildOfferIndex(offers);
  const facets = facetValues(offers);
  const byReference = new Map(offers.map((offer) => [offer.reference, offer]));
  const byNumber = new Map<number, Offer[]>();
  for (const offer of offers) {
    const number = referenceNumber(offer.reference);
    if (number === undefined) continue;
    const list = byNumber.get(Number(number)) ?? [];
    list.push(offer);
    byNumber.set(Number(number), list);
  }
  for (const list of byNumber.values()) list.sort((a, b) => b.postedOn.localeCompare(a.postedOn));

  return {
    offers,
    index,
    facets,
    facetMatcher: new FacetMatcher(facets),
    loadedAt,
    setAside,
    matchWord: rememberingWordMatcher(index),
    findByReference(text: string): Offer | undefined {
      const query = referenceQuery(text);
      if (!query) return undefined;
      // A full reference names one offer: another employer's offer with the same number is not it.
      if (query.kind === 'full') return byReference.get(query.reference);
      const candidates = byNumber.get(query.number) ?? [];
      if (query.kind === 'number') return candidates[0];
      return candidates.find((offer) => referenceAnswers(offer.reference, query));
    },
  };
}

/** The offers in force. Later the file watcher swaps in a new snapshot when HR publishes. */
export class OfferCatalog {
  private snapshot: OfferSnapshot;

  private constructor(
    private readonly store: OfferStore,
    private readonly clock: Clock,
    snapshot: OfferSnapshot,
  ) {
    this.snapshot = snapshot;
  }

  /** Loads the store; throws (InvalidOffersError) when the offers are not valid, naming each problem. */
  static async open(store: OfferStore, clock: Clock): Promise<OfferCatalog> {
    const { offers, setAside } = await store.load();
    return new OfferCatalog(store, clock, buildSnapshot(offers, clock.now(), setAside));
  }

  /** A catalog of offers held in memory (tests, benchmarks, the evaluation of the language model). */
  static of(offers: readonly Offer[], clock: Clock): OfferCatalog {
    const fixed: OfferStore = {
      load: async () => ({ offers: [...offers], setAside: [] }),
      save: async () => undefined,
    };
    return new OfferCatalog(fixed, clock, buildSnapshot(offers, clock.now()));
  }

  current(): OfferSnapshot {
    return this.snapshot;
  }

  /**
   * Reloads from the store: invalid offers are set aside, the others served. A file that cannot be
   * read as offers, or that would leave no offer where there were some (an emptied file, every offer
   * broken), is refused: it throws and the last good snapshot stays.
   */
  async reload(): Promise<OfferSnapshot> {
    const { offers, setAside } = await this.store.load();
    if (offers.length === 0 && this.snapshot.offers.length > 0) {
      const problem: OfferProblem = { offer: '-', field: 'offers', code: 'emptied', message: `no valid offer left (${this.snapshot.offers.length} before)` };
      throw new InvalidOffersError('offers', [problem, ...setAside.flatMap((s) => s.problems)]);
    }
    const next = buildSnapshot(offers, this.clock.now(), setAside);
    this.snapshot = next;
    return next;
  }
}
