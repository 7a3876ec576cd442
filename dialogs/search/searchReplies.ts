import type { Activity, CardAction as SuggestedAction } from 'botbuilder';
import type { OfferSnapshot } from '../../data/offers/offerCatalog.js';
import type { Offer } from '../../data/offers/offer.js';
import { FACET_KINDS, facetKey, facetTexts, type FacetKind } from '../../data/search/facets.js';
import { queryTerms } from '../../data/search/queryTerms.js';
import { searchOffers, type OfferFilters } from '../../data/search/searchOffers.js';
import type { CardAction } from '../cards/cardActions.js';
import type { OfferLinks } from '../offers/offerLinks.js';
import { offerSummaryCard } from '../cards/offerSummaryCard.js';
import type { ConversationData } from '../conversationData.js';
import { t, type Language, type MessageKey } from '../i18n/messages.js';
import { actionButton, formatted, plain, quoted } from '../replies.js';
import { CLOSING_SOON_DAYS } from './searchRequest.js';
import { STATED_FACTS } from '../../data/search/statedFacts.js';
import { areaWithoutBorders } from '../../data/offers/communes.js';

export const PAGE_SIZE = 5;
/** When nothing open matches, offers closed in the last six months are shown for information. */
const RECENTLY_CLOSED_DAYS = 180;
const MAX_FILTER_SUGGESTIONS = 2;

export type SavedSearch = NonNullable<ConversationData['lastSearch']>;

function filterLabels(filters: OfferFilters, language: Language): string[] {
  const labels: string[] = [];
  for (const kind of LABELS_IN_ORDER) {
    const value = filters[kind];
    if (value) labels.push(t(language, FILTER_LABELS[kind], { value }));
  }
  if (filters.closingWithinDays !== undefined) {
    labels.push(t(language, 'filter.closingSoon.active', { days: filters.closingWithinDays }));
  }
  if (filters.postedWithinDays !== undefined) labels.push(t(language, 'filter.posted.active', { days: filters.postedWithinDays }));
  if (filters.states) labels.push(t(language, `filter.states.${filters.states}`));
  return labels;
}

/** The filters as a sentence says them: who, where, then what. */
const LABELS_IN_ORDER: readonly FacetKind[] = ['employer', 'commune', 'province', 'domain', 'grade'];

const FILTER_LABELS: Record<FacetKind, MessageKey> = {
  commune: 'filter.commune',
  employer: 'filter.employer',
  domain: 'filter.domain',
  grade: 'filter.grade',
  province: 'filter.province',
};

/**
 * Buttons to go on: the next page, "closing soon", and for each kind of filter not yet applied,
 * the values that would split what is on screen (a value every offer shown has narrows nothing).
 */
function nextSteps(search: SavedSearch, hits: Offer[], hasMore: boolean, language: Language): SuggestedAction[] {
  const more = t(language, 'search.more');
  const steps: SuggestedAction[] = hasMore ? [actionButton(more, { action: 'more' }, more)] : [];
  if (search.filters.closingWithinDays === undefined) {
    const label = t(language, 'filter.closingSoon');
    steps.push(actionButton(label, { action: 'closingSoon' }, label));
  }
  for (const kind of FACET_KINDS) {
    // Not the provinces, said rather than tapped: where offers differ by province they differ by commune, and
    // "à Pouébo" beside "dans la Province Nord" and the employer "Province Nord" made three buttons of one place.
    if (search.filters[kind] !== undefined || kind === 'province') continue;
    // Spellings of one value ("Office des postes et (des) télécommunications") count as one.
    const counts = new Map<string, { value: string; offers: number }>();
    for (const offer of hits) {
      for (const value of new Set(facetTexts(kind, offer))) {
        const key = facetKey(value);
        const seen = counts.get(key) ?? { value, offers: 0 };
        counts.set(key, { ...seen, offers: seen.offers + 1 });
      }
    }
    const splitting = [...counts.values()].filter((c) => c.offers < hits.length).sort((a, b) => b.offers - a.offers);
    for (const { value } of splitting.slice(0, MAX_FILTER_SUGGESTIONS)) {
      const label = t(language, FILTER_LABELS[kind], { value });
      steps.push(actionButton(label, { action: 'filter', kind, value }, label));
    }
  }
  if (hasFilters(search)) steps.push(clearFiltersButton(language));
  return steps;
}

function hasFilters(search: SavedSearch): boolean {
  return Object.values(search.filters).some((v) => v !== undefined);
}

function clearFiltersButton(language: Language): SuggestedAction {
  const label = t(language, 'filter.clear');
  return actionButton(label, { action: 'clearFilters' }, label);
}

/** "toutes les offres" searches no word: it lists everything that passes the filters. */
function hasWords(search: SavedSearch): boolean {
  return queryTerms(search.text).length > 0;
}

function header(search: SavedSearch, total: number, shown: number, language: Language): string {
  const from = search.offset + 1;
  const to = search.offset + shown;
  if (search.offset > 0) return t(language, 'search.page', { from, to, total });
  if (!hasWords(search)) return t(language, 'search.resultsAll', { total, from, to });
  return t(language, 'search.results', { total, from, to, query: quoted(search.said) });
}

