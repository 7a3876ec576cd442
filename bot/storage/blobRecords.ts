import { BlobServiceClient, RestError, type ContainerClient } from '@azure/storage-blob';
import { parseHandoff, type Handoff } from '../../data/handoff/handoffRecords.js';
import type { HandoffStore } from '../../data/handoff/handoffStore.js';
import { parseProactiveRecord, type ProactiveRecord } from '../../data/reminders/proactiveRecords.js';
import type { ProactiveStore } from '../../data/reminders/proactiveStore.js';
import { inBatches } from '../../data/storage/batches.js';
import { streamText } from '../../data/storage/blobText.js';


/**
 * Records in an Azure Blob container, one blob per record, shared by every instance. Reads answer
 * from this instance's copy (refreshed on demand, and by this instance's own writes). Two writes
 * that must not cross another instance's are conditional (If-Match the ETag this instance read):
 * `claim` (of several instances, exactly one wins) and `update` (read, change, write; again on a
 * conflict).
 */
export class BlobRecords<T extends { id: string }> {
  private readonly records = new Map<string, { record: T; etag?: string }>();

  protected constructor(
    private readonly container: ContainerClient,
    private readonly parse: (value: unknown) => T | undefined,
  ) {}

  protected static async openContainer(connectionString: string, containerName: string): Promise<ContainerClient> {
    const container = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(containerName);
    await container.createIfNotExists();
    return container;
  }

  private blob(id: string) {
    return this.container.getBlockBlobClient(encodeURIComponent(id));
  }

  /** Brings this instance's copy up to date: only the blobs whose ETag changed are read. */
  async refresh(): Promise<void> {
    const seen = new Map<string, string>();
    for await (const item of this.container.listBlobsFlat()) seen.set(decodeURIComponent(item.name), item.properties.etag ?? '');
    for (const id of [...this.records.keys()]) if (!seen.has(id)) this.records.delete(id);
    const changed = [...seen].filter(([id, etag]) => this.records.get(id)?.etag !== etag).map(([id]) => id);
    await inBatches(changed, (id) => this.refreshOne(id));
  }

  /** Brings one record up to date (one request; the body only when it changed). */
  async refreshOne(id: string): Promise<void> {
    const known = this.records.get(id)?.etag;
    try {
      const response = await this.blob(id).download(0, undefined, known ? { conditions: { ifNoneMatch: known } } : {});
      const record = this.parse(JSON.parse(await streamText(response.readableStreamBody)));
      if (record) this.records.set(id, { record, etag: response.etag });
    } catch (error) {
      const status = error instanceof RestError ? error.statusCode : undefined;
      if (status === 304) return;
      if (status === 404) this.records.delete(id);
      else throw error;
    }
  }

  all(): readonly T[] {
    return [...this.records.values()].map((r) => r.record);
  }

  get(id: string): T | undefined {
    return this.records.get(id)?.record;
  }

  async put(...records: T[]): Promise<void> {
    await inBatches(records, async (record) => {
      const body = JSON.stringify(record);
      const response = await this.blob(record.id).upload(body, Buffer.byteLength(body), { blobHTTPHeaders: { blobContentType: 'application/json' } });
      this.records.set(record.id, { record: structuredClone(record), etag: response.etag });
    });
  }

  /** The records this instance wins, written as given ("sending"); the others are left to the winner. */
  async claim<R extends T>(records: readonly R[]): Promise<R[]> {
    const won: R[] = [];
    await inBatches(records, async (record) => {
      const known = this.records.get(record.id)?.etag;
      const body = JSON.stringify(record);
      try {
        const response = await this.blob(record.id).upload(body, Buffer.byteLength(body), {
          blobHTTPHeaders: { blobContentType: 'application/json' },
          conditions: known ? { ifMatch: known } : { ifNoneMatch: '*' },
        });
        this.records.set(record.id, { record: structuredClone(record), etag: response.etag });
        won.push(record);
      } catch (error) {
        // 412: another instance wrote it since this one read it (it claimed the send); 409: same, racing a create.
        if (!(error instanceof RestError && (error.statusCode === 412 || error.statusCode === 409))) throw error;
        this.records.delete(record.id);
      }
    });
    return won;
  }

  /**
   * Reads the record afresh, applies the change and writes it only if nobody wrote it in between;
   * else again. Undefined when the record is gone (or the change says to leave it).
   */
  async update(id: string, change: (current: T) => T | undefined): Promise<T | undefined> {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      let current: T | undefined;
      let etag: string | undefined;
      try {
        const response = await this.blob(id).download();
        current = this.parse(JSON.parse(await streamText(response.readableStreamBody)));
        etag = response.etag;
      } catch (error) {
        if (error instanceof RestError && error.statusCode === 404) return undefined;
        throw error;
      }
      const next = current ? change(current) : undefined;
      if (!next) return undefined;
      const body = JSON.stringify(next);
      try {
        const written = await this.blob(id).upload(body, Buffer.byteLength(body), { blobHTTPHeaders: { blobContentType: 'application/json' }, conditions: { ifMatch: etag } });
        this.records.set(id, { record: structuredClone(next), etag: written.etag });
        return next;
      } catch (error) {
        if (!(error instanceof RestError && error.statusCode === 412)) throw error;
      }
    }
    throw new Error(`record ${id}: too many concurrent changes`);
  }

  async remove(...ids: string[]): Promise<void> {
    await inBatches(ids, async (id) => {
      await this.blob(id).deleteIfExists();
      this.records.delete(id);
    });
  }

  purge(...ids: string[]): Promise<void> {
    return this.remove(...ids);
  }

  async flush(): Promise<void> {}
}


/**
 * Reminders, alerts and notices, shared by every instance. A send is claimed with a conditional
 * write, so of several instances that find the same reminder due, exactly one claims it. Guarantee:
 * a message is never sent twice; one whose instance died mid-send is counted sent (as with the file
 * store), so it may be lost, never doubled.
 */
export class BlobProactiveStore extends BlobRecords<ProactiveRecord> implements ProactiveStore {
  static async open(connectionString: string, containerName: string): Promise<BlobProactiveStore> {
    const store = new BlobProactiveStore(await BlobRecords.openContainer(connectionString, containerName), parseProactiveRecord);
    await store.refresh();
    return store;
  }
}

/** The handoff queue, shared by every instance: each change to a request is an `update`. */
export class BlobHandoffStore extends BlobRecords<Handoff> implements HandoffStore {
  static async open(connectionString: string, containerName: string): Promise<BlobHandoffStore> {
    const store = new BlobHandoffStore(await BlobRecords.openContainer(connectionString, containerName), parseHandoff);
    await store.refresh();
    return store;
  }
}
