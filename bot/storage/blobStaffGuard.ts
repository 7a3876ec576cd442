import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { RestError } from '@azure/storage-blob';
import { lockedMinutes, recordFailure, type Failures } from '../admin/loginThrottle.js';
import type { StaffGuard } from '../admin/staffGuard.js';
import type { Session } from '../admin/sessions.js';
import { LazyContainer } from '../../data/storage/blobContainer.js';
import { streamText } from '../../data/storage/blobText.js';

const name = (kind: string, key: string) => `${kind}/${createHash('sha256').update(key).digest('hex')}`;

/**
 * The review page's lockout counters and ended sessions in an Azure Blob container, shared by every
 * instance: a logout on one holds on all, and parallel guesses spread over instances are counted
 * before any password is checked (each count a conditional write, retried when another instance
 * counted first).
 */
export class BlobStaffGuard implements StaffGuard {
  private readonly lazy: LazyContainer;

  constructor(
    connectionString: string,
    containerName: string,
    private readonly now: () => number,
  ) {
    this.lazy = new LazyContainer(connectionString, containerName);
  }

  private get container() {
    return this.lazy.client;
  }

  private async init(): Promise<void> {
    await this.lazy.get();
  }

  private async read(blobName: string): Promise<{ failures: Failures; etag?: string }> {
    try {
      const response = await this.container.getBlockBlobClient(blobName).download();
      return { failures: JSON.parse(await streamText(response.readableStreamBody)) as Failures, etag: response.etag };
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return { failures: [] };
      throw error;
    }
  }

  async begin(...keys: string[]): Promise<number> {
    await this.init();
    for (let attempt = 0; ; attempt += 1) {
      const now = this.now();
      const states = await Promise.all(keys.map(async (key) => ({ key, ...(await this.read(name('throttle', key))) })));
      const locked = Math.max(0, ...states.map((s) => lockedMinutes(s.failures, now)));
      if (locked > 0) return locked;
      try {
        for (const state of states) {
          const body = JSON.stringify(recordFailure(state.failures, now));
          await this.container.getBlockBlobClient(name('throttle', state.key)).upload(body, Buffer.byteLength(body), {
            conditions: state.etag ? { ifMatch: state.etag } : { ifNoneMatch: '*' },
          });
        }
        return 0;
      } catch (error) {
        // Another instance counted an attempt in between: count again from what it wrote.
        if (!(error instanceof RestError && (error.statusCode === 412 || error.statusCode === 409)) || attempt > 50) throw error;
        await sleep(Math.random() * 20);
      }
    }
  }

  async succeed(...keys: string[]): Promise<void> {
    await this.init();
    await Promise.all(keys.map((key) => this.container.getBlockBlobClient(name('throttle', key)).deleteIfExists()));
  }

  async end(session: Session): Promise<void> {
    await this.init();
    const body = String(session.expires);
    await this.container.getBlockBlobClient(name('ended', session.csrf)).upload(body, body.length);
  }

  async isEnded(session: Session): Promise<boolean> {
    await this.init();
    return this.container.getBlockBlobClient(name('ended', session.csrf)).exists();
  }
}
