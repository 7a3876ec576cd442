import type { Offer } from '../../data/offers/offer.js';

/** The person the offer names to ask about the post: name, phone, e-mail. */
export function contactLine(offer: Offer): string {
  return [offer.contact?.name, offer.contact?.phone, offer.contact?.email].filter(Boolean).join(', ');
}

/** Whom to ask what the offer does not say: the person it names, or else where applications go. */
export function whomToAsk(offer: Offer): string {
  return contactLine(offer) || [offer.applyTo?.email, offer.applyTo?.phone].filter(Boolean).join(', ');
}
