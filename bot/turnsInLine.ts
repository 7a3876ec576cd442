import type { Middleware, TurnContext } from 'botbuilder';
import { conversationStateKey } from './storage/conversationStateBlobs.js';
import { turnBeforeEnded } from './turnBefore.js';

/** A turn waits this long at most for the one before it: a turn stuck past it does not hold up its conversation for good. */
const WAIT_MS = 20_000;

/**
 * One turn at a time per conversation in this process, for the stores one process owns (the files).
 * ConversationState is read when a turn starts and written when it ends, with eTag "*": two turns of
 * one conversation at once (a message sent while the answer to the one before is on its way, a card
 * clicked twice) would each write over the other's answers. On Azure Storage the conversation lock
 * (storage/conversationLock.ts) keeps the same order across instances.
 */
export class TurnsInLine implements Middleware {
  /** By conversation state key: settles when the last turn in line ends. */
  private readonly tails = new Map<string, Promise<void>>();

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const key = conversationStateKey(context);
    if (!key) return next();
    const before = this.tails.get(key);
    let done!: () => void;
    const mine = new Promise<void>((resolve) => (done = resolve));
    this.tails.set(key, mine);
    try {
      // Late or not, the turn goes on: one stuck past WAIT_MS does not hold up its conversation for good.
      if (before) await turnBeforeEnded(before, Date.now() + WAIT_MS);
      await next();
    } finally {
      done();
      if (this.tails.get(key) === mine) this.tails.delete(key);
    }
  }
}
