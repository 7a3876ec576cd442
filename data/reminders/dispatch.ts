import { afterSend, interrupted, sending, type SendOutcome } from './delivery.js';
import type { Outgoing, ProactiveRecord } from './proactiveRecords.js';
import { dueOutgoing, KEEP_SENT_DAYS, recordsOf, type ProactiveStore } from './proactiveStore.js';
import { closingOf } from './reminderRules.js';

export interface DispatchReport {
  sent: number;
  retried: number;
  failed: number;
  /** Reminders whose deadline passed before they could go (the bot was down): not sent. */
  expired: number;
  /** Users who blocked the bot or left: their reminders and alerts were removed. */
  unsubscribed: string[];
}

/** At most this many messages are in flight, and at most this many can be lost in a crash. */
const BATCH = 8;

/**
 * Sends what is due, exactly once: each batch is recorded "sending" (one journal line) before the
 * channel is asked, and each message "sent", "pending" (retry later) or "failed" after it answered.
 */
export async function sendDue(
  store: ProactiveStore,
  now: Date,
  send: (message: Outgoing) => Promise<SendOutcome>,
): Promise<DispatchReport> {
  const report: DispatchReport = { sent: 0, retried: 0, failed: 0, expired: 0, unsubscribed: [] };
  const due = dueOutgoing(store, now);
  const expired = due.filter((m) => m.kind === 'reminder' && closingOf(m.lastDay).getTime() <= now.getTime());
  if (expired.length > 0) {
    await store.put(...expired.map((m) => ({ ...m, delivery: { ...m.delivery, status: 'expired' as const } })));
    report.expired = expired.length;
  }
  const expiredIds = new Set(expired.map((m) => m.id));
  const ready = due.filter((m) => !expiredIds.has(m.id));
  const gone = new Set<string>();
  for (let start = 0; start < ready.length; start += BATCH) {
    const batch = ready.slice(start, start + BATCH).filter((m) => !gone.has(m.recipient.userKey));
    const marked = batch.map((m) => ({ ...m, delivery: sending(m.delivery) }));
    // Shared by instances: only the sends this instance claimed are its to make. Each goes to the channel
    // as soon as its own claim is written, not when the batch's eight are: a process killed in between
    // loses what it claimed and had not sent yet (at most once), so that span is kept as short as it can be.
    // A store of one process records the batch "sending" in one write instead.
    const claim = store.claim?.bind(store);
    if (!claim) await store.put(...marked);
    const tried = await Promise.all(
      marked.map(async (m) => {
        if (claim && (await claim([m])).length === 0) return undefined;
        const outcome = await send(m).catch((error: unknown): SendOutcome => ({ kind: 'retry', error: String(error) }));
        return { message: m, outcome };
      }),
    );
    const started = tried.filter((t) => t !== undefined);
    const finished: Outgoing[] = [];
    started.forEach(({ message: m, outcome }) => {
      const delivery = afterSend(m.delivery, outcome, now);
      finished.push({ ...m, delivery });
      if (outcome.kind === 'gone') gone.add(m.recipient.userKey);
      if (delivery.status === 'sent') report.sent += 1;
      else if (delivery.status === 'pending') report.retried += 1;
      else report.failed += 1;
    });
    await store.put(...finished);
  }
  for (const userKey of gone) {
    await store.purge(...recordsOf(store, userKey).map((r) => r.id));
    report.unsubscribed.push(userKey);
  }
  return report;
}

/** At start-up: messages left "sending" by a stopped process are counted as sent, never sent twice. */
export async function settleInterrupted(store: ProactiveStore): Promise<number> {
  const stuck = store
    .all()
    .filter((r): r is Outgoing => (r.kind === 'reminder' || r.kind === 'notice') && r.delivery.status === 'sending');
  await store.put(...stuck.map((m) => ({ ...m, delivery: interrupted(m.delivery) })));
  return stuck.length;
}

/** Sent, failed and expired messages older than a month go: the store does not grow for ever. */
export async function forgetOld(store: ProactiveStore, now: Date): Promise<number> {
  const limit = now.getTime() - KEEP_SENT_DAYS * 86_400_000;
  const old = store
    .all()
    .filter(
      (r): r is Outgoing =>
        (r.kind === 'reminder' || r.kind === 'notice') && r.delivery.status !== 'pending' && r.delivery.status !== 'sending' && Date.parse(r.delivery.dueAt) < limit,
    );
  await store.remove(...old.map((r: ProactiveRecord) => r.id));
  return old.length;
}
