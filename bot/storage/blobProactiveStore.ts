import { BlobServiceClient, RestError, type ContainerClient } from '@azure/storage-blob';
import { parseProactiveRecord, type ProactiveRecord } from '../../data/reminders/proactiveRecords.js';
import type { ProactiveStore } from '../../data/reminders/proactiveStore.js';
import { streamText } from './blobText.js';

/** Blobs written or read at once. */
const PARALLEL = 16;

/**
 * Reminders, alerts and notices in an Azure Blob container, one blob per record, shared by every
 * instance. Reads answer from this instance's copy (refreshed by each scheduler round, and by this
 * instance's own writes); a send is claimed with a conditional write (If-Match the blob's ETag as this
 * instance last read it), so of several instances that find the same reminder due, exactly one
 * claims it. Guarantee: a message is never sent twice; one whose instance died mid-send is counted
 * sent (as with the file store), so it may be lost, never doubled.
 */
export class BlobProactiveStore implements ProactiveStore {
  private readonly records = new Map<string, { record: ProactiveRecord; etag?: string }>();

  private constructor(private readonly container: ContainerClient) {}

  static async open(connectionString: string, containerName: string): Promise<BlobProactiveStore> {
    const container = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(containerName);
    await container.createIfNotExists();
    const store = new BlobProactiveStore(container);
    await store.refresh();
    return store;
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
    await inBatches(changed, async (id) => {
      try {
        const response = await this.blob(id).download();
        const text = await streamText(response.readableStreamBody);
        const record = parseProactiveRecord(JSON.parse(text));
        if (record) this.records.set(id, { record, etag: response.etag });
      } catch (error) {
        if (!(error instanceof RestError && error.statusCode === 404)) throw error;
      }
    });
  }

  all(): readonly ProactiveRecord[] {
    return [...this.records.values()].map((r) => r.record);
  }

  get(id: string): ProactiveRecord | undefined {
    return this.records.get(id)?.record;
  }

  async put(...records: ProactiveRecord[]): Promise<void> {
    await inBatches(records, async (record) => {
      const body = JSON.stringify(record);
      const response = await this.blob(record.id).upload(body, Buffer.byteLength(body), { blobHTTPHeaders: { blobContentType: 'application/json' } });
      this.records.set(record.id, { record: structuredClone(record), etag: response.etag });
    });
  }

  /** The records this instance wins, written as given ("sending"); the others are left to the winner. */
  async claim<T extends ProactiveRecord>(records: readonly T[]): Promise<T[]> {
    const won: T[] = [];
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

async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += PARALLEL) await Promise.all(items.slice(start, start + PARALLEL).map(work));
}
