import { createHash } from 'node:crypto';
import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomicFile.js';
import { rememberRecent } from '../storage/recentEntries.js';

/**
 * Conversation and user state on disk, one JSON file per key, each written atomically. It has the
 * shape of the Bot Framework's `Storage` (read, write, delete, with eTags for optimistic
 * concurrency) without importing it: data/ stays free of the framework.
 */
export interface StateItem {
  eTag?: string;
  [field: string]: unknown;
}

export type StateItems = Record<string, StateItem>;

export interface StateStore {
  read(keys: string[]): Promise<StateItems>;
  write(changes: StateItems): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

export class ETagConflictError extends Error {
  constructor(key: string) {
    super(`state for "${key}" was changed by someone else (eTag conflict)`);
    this.name = 'ETagConflictError';
  }
}

/** How many items are kept in memory besides on disk (most recently used). */
const CACHED_ITEMS = 5000;

/**
 * One process owns the folder (the embedded default runs one instance; several instances use the
 * Azure store), so what it wrote last is what the disk holds: reads are served from memory when
 * they can, and the disk is read after a restart.
 */
export class FileStateStore implements StateStore {
  /** Writes to one key wait for each other, so an eTag check and its write are never interleaved. */
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly cache = new Map<string, StateItem | null>();

  constructor(private readonly directory: string) {}

  private remember(key: string, item: StateItem | null): void {
    rememberRecent(this.cache, key, item, CACHED_ITEMS);
  }

  private fileOf(key: string): string {
    // Keys hold channel and conversation ids: hashed, so no id can name a path.
    return path.join(this.directory, `${createHash('sha256').update(key).digest('hex')}.json`);
  }

  private async readOne(key: string): Promise<StateItem | undefined> {
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached === null ? undefined : structuredClone(cached);
    try {
      const stored = JSON.parse(await readFile(this.fileOf(key), 'utf8')) as { key: string; item: StateItem };
      const item = stored.key === key ? stored.item : undefined;
      this.remember(key, item ?? null);
      return item;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.remember(key, null);
        return undefined;
      }
      throw error;
    }
  }

  private serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return next;
  }

  async read(keys: string[]): Promise<StateItems> {
    const items: StateItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const item = await this.readOne(key);
        if (item) items[key] = item;
      }),
    );
    return items;
  }

  async write(changes: StateItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(([key, change]) =>
        this.serialised(key, async () => {
          const current = await this.readOne(key);
          if (change.eTag && change.eTag !== '*' && current?.eTag && current.eTag !== change.eTag) {
            throw new ETagConflictError(key);
          }
          const item = { ...change, eTag: String(Number(current?.eTag ?? 0) + 1) };
          await writeFileAtomic(this.fileOf(key), JSON.stringify({ key, item }));
          this.remember(key, structuredClone(item));
        }),
      ),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map((key) =>
        this.serialised(key, async () => {
          await unlink(this.fileOf(key)).catch((error: NodeJS.ErrnoException) => {
            if (error.code !== 'ENOENT') throw error;
          });
          this.remember(key, null);
        }),
      ),
    );
  }
}
