import type { Identified } from './journaledRecords.js';

/**
 * Records in memory, answering as the journaled file records do: for tests of the dialogs, and for
 * a bot whose records may be lost with its process. Copies go in and out, as with a real store.
 */
export class MemoryRecords<T extends Identified> {
  private readonly records = new Map<string, T>();
  all(): readonly T[] {
    return [...this.records.values()];
  }
  get(id: string): T | undefined {
    return this.records.get(id);
  }
  async put(...records: T[]): Promise<void> {
    for (const record of records) this.records.set(record.id, structuredClone(record));
  }
  async remove(...ids: string[]): Promise<void> {
    for (const id of ids) this.records.delete(id);
  }
  purge(...ids: string[]): Promise<void> {
    return this.remove(...ids);
  }
  async flush(): Promise<void> {}
}
