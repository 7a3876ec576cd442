import type { Delivery } from './proactiveRecords.js';

/** How a send went, as the channel answered. */
export type SendOutcome =
  | { kind: 'sent' }
  /** The user blocked the bot or left the conversation (403, 404): never again. */
  | { kind: 'gone'; error: string }
  /** A time-out, a 429 or a 5xx: try again later. */
  | { kind: 'retry'; error: string };

/** After this many attempts a message is given up (about a day of retries). */
export const MAX_ATTEMPTS = 6;
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 6 * 3_600_000;

/** 1, 4, 16, 64 minutes… capped at 6 hours: a channel that is down is not hammered. */
export function retryDelayMs(attempts: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 4 ** Math.max(0, attempts - 1));
}

export function pendingDelivery(dueAt: Date): Delivery {
  return { status: 'pending', dueAt: dueAt.toISOString(), attempts: 0 };
}

export function isDue(delivery: Delivery, now: Date): boolean {
  if (delivery.status !== 'pending') return false;
  const at = delivery.retryAt ?? delivery.dueAt;
  return Date.parse(at) <= now.getTime();
}

/** The record of a send about to start: written before the channel is asked. */
export function sending(delivery: Delivery): Delivery {
  return { ...delivery, status: 'sending', attempts: delivery.attempts + 1 };
}

/** The record after the channel answered. */
export function afterSend(delivery: Delivery, outcome: SendOutcome, now: Date): Delivery {
  const { retryAt: _retried, ...rest } = delivery;
  if (outcome.kind === 'sent') return { ...rest, status: 'sent', sentAt: now.toISOString() };
  if (outcome.kind === 'gone' || delivery.attempts >= MAX_ATTEMPTS) {
    return { ...rest, status: 'failed', lastError: outcome.error };
  }
  return {
    ...rest,
    status: 'pending',
    retryAt: new Date(now.getTime() + retryDelayMs(delivery.attempts)).toISOString(),
    lastError: outcome.error,
  };
}

/**
 * A record found "sending" at start-up: the process stopped between asking the channel and hearing
 * back. The message may have arrived, so it is not sent again (at most once beats twice).
 */
export function interrupted(delivery: Delivery): Delivery {
  return { ...delivery, status: 'sent', lastError: 'interrupted while sending: not sent again' };
}
