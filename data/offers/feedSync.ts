import { readFile } from 'node:fs/promises';
import type { Clock } from '../clock.js';
import { ImportError, importOffers } from './importFormats.js';
import type { Offer } from './offer.js';
import { compareOffers, type OfferChanges } from './offerChanges.js';
import type { OffersHome } from './offersHome.js';
import { checkOffers } from './offerValidation.js';

/**
 * Brings the open-data feed into the offers file, without losing what HR did by hand.
 *
 * Which wins, field by field: the feed updates a field only while the offer still holds what the
 * feed said last time (HR has not changed it since), or when the offer has no value for it. A field
 * HR edited, or that came from the posting itself (its text or PDF, the reference), stays. The feed
 * never blanks a value (its residence is often empty). A new offer of the feed is added; an offer that
 * leaves the feed stays in the file and in its history (it closes with its deadline). A feed that fails
 * or holds no offer changes nothing: the last good offers stay.
 */
export class FeedError extends Error {
  constructor(
    readonly reason: 'unreachable' | 'status' | 'unreadable' | 'empty',
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'FeedError';
  }
}

export interface SyncReport extends OfferChanges {
  /** Offers of the feed, and rows it could not read (with their line). */
  read: number;
  skipped: ImportError[];
  /** Fields kept as HR or the posting has them although the feed says otherwise. */
  kept: Array<{ reference: string; fields: string[] }>;
  /** Feed offers whose merged version would be invalid: the offer stays as it was. */
  refused: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isEmpty = (value: unknown) => value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** One offer of the feed merged into the offer of the file, field by field (see above). */
export function mergeFeedOffer(current: Offer, fromFeed: Offer, lastFeed: Offer | undefined): { merged: Offer; kept: string[] } {
  const merged: Record<string, unknown> = { ...current };
  const kept: string[] = [];
  for (const [field, value] of Object.entries(fromFeed)) {
    if (isEmpty(value)) continue;
    const mine = (current as Record<string, unknown>)[field];
    if (same(mine, value)) continue;
    const untouched = lastFeed !== undefined && same(mine, (lastFeed as Record<string, unknown>)[field]);
    if (isEmpty(mine) || untouched) merged[field] = value;
    else kept.push(field);
  }
  return { merged: merged as Offer, kept };
}

/** Reads the feed: an http(s) address (the export of the open data), or a file. */
export async function fetchFeed(source: string, timeoutMs = 30_000): Promise<string> {
  if (!/^https?:\/\//.test(source)) {
    try {
      return await readFile(source, 'utf8');
    } catch (error) {
      throw new FeedError('unreachable', (error as Error).message);
    }
  }
  let response: Response;
  try {
    response = await fetch(source, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'text/csv, application/json' } });
  } catch (error) {
    throw new FeedError('unreachable', (error as Error).message);
  }
  if (!response.ok) throw new FeedError('status', `HTTP ${response.status}`);
  return response.text();
}

export interface SyncOptions {
  home: OffersHome;
  source: string;
  clock: Clock;
  /** Writes nothing: what would change. */
  dryRun?: boolean;
}

export async function syncFeed(options: SyncOptions): Promise<SyncReport> {
  const content = await fetchFeed(options.source);
  let feed;
  try {
    feed = importOffers(options.source, content);
  } catch (error) {
    if (error instanceof ImportError && (error.reason === 'empty' || error.reason === 'noRows')) throw new FeedError('empty', error.reason);
    throw new FeedError('unreadable', error instanceof Error ? error.message : String(error));
  }
  if (feed.offers.length === 0) throw new FeedError('empty', `${feed.skipped.length} unreadable rows`);
  const state = await options.home.readFeedState();
  const { offers: current, setAside } = await options.home.store.load();
  const byReference = new Map(current.map((offer) => [offer.reference, offer]));
  const report: SyncReport = { read: feed.offers.length, skipped: feed.skipped, kept: [], refused: [], added: [], changed: [], removed: [] };
  const incomingSetAside: unknown[] = [];
  const heldAside = new Set(setAside.map((s) => s.offer));
  for (const { offer: fromFeed } of feed.offers) {
    const mine = byReference.get(fromFeed.reference);
    // HR is correcting an offer set aside: the feed does not touch it meanwhile.
    if (!mine && heldAside.has(fromFeed.reference)) continue;
    const { merged, kept } = mine ? mergeFeedOffer(mine, fromFeed, state.offers[fromFeed.reference]) : { merged: fromFeed, kept: [] };
    const check = checkOffers({ offers: [merged] });
    if (check.offers.length === 0) {
      if (mine) report.refused.push(fromFeed.reference);
      else incomingSetAside.push(merged);
      continue;
    }
    if (kept.length > 0) report.kept.push({ reference: fromFeed.reference, fields: kept });
    byReference.set(fromFeed.reference, merged);
  }
  const next = [...byReference.values()];
  Object.assign(report, compareOffers(current, next));
  if (options.dryRun) return report;
  await options.home.store.save(next, [...setAside.map((s) => s.raw), ...incomingSetAside]);
  const now = options.clock.now().toISOString();
  await options.home.writeFeedState({ at: now, offers: Object.fromEntries(feed.offers.map(({ offer }) => [offer.reference, offer])) });
  if (report.added.length + report.changed.length > 0) {
    await options.home.appendChange({ at: now, command: 'sync', added: report.added, changed: report.changed, removed: [], closed: [] });
  }
  return report;
}
