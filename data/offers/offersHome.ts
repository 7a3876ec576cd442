import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../state/atomicFile.js';
import { appendChange, readChanges, type ChangeLogEntry } from './changeLog.js';
import type { Offer } from './offer.js';
import { JsonFileOfferStore, type OfferStore } from './offerStore.js';
import { watchOffersFile } from './offersFileWatcher.js';

/** What the open-data feed said last time (see feedSync.ts), and when. */
export interface FeedState {
  at?: string;
  /** The offers as the feed gave them last time, by reference. */
  offers: Record<string, Offer>;
}

/**
 * Where HR's offers live, with what goes with them: the change log, what the feed said last time,
 * and a way to hear of a change. The embedded default is the JSON file HR edits, next to its
 * `.history.jsonl` and `.feed.json`; with Azure Storage, blobs every instance and the command line share
 * (`blobOffersHome.ts`).
 */
export interface OffersHome {
  /** The file's path or the blob's address, as HR reads it in messages. */
  readonly name: string;
  readonly store: OfferStore;
  /** The offers as written, for line numbers in `offers validate`; undefined when there is none. */
  readText(): Promise<string | undefined>;
  appendChange(entry: ChangeLogEntry): Promise<void>;
  readChanges(): Promise<ChangeLogEntry[]>;
  readFeedState(): Promise<FeedState>;
  writeFeedState(state: FeedState): Promise<void>;
  /** Calls `changed` after each change of the offers (settled: an editor saves in several writes). */
  watch(changed: () => void): { close(): void };
  /**
   * Runs `work` unless another process runs it now (the open-data sync on several instances); resolves
   * to false when it did not run.
   */
  exclusive(work: () => Promise<void>): Promise<boolean>;
}

export function parseFeedState(text: string | undefined): FeedState {
  try {
    const state = JSON.parse(text ?? '') as FeedState;
    return state && typeof state === 'object' && state.offers && typeof state.offers === 'object' ? state : { offers: {} };
  } catch {
    return { offers: {} };
  }
}

/** "data/offers.json" → "data/offers.feed.json": what the feed said last time. */
export function feedStateFile(offersFile: string): string {
  return path.join(path.dirname(offersFile), `${path.basename(offersFile, '.json')}.feed.json`);
}

/** The offers file on this machine (one process writes it at a time: the command line, or this bot). */
export class FileOffersHome implements OffersHome {
  readonly store: JsonFileOfferStore;
  private running = false;

  constructor(readonly name: string) {
    this.store = new JsonFileOfferStore(name);
  }

  async readText(): Promise<string | undefined> {
    try {
      return await readFile(this.name, 'utf8');
    } catch {
      return undefined;
    }
  }

  appendChange(entry: ChangeLogEntry): Promise<void> {
    return appendChange(this.name, entry);
  }

  readChanges(): Promise<ChangeLogEntry[]> {
    return readChanges(this.name);
  }

  async readFeedState(): Promise<FeedState> {
    return parseFeedState(await readFile(feedStateFile(this.name), 'utf8').catch(() => undefined));
  }

  writeFeedState(state: FeedState): Promise<void> {
    return writeFileAtomic(feedStateFile(this.name), JSON.stringify(state));
  }

  watch(changed: () => void): { close(): void } {
    return watchOffersFile(this.name, changed);
  }

  async exclusive(work: () => Promise<void>): Promise<boolean> {
    if (this.running) return false;
    this.running = true;
    try {
      await work();
      return true;
    } finally {
      this.running = false;
    }
  }
}
