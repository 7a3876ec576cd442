import type { AppendBlobClient } from '@azure/storage-blob';
import { addToLine, startLine, type ConversationLine, type LineInProgress } from '../../data/transcripts/conversationReview.js';
import type { TranscriptArchive } from '../../data/transcripts/transcriptArchive.js';
import { activitiesOf, type LoggedActivity, type StoredConversation } from '../../data/transcripts/transcriptFiles.js';
import { idsOfName, transcriptName } from '../../data/transcripts/transcriptNames.js';
import { inBatches } from '../../data/storage/batches.js';
import { LazyContainer } from '../../data/storage/blobContainer.js';
import { statusOf, streamText } from '../../data/storage/blobText.js';
import { rememberRecent } from '../../data/storage/recentEntries.js';

/** What this instance knows of one transcript blob: how much of it it has read, and its review line. */
interface Known extends LineInProgress {
  etag: string;
  length: number;
}

/** Blob clients kept, for the conversations written or read last. */
const CLIENTS_KEPT = 2_000;

/** A queued batch of lines for one blob, and who waits for it. */
interface Batch {
  lines: string[];
  done: Promise<void>;
  settle: (error?: unknown) => void;
}


/**
 * Masked transcripts in Azure append blobs, shared by every instance: one blob per conversation,
 * one JSON line per activity, appended (never rewritten), as the files do. The activities a turn
 * posts while an append is on its way go together in the next append block: a turn costs one or two
 * requests, not one per activity. The review page's lines are kept per instance and brought up to
 * date from the listing: a blob that grew is read from where this instance stopped (append only).
 */
export class BlobTranscripts implements TranscriptArchive {
  private readonly lazy: LazyContainer;
  private readonly pending = new Map<string, Batch>();
  private readonly writing = new Map<string, Promise<void>>();
  private readonly known = new Map<string, Known>();
  private readonly clients = new Map<string, AppendBlobClient>();

  constructor(connectionString: string, containerName: string) {
    this.lazy = new LazyContainer(connectionString, containerName);
  }

  /** Made once per blob, for the most recent ones: making a client costs a turn more than its append's request does here. */
  private blob(name: string): AppendBlobClient {
    const blob = this.clients.get(name) ?? this.lazy.client.getAppendBlobClient(name);
    rememberRecent(this.clients, name, blob, CLIENTS_KEPT);
    return blob;
  }

  append(activity: LoggedActivity): Promise<void> {
    const name = transcriptName(activity.channelId, activity.conversation.id);
    let batch = this.pending.get(name);
    if (!batch) {
      let settle!: (error?: unknown) => void;
      const done = new Promise<void>((resolve, reject) => (settle = (error) => (error === undefined ? resolve() : reject(error instanceof Error ? error : new Error('transcript not appended', { cause: error })))));
      batch = { lines: [], done, settle };
      this.pending.set(name, batch);
      const previous = this.writing.get(name) ?? Promise.resolve();
      const next = previous.then(() => this.write(name));
      this.writing.set(name, next);
      void next.then(() => {
        if (this.writing.get(name) === next) this.writing.delete(name);
      });
    }
    batch.lines.push(`${JSON.stringify(activity)}\n`);
    return batch.done;
  }

  /** Writes what is queued for one blob, as one append block. Never rejects: the waiters hear of a failure. */
  private async write(name: string): Promise<void> {
    const batch = this.pending.get(name);
    if (!batch) return;
    this.pending.delete(name);
    const body = batch.lines.join('');
    try {
      await this.lazy.get();
      const blob = this.blob(name);
      try {
        await blob.appendBlock(body, Buffer.byteLength(body));
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
        // The conversation's first activity (or the first since an erasure).
        await blob.createIfNotExists({ blobHTTPHeaders: { blobContentType: 'application/x-ndjson' } });
        await blob.appendBlock(body, Buffer.byteLength(body));
      }
      batch.settle();
    } catch (error) {
      batch.settle(error);
    }
  }

