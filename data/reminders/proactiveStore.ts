import path from 'node:path';
import { JournaledRecords, type OpenReport } from '../state/journaledRecords.js';
import { MemoryRecords } from '../state/memoryRecords.js';
import { isDue } from './delivery.js';
import { parseProactiveRecord, type Alert, type OffersSeen, type Outgoing, type ProactiveRecord, type Reminder } from './proactiveRecords.js';

/**
 * Reminders, alerts and the notices waiting to go out, behind one small interface. The embedded
 * default keeps them in `STATE_DIR/proactive.json` with its journal; another implementation (a
 * shared store for several instances) answers the same calls.
 */
export interface ProactiveStore {
  all(): readonly ProactiveRecord[];
  get(id: string): ProactiveRecord | undefined;
  /** Saves records together: all of them or none. */
  put(...records: ProactiveRecord[]): Promise<void>;
  remove(...ids: string[]): Promise<void>;
  /** Removes and keeps no copy anywhere (a user's erasure): no journal line, no backup left. */
  purge(...ids: string[]): Promise<void>;
  flush(): Promise<void>;
  /**
   * A store shared by instances: marks the records "sending" only where no other instance did first,
   * and returns those this instance won (without it, every record is this instance's).
   */
  claim?<T extends ProactiveRecord>(records: readonly T[]): Promise<T[]>;
  /** A store shared by instances: reads what the other instances wrote since. */
  refresh?(): Promise<void>;
}

export class FileProactiveStore implements ProactiveStore {
  private constructor(private readonly records: JournaledRecords<ProactiveRecord>) {}

  static async open(stateDir: string): Promise<{ store: FileProactiveStore; report: OpenReport }> {
    const { store, report } = await JournaledRecords.open(path.join(stateDir, 'proactive.json'), parseProactiveRecord);
    return { store: new FileProactiveStore(store), report };
  }

  all(): readonly ProactiveRecord[] {
    return this.records.all();
  }
  get(id: string): ProactiveRecord | undefined {
    return this.records.get(id);
  }
  put(...records: ProactiveRecord[]): Promise<void> {
    return this.records.put(...records);
  }
  remove(...ids: string[]): Promise<void> {
    return this.records.remove(...ids);
  }
  purge(...ids: string[]): Promise<void> {
    return this.records.purge(...ids);
  }
  flush(): Promise<void> {
    return this.records.flush();
  }
}

/** The same store in memory: for tests of the dialogs, and a bot whose reminders may be lost. */
export class MemoryProactiveStore extends MemoryRecords<ProactiveRecord> implements ProactiveStore {}

export function remindersOf(store: ProactiveStore, userKey: string): Reminder[] {
  return store
    .all()
    .filter((r): r is Reminder => r.kind === 'reminder' && r.recipient.userKey === userKey && r.delivery.status === 'pending')
    .sort((a, b) => a.delivery.dueAt.localeCompare(b.delivery.dueAt));
}

export function alertsOf(store: ProactiveStore, userKey: string): Alert[] {
  return store
    .all()
    .filter((r): r is Alert => r.kind === 'alert' && r.recipient.userKey === userKey)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export function recordsOf(store: ProactiveStore, userKey: string): ProactiveRecord[] {
  return store.all().filter((r) => r.kind !== 'offersSeen' && r.recipient.userKey === userKey);
}

/** What is due at `now`, the longest-waiting first. */
export function dueOutgoing(store: ProactiveStore, now: Date): Outgoing[] {
  return store
    .all()
    .filter((r): r is Outgoing => (r.kind === 'reminder' || r.kind === 'notice') && isDue(r.delivery, now))
    .sort((a, b) => a.delivery.dueAt.localeCompare(b.delivery.dueAt));
}

export function offersSeen(store: ProactiveStore): OffersSeen | undefined {
  const seen = store.get('offers-seen');
  return seen?.kind === 'offersSeen' ? seen : undefined;
}

/** Sent and failed messages are kept a while (for support), then forgotten. */
export const KEEP_SENT_DAYS = 30;