/**
 * The messages answering a search: a page of open offers as cards with a way to go on, or, when
 * nothing open matches, the recently closed ones that did, said as such.
 */
export interface SearchAnswer {
  replies: Array<Partial<Activity>>;
  /** The references of the offers shown, in order: "which offer?" proposes them. */
  shown: string[];
  /** Open offers matching: none means the question went unanswered (the review page counts them). */
  openFound: number;
}

export function searchReplies(snapshot: OfferSnapshot, search: SavedSearch, now: Date, language: Language, links?: OfferLinks): SearchAnswer {
  const request = { text: search.text, filters: search.filters, offset: search.offset, limit: PAGE_SIZE };
  const open = searchOffers(snapshot.index, { ...request, status: 'open' }, now, snapshot.matchWord);
  const filterLine = filterLabels(search.filters, language);
  // The filters come first: "Filtres : à Koné. 2 offres ouvertes. Voici…" reads; a sentence after a colon does not.
  // "Offres à temps partiel": only the offers whose text says so are found, and the user is told.
  const rarelyStated = search.filters.states ? `${t(language, `search.rarelyStated.${STATED_FACTS[search.filters.states].kind}`)} ` : '';
  const filtersText = filterLine.length > 0 ? `${t(language, 'search.filters', { filters: filterLine.join(', ') })} ${rarelyStated}` : '';
  // "Infirmier en brousse": searched as a word, which offers do not use; the user is told how to say a place.
  const area = areaWithoutBorders(search.said);
  const areaHint = area ? ` ${t(language, 'search.areaWithoutBorders', { area })}` : '';
  // Before the page's header, which ends on a colon that the cards follow.
  const areaFirst = areaHint ? `${areaHint.trim()} ` : '';

  if (open.hits.length > 0) {
    const hits = open.hits.map((h) => h.offer);
    const cards = hits.map((offer) => offerSummaryCard(offer, now, language, links));
    const hasMore = search.offset + hits.length < open.total;
    const answer = plain(filtersText + areaFirst + header(search, open.total, hits.length, language), cards, nextSteps(search, hits, hasMore, language));
    return { replies: [answer], shown: hits.map((o) => o.reference), openFound: open.total };
  }
  if (search.offset > 0) return { replies: [formatted(t(language, 'search.noMore'))], shown: [], openFound: open.total };

  // "secrétaire à Nouméa" finds nothing while "secrétaire" finds five: say so, and one tap drops the filters.
  const unfiltered = hasFilters(search) ? searchOffers(snapshot.index, { text: search.text, filters: {}, limit: 1, status: 'open' }, now, snapshot.matchWord).total : 0;
  const widen = unfiltered > 0 ? ` ${t(language, 'search.withoutFilters', { total: unfiltered })}` : '';
  const ways = [...(unfiltered > 0 ? [clearFiltersButton(language)] : []), subscribeSuggestion(language)];
  const noneOpen =
    (!hasWords(search) ? t(language, 'search.noneOpenAll') : t(language, 'search.noneOpen', { query: quoted(search.said) })) + widen;
  const closedSince = new Date(now.getTime() - RECENTLY_CLOSED_DAYS * 24 * 3600 * 1000);
  // "Closing soon" cannot hold for a closed offer: the other filters still do.
  const closedFilters: OfferFilters = { ...search.filters, closingWithinDays: undefined };
  const closed = searchOffers(
    snapshot.index,
    { ...request, filters: closedFilters, offset: 0, status: 'closed', closedSince },
    now,
    snapshot.matchWord,
  );
  if (closed.hits.length === 0) {
    const nothing = !hasWords(search) || widen ? noneOpen : t(language, 'search.nothing', { query: quoted(search.said) });
    return { replies: [plain(filtersText + nothing + areaHint, [], ways)], shown: [], openFound: 0 };
  }
  const cards = closed.hits.map((h) => offerSummaryCard(h.offer, now, language));
  return {
    replies: [plain(filtersText + noneOpen + areaHint), formatted(t(language, 'search.recentlyClosed'), cards, ways)],
    shown: closed.hits.map((h) => h.offer.reference),
    openFound: 0,
  };
}

/** Nothing open today: the same search, kept as an alert, finds the next one. */
function subscribeSuggestion(language: Language) {
  return actionButton(t(language, 'alert.subscribeButton'), { action: 'subscribe' });
}

export function withFilter(search: SavedSearch, action: CardAction): SavedSearch {
  const filters: OfferFilters = { ...search.filters };
  if (action.action === 'filter') filters[action.kind] = action.value;
  if (action.action === 'closingSoon') filters.closingWithinDays = CLOSING_SOON_DAYS;
  if (action.action !== 'clearFilters') return { ...search, filters, offset: 0 };
  // "5 offres correspondent à « secrétaire à Nouméa »" would say the place again: quote the words searched.
  return { ...search, filters: {}, offset: 0, said: search.text === '' ? search.said : search.text };
}
