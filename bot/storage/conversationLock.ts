import { setTimeout as sleep } from 'node:timers/promises';
import type { BlockBlobClient, ContainerClient } from '@azure/storage-blob';
import type { Middleware, TurnContext } from 'botbuilder';
import { statusOf } from '../../data/storage/blobText.js';
import { rememberRecent } from '../../data/storage/recentEntries.js';
import { turnBeforeEnded } from '../turnBefore.js';
import { ConversationStateBlobs, conversationStateKey, stateBlobName, type ConversationLeases, type HeldLease, type StateCopy } from './conversationStateBlobs.js';

/**
 * A lease lasts this long unless renewed (Azure allows 15 to 60 seconds): the shortest, so that the
 * lease of an instance that died expires while the next turn still waits for it (the load run found
 * turns apologising after a kill with 30 s).
 */
const LEASE_SECONDS = 15;
/** A turn waits this long at most for the turn before it, on any instance: longer than a dead lease lasts. */
const WAIT_MS = 20_000;
/** A lease handed to the next turn is renewed first when less than this is left of it. */
const RENEW_BEFORE_MS = 5_000;
/**
 * A lease nobody waits for is kept this long after its turn, for the conversation's next turn here: a
 * user's second message right after the first, a card clicked as it shows, a channel sending one activity
 * after another. That turn then costs neither the release nor the lease (two requests of four, one of them
 * in the reply's way). Short: a turn of the conversation on another instance waits for it at most once
 * (its first retry comes 50 ms after a refusal), and a person typing lets the lease go long before.
 */
const KEPT_IDLE_MS = 40;
/** What this instance remembers of the most recent conversations (leases let go, blob clients). */
const CONVERSATIONS_KEPT = 2_000;

/** The turns of one conversation on this instance, in line. */
interface Line {
  /** Settles when the last turn in line is done with the lease: handed it on, or let it go. */
  tail: Promise<void>;
  /** Turns in line, the running one included. */
  queued: number;
  /** The lease a finished turn left to the next one in line. */
  handedOver?: HeldLease;
  /** The lease of the turn running now, for the conversation's state (bot/storage/conversationStateBlobs.ts). */
  running?: HeldLease;
  /** Lets go of the lease the last turn left (`handedOver`) unless a turn takes it first (KEPT_IDLE_MS). */
  idle?: NodeJS.Timeout;
}

/**
 * One turn at a time per conversation, across instances: the turn holds the lease of its
 * conversation's blob (the one its state is kept in, `stateStore()`), and the next turn of the same
 * conversation (on this instance or another) waits for it. The SDK's BotState writes with eTag "*"
 * (last writer wins); with turns of a conversation in line, each turn reads what the one before
 * wrote, and no answer is lost. A lease whose instance died expires after LEASE_SECONDS, so a
 * crash blocks nobody for long.
 *
 * Two things keep the lease off the reply's way. Turns of a conversation on this instance wait in
 * line here, and a turn that ends while another waits hands its lease over (without this, the second
 * was refused by Azure and slept 50 ms or more before asking again). And a turn with nobody waiting
 * keeps its lease a moment for the next turn here (KEPT_IDLE_MS) when the turn before it was here too
 * (the blob's ETag unchanged since this instance let go of it); a conversation whose turns go from one
 * instance to another lets it go at once, as their next turn is likely elsewhere again. The release
 * goes after the reply has left: a turn arriving here meanwhile waits for it, another instance asks
 * again as before.
 */
export class ConversationLock implements Middleware, ConversationLeases {
  /** By conversation state key. */
  private readonly lines = new Map<string, Line>();
  /**
   * By conversation state key, the blob's ETag when this instance last let go of its lease, and whether
   * that turn followed one on another instance (`afterElsewhere`; oldest first).
   */
  private readonly leftAt = new Map<string, { etag: string; afterElsewhere: boolean }>();
  /** By conversation state key, its blob's client: making one costs more than the lease (a CPU profile: 5% of a turn). */
  private readonly blobs = new Map<string, BlockBlobClient>();
  private readonly store = new ConversationStateBlobs(this);

  /** The container of the conversations' blobs: a `LazyContainer` (made on first use). */
  constructor(private readonly container: { get(): Promise<ContainerClient> }) {}

  /** The conversations' state, in the blobs this lock leases: ConversationState's storage. */
  stateStore(): ConversationStateBlobs {
    return this.store;
  }

  async blobOf(key: string): Promise<BlockBlobClient> {
    const blob = this.blobs.get(key) ?? (await this.container.get()).getBlockBlobClient(stateBlobName(key));
    rememberRecent(this.blobs, key, blob, CONVERSATIONS_KEPT);
    return blob;
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const key = conversationStateKey(context);
    if (!key) return next();
    return this.hold(key, next);
  }

  leaseOf(key: string): HeldLease | undefined {
    return this.lines.get(key)?.running;
  }

