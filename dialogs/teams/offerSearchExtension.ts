import { CardFactory, type MessagingExtensionAttachment, type MessagingExtensionResult } from 'botbuilder';
import type { OfferSnapshot } from '../../data/offers/offerCatalog.js';
import type { Offer } from '../../data/offers/offer.js';
import { searchOffers } from '../../data/search/searchOffers.js';
import { offerSummaryCard } from '../cards/offerSummaryCard.js';
import { formatDay, t, type Language } from '../i18n/messages.js';
import { offerPath, referenceInUrl } from '../offers/offerLinks.js';

/**
 * Offers from the Teams compose box: a search-based message extension that answers with offer
 * cards (and a short preview for the list), and the unfurling of the bot's offer links.
 */
const RESULTS = 10;

/** The public address of an offer: https://HOST/offres/3134-25-0966-SR */
export function offerUrl(host: string, reference: string): string {
  return `https://${host}${offerPath(reference)}`;
}

function attachment(offer: Offer, now: Date, language: Language): MessagingExtensionAttachment {
  const card = offerSummaryCard(offer, now, language);
  const subtitle = `${offer.employer} · ${offer.reference} · ${t(language, 'card.deadline')} : ${formatDay(offer.deadline, language)}`;
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
