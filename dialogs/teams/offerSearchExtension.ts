import { CardFactory, type MessagingExtensionAttachment, type MessagingExtensionResult } from 'botbuilder';
import type { OfferSnapshot } from '../../data/offers/offerCatalog.js';
import type { Offer } from '../../data/offers/offer.js';
import { searchOffers } from '../../data/search/searchOffers.js';
import { offerSummaryCard } from '../cards/offerSummaryCard.js';
import { formatDay, t, type Language } from '../i18n/messages.js';
import { referenceInUrl } from '../offers/offerLinks.js';

/**
 * Offers from the Teams compose box: a search-based message extension that answers with offer
 * cards (and a short preview for the list), and the unfurling of the bot's offer links.
 */
const RESULTS = 10;

function attachment(offer: Offer, now: Date, language: Language): MessagingExtensionAttachment {
  const card = offerSummaryCard(offer, now, language);
  const deadline = t(language, 'text.labelled', { label: t(language, 'card.deadline'), value: formatDay(offer.deadline, language) });
  const subtitle = `${offer.employer} · ${offer.reference} · ${deadline}`;
  return { ...card, preview: CardFactory.heroCard(offer.title, subtitle) };
}

export function offerSearchResult(snapshot: OfferSnapshot, text: string, now: Date, language: Language): MessagingExtensionResult {
  const hits = searchOffers(snapshot.index, { text, status: 'open', limit: RESULTS }, now, snapshot.matchWord).hits;
  return { type: 'result', attachmentLayout: 'list', attachments: hits.map((h) => attachment(h.offer, now, language)) };
}

export function offerLinkResult(snapshot: OfferSnapshot, url: string, now: Date, language: Language): MessagingExtensionResult | undefined {
  const reference = referenceInUrl(url);
  const offer = reference ? snapshot.findByReference(reference) : undefined;
  return offer ? { type: 'result', attachmentLayout: 'list', attachments: [attachment(offer, now, language)] } : undefined;
}
