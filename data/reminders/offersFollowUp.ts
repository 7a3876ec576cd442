import { randomUUID } from 'node:crypto';
import type { Offer } from '../offers/offer.js';
import type { OfferSnapshot } from '../offers/offerCatalog.js';
import { isOpen } from '../offers/openness.js';
import { searchOffers } from '../search/searchOffers.js';
import { pendingDelivery } from './delivery.js';
import type { Alert, Notice, OfferMention, ProactiveRecord, Reminder } from './proactiveRecords.js';
import { offersSeen, type ProactiveStore } from './proactiveStore.js';
import { followOffers } from './reminderRules.js';

export interface FollowUpReport {
  newOffers: number;
  alertsSent: number;
  remindersMoved: number;
  remindersDropped: number;
  /** Offers gone from the file whose removal is not confirmed yet. */
  missing?: number;
}

function mention(offer: Pick<Offer, 'reference' | 'title'>): OfferMention {
  return { reference: offer.reference, title: offer.title };
}

/** The new offers a saved search would find: the same search as the user's, on open offers only. */
export function matchingOffers(snapshot: OfferSnapshot, alert: Alert, candidates: ReadonlySet<string>, now: Date): Offer[] {
  const result = searchOffers(
    snapshot.index,
    { text: alert.search.text, filters: alert.search.filters, status: 'open', limit: snapshot.offers.length },
    now,
    snapshot.matchWord,
  );
  return result.hits.map((hit) => hit.offer).filter((offer) => candidates.has(offer.reference));
}

/**
 * What a new set of offers means for the people waiting on them, worked out once per change (and at
 * start-up, for changes made while the bot was down):
 * - each alert's new matching offers, one notice per person listing all of theirs;
 * - reminders follow their offer: moved with a new last day, dropped with a removed offer, and
 *   the person told either way.
 * "New" is measured against the open offers recorded last time, saved in the same write as the
 * notices: a change is announced once, even across a crash.
 */
/** How long an offer may be gone from the file before its reminders are dropped (unless HR removed it). */
export const REMOVAL_GRACE_MS = 24 * 3600 * 1000;

export interface FollowUpOptions {
  /** References HR removed with the command line: confirmed at once. */
  removedByHr?: ReadonlySet<string>;
  graceMs?: number;
}

export async function followUpOffers(store: ProactiveStore, snapshot: OfferSnapshot, now: Date, options: FollowUpOptions = {}): Promise<FollowUpReport> {
  const openNow = snapshot.offers.filter((offer) => isOpen(offer, now));
  const seen = offersSeen(store);
  const grace = options.graceMs ?? REMOVAL_GRACE_MS;
  const removedByHr = options.removedByHr ?? new Set<string>();
  const setAside = new Set(snapshot.setAside.map((s) => s.offer));
  const present = (reference: string) => snapshot.findByReference(reference)?.reference === reference || setAside.has(reference);
  // Offers gone from the file: since when, kept while the grace lasts and HR has not removed them.
  const missing = new Map<string, string>();
  const reminders = store.all().filter((r): r is Reminder => r.kind === 'reminder');
  const watched = new Set([...(seen?.open ?? []), ...Object.keys(seen?.missing ?? {}), ...reminders.filter((r) => r.delivery.status === 'pending').map((r) => r.offer.reference)]);
  for (const reference of watched) {
    if (present(reference) || removedByHr.has(reference)) continue;
    const since = seen?.missing?.[reference] ?? now.toISOString();
    if (now.getTime() - Date.parse(since) < grace) missing.set(reference, since);
  }
  const writes: ProactiveRecord[] = [
    {
      id: 'offers-seen',
      kind: 'offersSeen',
      open: openNow.map((o) => o.reference),
      ...(missing.size > 0 ? { missing: Object.fromEntries(missing) } : {}),
      at: now.toISOString(),
    },
  ];
  const report: FollowUpReport = { newOffers: 0, alertsSent: 0, remindersMoved: 0, remindersDropped: 0 };

  // The first start knows nothing older: it announces nothing, it only remembers.
  if (seen) {
    // An offer back within the grace period (HR restored the file) is no news.
    const before = new Set([...seen.open, ...Object.keys(seen.missing ?? {})]);
    const fresh = new Set(openNow.filter((o) => !before.has(o.reference)).map((o) => o.reference));
    report.newOffers = fresh.size;
    if (fresh.size > 0) {
      const byUser = new Map<string, { alert: Alert; offers: Map<string, Offer> }>();
      for (const record of store.all()) {
        if (record.kind !== 'alert') continue;
        const found = matchingOffers(snapshot, record, fresh, now);
        if (found.length === 0) continue;
        const entry = byUser.get(record.recipient.userKey) ?? { alert: record, offers: new Map() };
        for (const offer of found) entry.offers.set(offer.reference, offer);
        byUser.set(record.recipient.userKey, entry);
      }
      for (const { alert, offers } of byUser.values()) {
        writes.push(notice(alert.recipient, 'newOffers', [...offers.values()].map(mention), now));
      }
      report.alertsSent = byUser.size;
    }
  }

  // Still in the file (set aside for a correction) or gone within the grace period: nothing decided yet.
  const findOffer = (reference: string) =>
    snapshot.findByReference(reference) ?? (setAside.has(reference) || missing.has(reference) ? ('unsure' as const) : undefined);
  for (const change of followOffers(reminders, findOffer, now)) {
    if (change.kind === 'moved') {
      const dueAt = change.dueAt;
      writes.push({ ...change.reminder, lastDay: change.lastDay, delivery: pendingDelivery(dueAt) });
      writes.push({
        ...notice(change.reminder.recipient, 'reminderMoved', [change.reminder.offer], now),
        lastDay: change.lastDay,
        // When the new morning has already passed, the reminder goes now: the notice says now, not a past day.
        remindAt: dueAt.toISOString(),
      });
      report.remindersMoved += 1;
    } else {
      writes.push({ ...change.reminder, delivery: { ...change.reminder.delivery, status: 'expired' } });
      writes.push(notice(change.reminder.recipient, 'reminderDropped', [change.reminder.offer], now));
      report.remindersDropped += 1;
    }
  }
  await store.put(...writes);
  report.missing = missing.size;
  return report;
}

function notice(recipient: Notice['recipient'], about: Notice['about'], offers: OfferMention[], now: Date): Notice {
  return { id: randomUUID(), kind: 'notice', recipient, about, offers, createdAt: now.toISOString(), delivery: pendingDelivery(now) };
}
