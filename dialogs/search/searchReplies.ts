import type { Activity, CardAction as SuggestedAction } from 'botbuilder';
import type { OfferSnapshot } from '../../data/offers/offerCatalog.js';
import type { Offer } from '../../data/offers/offer.js';
import { queryTerms } from '../../data/search/queryTerms.js';
import { searchOffers, type OfferFilters } from '../../data/search/searchOffers.js';
import type { CardAction } from '../cards/cardActions.js';
import { offerSummaryCard } from '../cards/offerSummaryCard.js';
import type { ConversationData } from '../conversationData.js';
import { t, type Language } from '../i18n/messages.js';
import { formatted, plain, quoted } from '../replies.js';
import { CLOSING_SOON_DAYS } from './searchRequest.js';

export const PAGE_SIZE = 5;
/** When nothing open matches, offers closed in the last six months are shown for information. */
const RECENTLY_CLOSED_DAYS = 180;
const MAX_FILTER_SUGGESTIONS = 3;

export type SavedSearch = NonNullable<ConversationData['lastSearch']>;

function suggestion(title: string, value: CardAction, text: string): SuggestedAction {
  return { type: 'messageBack', title, text, displayText: title, value };
}

function filterLabels(filters: OfferFilters, language: Language): string[] {
  const labels: string[] = [];
  if (filters.employer) labels.push(t(language, 'filter.employer', { value: filters.employer }));
  if (filters.commune) labels.push(t(language, 'filter.commune', { value: filters.commune }));
  if (filters.domain) labels.push(t(language, 'filter.domain', { value: filters.domain }));
  if (filters.grade) labels.push(t(language, 'filter.grade', { value: filters.grade }));
  if (filters.closingWithinDays !== undefined) {
    labels.push(t(language, 'filter.closingSoon.active', { days: filters.closingWithinDays }));
  }
  return labels;
}

/** Buttons to go on: the next page, and filters that would narrow what is on screen. */
function nextSteps(search: SavedSearch, hits: Offer[], hasMore: boolean, language: Language): SuggestedAction[] {
  const more = t(language, 'search.more');
  const steps: SuggestedAction[] = hasMore ? [suggestion(more, { action: 'more' }, more)] : [];
  if (search.filters.closingWithinDays === undefined) {
    const label = t(language, 'filter.closingSoon');
    steps.push(suggestion(label, { action: 'closingSoon' }, label));
  }
  const communes = new Set(hits.map((o) => o.location?.commune).filter((c): c is string => !!c));
  const employers = new Set(hits.map((o) => o.employer));
  if (!search.filters.commune && communes.size > 1) {
    for (const commune of [...communes].slice(0, MAX_FILTER_SUGGESTIONS)) {
      const label = t(language, 'filter.commune', { value: commune });
      steps.push(suggestion(label, { action: 'filter', kind: 'commune', value: commune }, label));
    }
  }
  if (!search.filters.employer && employers.size > 1) {
    for (const employer of [...employers].slice(0, MAX_FILTER_SUGGESTIONS)) {
      steps.push(suggestion(employer, { action: 'filter', kind: 'employer', value: employer }, employer));
    }
  }
  if (Object.keys(search.filters).length > 0) {
    const label = t(language, 'filter.clear');
    steps.push(suggestion(label, { action: 'clearFilters' }, label));
  }
  return steps;
}

/** "toutes les offres" searches no word: it lists everything that passes the filters. */
function hasWords(search: SavedSearch): boolean {
  return queryTerms(search.text).length > 0;
}

function header(search: SavedSearch, total: number, shown: number, language: Language): string {
  const from = search.offset + 1;
  const to = search.offset + shown;
  if (search.offset > 0) return t(language, 'search.page', { from, to, total });
  const one = total === 1;
  if (!hasWords(search)) return t(language, one ? 'search.resultsAll.one' : 'search.resultsAll.many', { total, from, to });
  return t(language, one ? 'search.results.one' : 'search.results.many', { total, from, to, query: quoted(search.said) });
}

/**
 * The messages answering a search: a page of open offers as cards with a way to go on, or, when
 * nothing open matches, the recently closed ones that did, said as such.
 */
export function searchReplies(snapshot: OfferSnapshot, search: SavedSearch, now: Date, language: Language): Array<Partial<Activity>> {
  const request = { text: search.text, filters: search.filters, offset: search.offset, limit: PAGE_SIZE };
  const open = searchOffers(snapshot.index, { ...request, status: 'open' }, now, snapshot.matchWord);
  const filterLine = filterLabels(search.filters, language);
  const filtersText = filterLine.length > 0 ? ` ${t(language, 'search.filters', { filters: filterLine.join(', ') })}` : '';

  if (open.hits.length > 0) {
    const hits = open.hits.map((h) => h.offer);
    const cards = hits.map((offer) => offerSummaryCard(offer, now, language));
    const hasMore = search.offset + hits.length < open.total;
    return [plain(header(search, open.total, hits.length, language) + filtersText, cards, nextSteps(search, hits, hasMore, language))];
  }
  if (search.offset > 0) return [formatted(t(language, 'search.noMore'))];

  const noneOpen =
    !hasWords(search) ? t(language, 'search.noneOpenAll') : t(language, 'search.noneOpen', { query: quoted(search.said) });
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
    const nothing = !hasWords(search) ? noneOpen : t(language, 'search.nothing', { query: quoted(search.said) });
    return [plain(nothing + filtersText)];
  }
  const cards = closed.hits.map((h) => offerSummaryCard(h.offer, now, language));
  return [plain(noneOpen + filtersText), formatted(t(language, 'search.recentlyClosed'), cards)];
}

export function withFilter(search: SavedSearch, action: CardAction): SavedSearch {
  const filters: OfferFilters = { ...search.filters };
  if (action.action === 'filter') filters[action.kind] = action.value;
  if (action.action === 'closingSoon') filters.closingWithinDays = CLOSING_SOON_DAYS;
  return { ...search, filters: action.action === 'clearFilters' ? {} : filters, offset: 0 };
}