  async flush(): Promise<void> {
    while (this.writing.size > 0) await Promise.all([...this.writing.values()]);
  }

  close(): Promise<void> {
    return this.flush();
  }

  async read(channelId: string, conversationId: string): Promise<LoggedActivity[]> {
    return this.readBlob(transcriptName(channelId, conversationId));
  }

  private async readBlob(name: string, offset = 0): Promise<LoggedActivity[]> {
    try {
      await this.lazy.get();
      const response = await this.blob(name).download(offset);
      return activitiesOf(await streamText(response.readableStreamBody));
    } catch (error) {
      if (statusOf(error) === 404 || statusOf(error) === 416) return [];
      throw error;
    }
  }

  /** Brings the review lines up to date: one listing, and the new end of each blob that grew. */
  private async refresh(): Promise<Map<string, Known>> {
    await this.lazy.get();
    const seen = new Map<string, { etag: string; length: number }>();
    for await (const item of this.lazy.client.listBlobsFlat()) seen.set(item.name, { etag: item.properties.etag ?? '', length: item.properties.contentLength ?? 0 });
    for (const name of [...this.known.keys()]) if (!seen.has(name)) this.known.delete(name);
    const changed = [...seen].filter(([name, blob]) => this.known.get(name)?.etag !== blob.etag);
    await inBatches(changed, async ([name, blob]) => {
      let entry = this.known.get(name);
      // A blob shorter than what was read was deleted and begun again: read it whole.
      if (entry && blob.length < entry.length) entry = undefined;
      const activities = await this.readBlob(name, entry?.length ?? 0);
      const first = activities[0];
      const ids = idsOfName(name) ?? (first ? { channelId: first.channelId, conversationId: first.conversation.id } : undefined);
      if (!ids) return;
      entry ??= { ...startLine(ids.channelId, ids.conversationId), etag: '', length: 0 };
      for (const activity of activities) addToLine(entry, activity);
      entry.etag = blob.etag;
      entry.length = blob.length;
      this.known.set(name, entry);
    });
    return this.known;
  }

  async summaries(): Promise<ConversationLine[]> {
    await this.flush();
    return [...(await this.refresh()).values()].map((entry) => ({ ...entry.line, flags: [...entry.line.flags] }));
  }

  async conversationIds(channelId?: string): Promise<Array<{ channelId: string; conversationId: string }>> {
    await this.flush();
    return [...(await this.refresh()).values()]
      .map(({ line }) => ({ channelId: line.channelId, conversationId: line.conversationId }))
      .filter((id) => !channelId || id.channelId === channelId);
  }

  async all(channelId?: string): Promise<StoredConversation[]> {
    const ids = await this.conversationIds(channelId);
    const conversations: StoredConversation[] = [];
    await inBatches([...ids.keys()], async (i) => {
      const id = ids[i] as (typeof ids)[number];
      conversations[i] = { ...id, activities: await this.read(id.channelId, id.conversationId) };
    });
    return conversations;
  }

  async delete(channelId: string, conversationId: string): Promise<void> {
    await this.flush();
    await this.remove(transcriptName(channelId, conversationId));
  }

  private async remove(name: string): Promise<void> {
    await this.lazy.get();
    await this.blob(name).deleteIfExists();
    this.known.delete(name);
  }

  async deleteByUser(channelId: string, userId: string): Promise<number> {
    await this.flush();
    const theirs = [...(await this.refresh())].filter(([, e]) => e.line.channelId === channelId && e.users.has(userId)).map(([name]) => name);
    await inBatches(theirs, (name) => this.remove(name));
    return theirs.length;
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    await this.flush();
    const old = [...(await this.refresh())].filter(([, e]) => (Date.parse(e.line.lastAt) || 0) < cutoff.getTime()).map(([name]) => name);
    await inBatches(old, (name) => this.remove(name));
    return old.length;
  }
}
