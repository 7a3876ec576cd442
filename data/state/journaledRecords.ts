import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomicFile.js';

/**
 * Records kept in memory and saved as a snapshot (`file`, written atomically) plus a journal of the
 * changes since (`file.journal`, one JSON line appended per change). A change is one line, so it is
 * saved whole or not at all: a process killed mid-append leaves a torn last line, which the next
 * start ignores. Appending a line costs the same with 10 records or 10,000; rewriting the whole file
 * on every change (as the state store does) would not.
 *
 * One process owns the files. Durable against a crashed process (the OS keeps what was appended);
 * not against a power cut (no fsync), which a managed store covers in production.
 */
export interface Identified {
  id: string;
}

type Change<T> = { put: T[] } | { remove: string[] };

/** After this many journal lines, the next change rewrites the snapshot and empties the journal. */
const COMPACT_AFTER = 2000;

export interface OpenReport {
  records: number;
  /** Lines of the journal or records of the snapshot that could not be read (a torn last line). */
  skipped: number;
}

export class JournaledRecords<T extends Identified> {
  private readonly records = new Map<string, T>();
  private journalLines = 0;
  /** The last write in line; it never rejects, so that one failed write does not block the ones after it. */
  private writing: Promise<void> = Promise.resolve();
  /** A write failed (a full disk): the disk is behind memory until a snapshot is written again. */
  private behind = false;

  private constructor(
    private readonly file: string,
    private readonly accept: (value: unknown) => T | undefined,
  ) {}

  private get journal(): string {
    return `${this.file}.journal`;
  }

  /** Reads the snapshot and replays the journal; `accept` returns undefined for a record it refuses. */
  static async open<T extends Identified>(
    file: string,
    accept: (value: unknown) => T | undefined,
  ): Promise<{ store: JournaledRecords<T>; report: OpenReport }> {
    const store = new JournaledRecords<T>(file, accept);
    const report = await store.load();
    return { store, report };
  }

  private async load(): Promise<OpenReport> {
    let skipped = 0;
    const snapshot = await readText(this.file);
    if (snapshot) {
      let values: unknown;
      try {
        values = JSON.parse(snapshot);
      } catch {
        throw new Error(`${this.file} is not JSON: the file was edited by hand or damaged; restore it from a backup`);
      }
      for (const value of Array.isArray(values) ? values : []) {
        const record = this.accept(value);
        if (record) this.records.set(record.id, record);
        else skipped += 1;
      }
    }
    for (const line of (await readText(this.journal)).split('\n')) {
      if (!line.trim()) continue;
      let change: Change<unknown>;
      try {
        change = JSON.parse(line) as Change<unknown>;
      } catch {
        skipped += 1;
        continue;
      }
      if ('put' in change && Array.isArray(change.put)) {
        for (const value of change.put) {
          const record = this.accept(value);
          if (record) this.records.set(record.id, record);
          else skipped += 1;
        }
      } else if ('remove' in change && Array.isArray(change.remove)) {
        for (const id of change.remove) this.records.delete(String(id));
      }
    }
    // Start each run from one clean snapshot: the torn line, if any, goes away with the journal.
    await this.compact();
    return { records: this.records.size, skipped };
  }

  all(): T[] {
    return [...this.records.values()];
  }

  get(id: string): T | undefined {
    return this.records.get(id);
  }

  get size(): number {
    return this.records.size;
  }

  /** Adds or replaces records; they are readable at once and saved, together, when this resolves. */
  put(...records: T[]): Promise<void> {
    if (records.length === 0) return this.flush();
    for (const record of records) this.records.set(record.id, structuredClone(record));
    return this.append({ put: records });
  }

  remove(...ids: string[]): Promise<void> {
    const present = ids.filter((id) => this.records.delete(id));
    if (present.length === 0) return this.flush();
    return this.append({ remove: present });
  }

  /**
   * Removes records and leaves no trace of them on disk: the journal still holds their earlier
   * lines, so the snapshot is rewritten and the journal emptied (erasure of personal data).
   */
  purge(...ids: string[]): Promise<void> {
    for (const id of ids) this.records.delete(id);
    return this.inLine(() => this.compact());
  }

  /** Resolves once every change asked so far is on disk; rejects while the disk cannot take them. */
  flush(): Promise<void> {
    return this.inLine(async () => undefined);
  }

  private append(change: Change<T>): Promise<void> {
    const line = `${JSON.stringify(change)}\n`;
    return this.inLine(async () => {
      if (this.journalLines >= COMPACT_AFTER) await this.compact();
      await mkdir(path.dirname(this.journal), { recursive: true });
      await appendFile(this.journal, line, 'utf8');
      this.journalLines += 1;
    });
  }

  /**
   * Changes reach the disk in the order they were made, one at a time. A write that fails rejects its
   * own caller; the next write then saves a whole snapshot of memory, which holds the lost change too.
   */
  private inLine(write: () => Promise<void>): Promise<void> {
    const run = async () => {
      if (this.behind) await this.compact();
      else await write();
      this.behind = false;
    };
    const done = this.writing.then(run).catch((error: unknown) => {
      this.behind = true;
      throw error;
    });
    this.writing = done.catch(() => undefined);
    return done;
  }

  private async compact(): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify(this.all()));
    await mkdir(path.dirname(this.journal), { recursive: true });
    await writeFile(this.journal, '', 'utf8');
    this.journalLines = 0;
  }
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}
