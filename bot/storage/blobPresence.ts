import { createHash } from 'node:crypto';
import type { Presence } from '../../data/handoff/staffPresence.js';
import { LazyContainer } from '../../data/storage/blobContainer.js';

/** A staff member's presence is written at most this often. */
const WRITE_EVERY_MS = 30_000;

/**
 * Who of the support staff has the review page open, shared by instances: a blob per staff member
 * holding when they were last seen (by the bot's clock, in its metadata), so a user on one instance
 * is told a person is on duty when the staff member's page is served by another.
 */
export class BlobPresence implements Presence {
  private readonly lazy: LazyContainer;
  private readonly written = new Map<string, number>();

  constructor(
    connectionString: string,
    containerName: string,
    private readonly withinMs: number,
  ) {
    this.lazy = new LazyContainer(connectionString, containerName);
  }

  private blob(user: string) {
    return this.lazy.client.getBlockBlobClient(`presence/${createHash('sha256').update(user).digest('hex')}`);
  }

  private async init(): Promise<void> {
    await this.lazy.get();
  }

  mark(user: string, now: Date): void {
    const last = this.written.get(user);
    if (last !== undefined && now.getTime() - last < WRITE_EVERY_MS && now.getTime() >= last) return;
    this.written.set(user, now.getTime());
    void this.init()
      .then(() => this.blob(user).upload('', 0, { metadata: { seen: String(now.getTime()) } }))
      .catch(() => this.written.delete(user));
  }

  leave(user: string): void {
    this.written.delete(user);
    void this.init()
      .then(() => this.blob(user).deleteIfExists())
      .catch(() => undefined);
  }

  async anyone(now: Date): Promise<boolean> {
    await this.init();
    for await (const item of this.lazy.client.listBlobsFlat({ prefix: 'presence/', includeMetadata: true })) {
      const seen = Number(item.metadata?.seen ?? Number.NaN);
      if (Number.isFinite(seen) && Math.abs(now.getTime() - seen) <= this.withinMs) return true;
    }
    return false;
  }
}
