import { readFile } from 'node:fs/promises';
import type { BlockBlobClient } from '@azure/storage-blob';
import { LazyContainer } from '../storage/blobContainer.js';
import { statusOf, streamText } from '../storage/blobText.js';
import { changesOf, type ChangeLogEntry } from './changeLog.js';
import type { Offer } from './offer.js';
import { parseFeedState, type FeedState, type OffersHome } from './offersHome.js';
import { InvalidOffersError, offersFileText, offersOfText, OffersChangedError, type LoadedOffers, type OfferStore } from './offerStore.js';

/** The sync's lease: renewed while a round runs; one whose instance died expires by itself. */
const LEASE_SECONDS = 60;

/**
 * HR's offers in Azure Blob Storage, shared by every instance and by the command line: `offers.json`
 * (the same JSON as the file), the change log `offers.history.jsonl` (an append blob), what the feed
 * said last time `offers.feed.json`, and `offers-sync.lock`, whose lease makes the open-data sync run
 * on one instance at a time. A write is conditional on the version read (If-Match): two HR writers
 * at once never lose one's change, the second is told to run again. Instances hear of a change by
 * asking for the blob's ETag every few seconds (a HEAD request).
 */
export class BlobOffersHome implements OffersHome {
  readonly store: OfferStore;
  readonly name: string;
  private readonly lazy: LazyContainer;
  /** The version last read: the next write is conditional on it. */
  private etag?: string;

  constructor(
    connectionString: string,
    containerName: string,
    private readonly pollMs = 5_000,
  ) {
    this.lazy = new LazyContainer(connectionString, containerName);
    this.name = this.offersBlob().url;
    this.store = { load: () => this.load(), save: (offers, setAside) => this.save(offers, setAside) };
  }

  private offersBlob(): BlockBlobClient {
    return this.lazy.client.getBlockBlobClient('offers.json');
  }

  /** First start on an empty account: the offers come from the file shipped with the bot. Says whether it did. */
  async seedFrom(file: string): Promise<boolean> {
    await this.lazy.get();
    const text = await readFile(file, 'utf8');
    try {
      await this.offersBlob().upload(text, Buffer.byteLength(text), { conditions: { ifNoneMatch: '*' }, blobHTTPHeaders: { blobContentType: 'application/json' } });
      return true;
    } catch (error) {
      // Already there (another instance seeded it, or HR wrote it): kept as it is.
      if (statusOf(error) === 409 || statusOf(error) === 412) return false;
      throw error;
    }
  }

  async readText(): Promise<string | undefined> {
    try {
      await this.lazy.get();
      const response = await this.offersBlob().download();
      this.etag = response.etag;
      return await streamText(response.readableStreamBody);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  private async load(): Promise<LoadedOffers> {
    const text = await this.readText();
    if (text === undefined) throw new InvalidOffersError(this.name, [{ offer: '-', field: '-', code: 'missing', message: 'file not found' }]);
    return offersOfText(this.name, text);
  }

  private async save(offers: Offer[], setAside?: readonly unknown[]): Promise<void> {
    await this.lazy.get();
    const text = offersFileText(offers, setAside);
    try {
      const response = await this.offersBlob().upload(text, Buffer.byteLength(text), {
        conditions: this.etag ? { ifMatch: this.etag } : { ifNoneMatch: '*' },
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
      this.etag = response.etag;
    } catch (error) {
      if (statusOf(error) === 412 || statusOf(error) === 409) throw new OffersChangedError(this.name);
      throw error;
    }
  }

  async appendChange(entry: ChangeLogEntry): Promise<void> {
    await this.lazy.get();
    const log = this.lazy.client.getAppendBlobClient('offers.history.jsonl');
    await log.createIfNotExists();
    const line = `${JSON.stringify(entry)}\n`;
    await log.appendBlock(line, Buffer.byteLength(line));
  }

  async readChanges(): Promise<ChangeLogEntry[]> {
    return changesOf((await this.download('offers.history.jsonl')) ?? '');
  }

  async readFeedState(): Promise<FeedState> {
    return parseFeedState(await this.download('offers.feed.json'));
  }

  async writeFeedState(state: FeedState): Promise<void> {
    await this.lazy.get();
    const text = JSON.stringify(state);
    await this.lazy.client.getBlockBlobClient('offers.feed.json').upload(text, Buffer.byteLength(text));
  }

  private async download(name: string): Promise<string | undefined> {
    try {
      await this.lazy.get();
      return await streamText((await this.lazy.client.getBlobClient(name).download()).readableStreamBody);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  watch(changed: () => void): { close(): void } {
    let known: string | undefined;
    let looking = false;
    const look = async () => {
      if (looking) return;
      looking = true;
      try {
        await this.lazy.get();
        const { etag } = await this.offersBlob().getProperties();
        if (known !== undefined && etag !== known) changed();
        known = etag;
      } catch {
        // Storage unreachable or the blob gone: the offers served stay; the next look tries again.
      } finally {
        looking = false;
      }
    };
    void look();
    const timer = setInterval(() => void look(), this.pollMs);
    timer.unref();
    return { close: () => clearInterval(timer) };
  }

  async exclusive(work: () => Promise<void>): Promise<boolean> {
    await this.lazy.get();
    const lock = this.lazy.client.getBlockBlobClient('offers-sync.lock');
    await lock.upload('', 0, { conditions: { ifNoneMatch: '*' } }).catch((error: unknown) => {
      if (statusOf(error) !== 409 && statusOf(error) !== 412) throw error;
    });
    const lease = lock.getBlobLeaseClient();
    try {
      await lease.acquireLease(LEASE_SECONDS);
    } catch (error) {
      if (statusOf(error) === 409) return false;
      throw error;
    }
    const renewing = setInterval(() => void lease.renewLease().catch(() => undefined), (LEASE_SECONDS * 1000) / 3);
    renewing.unref();
    try {
      await work();
      return true;
    } finally {
      clearInterval(renewing);
      await lease.releaseLease().catch(() => undefined);
    }
  }
}
