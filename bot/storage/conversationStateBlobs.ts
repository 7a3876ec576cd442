import type { BlobLeaseClient, BlockBlobClient } from '@azure/storage-blob';
import { ConversationState, MemoryStorage, type Storage, type StoreItems, type TurnContext } from 'botbuilder';
import { statusOf, streamText } from '../../data/storage/blobText.js';
import { rememberRecent } from '../../data/storage/recentEntries.js';

/** The lease a turn holds on its conversation's blob, and the blob's ETag as last seen under it. */
export interface HeldLease {
  lease: BlobLeaseClient;
  /** When Azure lets the lease go if it is not renewed (this instance's clock, taken before the request). */
  expiresAt: number;
  /** The blob's ETag when the lease was granted (a lease leaves it unchanged), then after each write under it. */
  etag?: string;
  /** The conversation's turn before was on this instance: nobody wrote its blob since this instance let go of it. */
  followsOwnTurn?: boolean;
  /** Another instance wrote the blob since this one let go of its lease: the conversation's turns move between instances. */
  afterElsewhere?: boolean;
  /** The blob as read while the lease was asked for (`readAhead`): the state if its ETag is the lease's. */
  readAhead?: Promise<StateCopy | undefined>;
}

/** A conversation's state as kept in its blob, and the blob's ETag then. */
export interface StateCopy {
  etag: string;
  text: string;
}

/** What the store asks of the turn lock (bot/storage/conversationLock.ts). */
export interface ConversationLeases {
  /** The lease the turn of this conversation running on this instance holds, if one does. */
  leaseOf(key: string): HeldLease | undefined;
  /** Runs `work` holding the conversation's lease, in line with its turns (a write outside a turn). */
  hold<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** The client of the conversation's blob. */
  blobOf(key: string): Promise<BlockBlobClient>;
}

/** The SDK's own key of a conversation's state (ConversationState's `getStorageKey`), without a store. */
const sdkKeys = new ConversationState(new MemoryStorage());

/** The key ConversationState reads and writes a turn's conversation under; undefined without a conversation. */
export function conversationStateKey(context: TurnContext): string | undefined {
  return context.activity.channelId && context.activity.conversation?.id ? sdkKeys.getStorageKey(context) : undefined;
}

/** The blob a conversation's state lives in, and whose lease its turns take. */
export function stateBlobName(key: string): string {
  return encodeURIComponent(key);
}

/** The blob's state and ETag; only if it changed since `ifNoneMatch` (a 304 otherwise, thrown). */
async function download(blob: BlockBlobClient, ifNoneMatch?: string): Promise<StateCopy> {
  const downloaded = await blob.download(0, undefined, ifNoneMatch ? { conditions: { ifNoneMatch } } : {});
  return { etag: downloaded.etag ?? '', text: await streamText(downloaded.readableStreamBody) };
}

/** Copies of the states this instance read or wrote last, with their ETags: enough for a busy instance. */
const COPIES_KEPT = 2_000;

/**
 * Conversation state on Azure Blobs, in the very blob whose lease its turn holds (one blob, one
 * conversation). The lease answers with the blob's ETag: when it is the ETag of the copy this
 * instance wrote last, nobody wrote since and the turn reads its copy, without asking Azure; so a
 * conversation whose turns come to one instance costs the lease and the write, not a read besides.
 * A copy is only ever used when the ETags match, so a turn that went to another instance in between
 * is read from Azure, as before.
 *
 * Writes go with the lease, so that only the turn holding it writes; one outside a turn (the
 * adapter's reset after a failed turn) takes the lease first, in line with the turns.
 */
export class ConversationStateBlobs implements Storage {
  /** Most recently used last. */
  private readonly copies = new Map<string, StateCopy>();

  constructor(private readonly leases: ConversationLeases) {}

  /**
   * Reads the conversation's blob while its lease is asked for, so that a turn after one on another
   * instance waits for one round trip, not two. With a copy here, only if the blob changed since
   * (If-None-Match: a 304 otherwise, and the copy serves). Never rejects: a failure leaves the read to
   * the turn, as without it.
   */
  readAhead(key: string, blob: BlockBlobClient): Promise<StateCopy | undefined> {
    return download(blob, this.copies.get(key)?.etag).catch(() => undefined);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const found = await this.readOne(key);
        if (found) items[key] = found;
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(([key, item]) => {
        // BotState writes with eTag "*": the lease, not the ETag, keeps other writers out.
        const { eTag: _eTag, ...state } = item as { eTag?: string };
        return this.put(key, JSON.stringify(state));
      }),
    );
  }

  /** The conversation forgets everything; its blob stays, as its turns' lock. */
  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.put(key, '')));
  }

  private async readOne(key: string): Promise<object | undefined> {
    const state = await this.current(key);
    // An empty blob: the conversation's first turn (its lock made), or state deleted.
    return state?.text ? { ...(JSON.parse(state.text) as object), eTag: state.etag } : undefined;
  }

  /** The state its blob holds now: this instance's copy if nobody wrote since, the read made beside the lease, or a read now. */
  private async current(key: string): Promise<StateCopy | undefined> {
    const held = this.leases.leaseOf(key);
    const copy = this.copies.get(key);
    if (held?.etag && copy?.etag === held.etag) return copy;
    const ahead = held?.etag ? await held.readAhead : undefined;
    let state: StateCopy;
    if (ahead && ahead.etag === held?.etag) {
      state = ahead;
    } else {
      try {
        state = await download(await this.leases.blobOf(key));
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    }
    this.remember(key, state.etag, state.text);
    return state;
  }

  private async put(key: string, text: string): Promise<void> {
    const held = this.leases.leaseOf(key);
    if (!held) return this.leases.hold(key, () => this.put(key, text));
    const blob = await this.leases.blobOf(key);
    const written = await blob.upload(text, Buffer.byteLength(text), {
      conditions: { leaseId: held.lease.leaseId },
      blobHTTPHeaders: { blobContentType: 'application/json' },
    });
    held.etag = written.etag;
    this.remember(key, written.etag, text);
  }

  /** The conversation's blob was just made, empty, by this instance: a copy of it, under that ETag. */
  madeEmpty(key: string, etag: string): void {
    this.remember(key, etag, '');
  }

  private remember(key: string, etag: string | undefined, text: string): void {
    if (etag) rememberRecent(this.copies, key, { etag, text }, COPIES_KEPT);
    else this.copies.delete(key);
  }
}
