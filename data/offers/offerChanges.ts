import type { Offer } from './offer.js';

/** What a new version of the offers changes: for the import preview and the change log. */
export interface OfferChanges {
  added: string[];
  changed: Array<{ reference: string; fields: string[] }>;
  removed: string[];
}

export function compareOffers(before: readonly Offer[], after: readonly Offer[]): OfferChanges {
  const old = new Map(before.map((o) => [o.reference, o]));
  const now = new Map(after.map((o) => [o.reference, o]));
  const changed: OfferChanges['changed'] = [];
  for (const [reference, offer] of now) {
    const previous = old.get(reference);
    if (!previous) continue;
    const keys = new Set([...Object.keys(previous), ...Object.keys(offer)]) as Set<keyof Offer>;
    const fields = [...keys].filter((k) => JSON.stringify(previous[k]) !== JSON.stringify(offer[k])).sort();
    if (fields.length > 0) changed.push({ reference, fields });
  }
  return {
    added: [...now.keys()].filter((r) => !old.has(r)),
    changed,
    removed: [...old.keys()].filter((r) => !now.has(r)),
  };
}

export function hasChanges(changes: OfferChanges): boolean {
  return changes.added.length + changes.changed.length + changes.removed.length > 0;
}

/** Offers merged by reference: an imported offer replaces the one with its reference, never duplicates it. */
export function mergeOffers(current: readonly Offer[], incoming: readonly Offer[]): Offer[] {
  const merged = new Map(current.map((o) => [o.reference, o]));
  for (const offer of incoming) merged.set(offer.reference, offer);
  return [...merged.values()];
}
