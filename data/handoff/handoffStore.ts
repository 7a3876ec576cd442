import path from 'node:path';
import { JournaledRecords, type OpenReport } from '../state/journaledRecords.js';
import { MemoryRecords } from '../state/memoryRecords.js';
import { parseHandoff, type Handoff } from './handoffRecords.js';

/**
 * The handoff queue behind a small interface: the embedded default keeps it in
 * `STATE_DIR/handoffs.json` with its journal; a shared store for several instances answers the same calls.
 */
export interface HandoffStore {
  all(): readonly Handoff[];
  get(id: string): Handoff | undefined;
  put(...handoffs: Handoff[]): Promise<void>;
  /** Removes and keeps no copy (erasure, retention). */
  purge(...ids: string[]): Promise<void>;
  flush(): Promise<void>;
  /** A store shared by instances: reads what the others wrote since. */
  refresh?(): Promise<void>;
  /** A store shared by instances: reads one request as it stands now (cheaper than `refresh`). */
  refreshOne?(id: string): Promise<void>;
  /** A store shared by instances: read afresh, change, write unless another instance wrote first (then again). */
  update?(id: string, change: (current: Handoff) => Handoff | undefined): Promise<Handoff | undefined>;
}

/** One change to a request, made on its latest version (another instance may have changed it). */
export async function changeHandoff(store: HandoffStore, id: string, change: (current: Handoff) => Handoff | undefined): Promise<Handoff | undefined> {
  if (store.update) return store.update(id, change);
  const current = store.get(id);
  const next = current ? change(current) : undefined;
  if (next) await store.put(next);
  return next;
}

/** The embedded default: the journaled records themselves answer the interface. */
export async function openFileHandoffStore(stateDir: string): Promise<{ store: HandoffStore; report: OpenReport }> {
  return JournaledRecords.open(path.join(stateDir, 'handoffs.json'), parseHandoff);
}

/** The same queue in memory (tests). */
export class MemoryHandoffStore extends MemoryRecords<Handoff> implements HandoffStore {}

/** The open handoff of a conversation (waiting or taken), if any. */
export function openHandoffOf(store: HandoffStore, channelId: string, conversationId: string): Handoff | undefined {
  return store.all().find((h) => h.channelId === channelId && h.conversationId === conversationId && (h.status === 'waiting' || h.status === 'active'));
}