  async hold<T>(key: string, work: () => Promise<T>): Promise<T> {
    const line: Line = this.lines.get(key) ?? { tail: Promise.resolve(), queued: 0 };
    this.lines.set(key, line);
    // The lease the last turn kept is this turn's (`take`), not to be let go.
    clearTimeout(line.idle);
    line.idle = undefined;
    const before = line.tail;
    let doneWithLease!: () => void;
    const mine = new Promise<void>((resolve) => (doneWithLease = resolve));
    line.tail = mine;
    line.queued += 1;
    let held: HeldLease | undefined;
    try {
      const deadline = Date.now() + WAIT_MS;
      await waitUntil(before, deadline);
      held = await this.take(line, key, deadline);
      // A long turn (a slow CLU, a big search) keeps its lease.
      const lease = held;
      const renewing = setInterval(() => void renew(lease).catch(() => undefined), (LEASE_SECONDS * 1000) / 3);
      line.running = lease;
      try {
        return await work();
      } finally {
        clearInterval(renewing);
        if (line.running === lease) line.running = undefined;
      }
    } finally {
      line.queued -= 1;
      if (held) {
        line.handedOver = held;
        if (line.queued === 0 && held.followsOwnTurn) line.idle = setTimeout(() => this.letGo(key, line), KEPT_IDLE_MS).unref();
        else if (line.queued === 0) this.letGo(key, line);
      } else if (line.queued === 0 && line.tail === mine) {
        this.lines.delete(key);
      }
      doneWithLease();
    }
  }

  /** Lets go of the lease a turn kept, if no turn took it meanwhile; a turn arriving here while it goes waits for it. */
  private letGo(key: string, line: Line): void {
    clearTimeout(line.idle);
    line.idle = undefined;
    const kept = line.handedOver;
    if (!kept || line.queued > 0) return;
    line.handedOver = undefined;
    if (kept.etag) rememberRecent(this.leftAt, key, { etag: kept.etag, afterElsewhere: kept.afterElsewhere === true }, CONVERSATIONS_KEPT);
    const released = kept.lease.releaseLease().then(
      () => undefined,
      () => undefined,
    );
    line.tail = released;
    void released.then(() => {
      if (line.tail === released && line.queued === 0) this.lines.delete(key);
    });
  }

  /** Once every turn here has ended and let its lease go (a stop: the next instance need not wait for them to expire). */
  async settled(): Promise<void> {
    for (;;) {
      await Promise.all([...this.lines.values()].map((line) => line.tail));
      const kept = [...this.lines].filter(([, line]) => line.idle);
      if (kept.length === 0) return;
      for (const [key, line] of kept) this.letGo(key, line);
    }
  }

  /** The lease the turn before left, still good for a while, or the blob's lease once free. */
  private async take(line: Line, key: string, deadline: number): Promise<HeldLease> {
    const blob = await this.blobOf(key);
    const lease = blob.getBlobLeaseClient();
    let readAhead: Promise<StateCopy | undefined> | undefined;
    /** The conversation's first turn: this instance made its blob. */
    let made = false;
    for (let attempt = 0; ; attempt += 1) {
      // Looked at on every attempt: a turn that gave up waiting in line let the next one in early, and the
      // lease the turn still running leaves it comes here, not back to Azure.
      const handed = await handedOn(line);
      if (handed) {
        handed.followsOwnTurn = true;
        handed.afterElsewhere = false;
        return handed;
      }
      const asked = Date.now();
      // A conversation new here, or whose last turn here came after one elsewhere, likely comes from
      // elsewhere again: its state is read meanwhile. Once per turn: a refusal means its holder wrote
      // already (state is written before the reply's request ends), or will write, and the ETag tells which.
      const left = this.leftAt.get(key);
      if (attempt === 0 && (!left || left.afterElsewhere)) readAhead = this.store.readAhead(key, blob);
      try {
        const granted = await lease.acquireLease(LEASE_SECONDS);
        const followsOwnTurn = granted.etag !== undefined && granted.etag === left?.etag;
        return { lease, expiresAt: asked + LEASE_SECONDS * 1000, etag: granted.etag, followsOwnTurn, afterElsewhere: !made && !followsOwnTurn, readAhead };
      } catch (error) {
        const status = statusOf(error);
        if ((status !== 404 && status !== 409) || Date.now() > deadline) throw error;
        if (status === 404) {
          // The conversation's first turn: its blob is made once, empty, then leased. Only if it is
          // still missing: another instance may have made it and written its first state meanwhile.
          const created = await blob.upload('', 0, { conditions: { ifNoneMatch: '*' } }).then((response) => response.etag, () => undefined);
          made = created !== undefined;
          // Its state is known, empty, as long as the ETag is this one: the turn reads nothing from Azure.
          if (created) this.store.madeEmpty(key, created);
          continue;
        }
        await sleep(Math.min(50 * 2 ** attempt, 500));
      }
    }
  }
}

/** The lease a finished turn left in line, renewed first if little is left of it; undefined if none, or lost. */
async function handedOn(line: Line): Promise<HeldLease | undefined> {
  const handed = line.handedOver;
  line.handedOver = undefined;
  // Read for the turn that took the lease; the state the next one reads is this instance's copy.
  if (handed) handed.readAhead = undefined;
  if (!handed || handed.expiresAt - Date.now() > RENEW_BEFORE_MS) return handed;
  // Renewal failed while the turn before ran long (storage unreachable): ask for the lease anew.
  return (await renew(handed).then(() => true, () => false)) ? handed : undefined;
}

async function renew(held: HeldLease): Promise<void> {
  const asked = Date.now();
  // The ETag stays as it was: only the holder writes, and a lease lost to another instance is not renewed.
  await held.lease.renewLease();
  held.expiresAt = asked + LEASE_SECONDS * 1000;
}

/** Waits for the turn before on this instance, as long as a turn may wait for its lease. */
async function waitUntil(before: Promise<void>, deadline: number): Promise<void> {
  if (!(await turnBeforeEnded(before, deadline))) throw new Error('conversation lock: the turn before on this instance did not end in time');
}
