import { setTimeout as sleep } from 'node:timers/promises';
import type { Middleware, TurnContext } from 'botbuilder';
import { LazyContainer } from '../../data/storage/blobContainer.js';
import { statusOf } from '../../data/storage/blobText.js';

/**
 * A lease lasts this long unless renewed (Azure allows 15 to 60 seconds): the shortest, so that the
 * lease of an instance that died expires while the next turn still waits for it (the load run found
 * turns apologising after a kill with 30 s).
 */
const LEASE_SECONDS = 15;
/** A turn waits this long at most for the turn before it, on any instance: longer than a dead lease lasts. */
const WAIT_MS = 20_000;

/**
 * One turn at a time per conversation, across instances: the turn holds the lease of a small blob
 * named after its conversation, and the next turn of the same conversation (on this instance or
 * another) waits for it. The SDK's BotState writes with eTag "*" (last writer wins); with turns of a
 * conversation in line, each turn reads what the one before wrote, and no answer is lost. A lease
 * whose instance died expires after LEASE_SECONDS, so a crash blocks nobody for long.
 */
export class ConversationLock implements Middleware {
  private readonly container: LazyContainer;

  constructor(connectionString: string, containerName: string) {
    this.container = new LazyContainer(connectionString, containerName);
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const conversation = context.activity.conversation?.id;
    if (!conversation) return next();
    const container = await this.container.get();
    const blob = container.getBlockBlobClient(`${encodeURIComponent(context.activity.channelId)}/${encodeURIComponent(conversation)}`);
    const lease = blob.getBlobLeaseClient();
    const deadline = Date.now() + WAIT_MS;
    for (let attempt = 0; ; attempt += 1) {
      try {
        await lease.acquireLease(LEASE_SECONDS);
        break;
      } catch (error) {
        const status = statusOf(error);
        if ((status !== 404 && status !== 409) || Date.now() > deadline) throw error;
        if (status === 404) {
          // The conversation's first turn: its lock blob is made once, then leased.
          await blob.upload('', 0).catch(() => undefined);
          continue;
        }
        await sleep(Math.min(50 * 2 ** attempt, 500));
      }
    }
    // A long turn (a slow CLU, a big search) keeps its lease.
    const renewing = setInterval(() => void lease.renewLease().catch(() => undefined), (LEASE_SECONDS * 1000) / 3);
    try {
      await next();
    } finally {
      clearInterval(renewing);
      await lease.releaseLease().catch(() => undefined);
    }
  }
}
