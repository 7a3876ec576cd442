import { mkdir, open, readdir, readFile, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { TranscriptArchive } from './transcriptArchive.js';
import { decode, HASHED, nameOf, transcriptName } from './transcriptNames.js';
import { addToLine, startLine, type ConversationLine, type LineInProgress } from './conversationReview.js';

/**
 * Transcripts on disk: one file per conversation, one JSON line appended per activity (a turn adds
 * lines; nothing is rewritten). The activities are plain objects here, already masked: the Bot
 * Framework's `TranscriptStore` in `bot/` is the face the ecosystem sees.
 */
export interface LoggedActivity {
  type: string;
  id?: string;
  timestamp?: string;
  channelId: string;
  conversation: { id: string };
  from?: { id?: string; role?: string; name?: string };
  text?: string;
  locale?: string;
  name?: string;
  value?: unknown;
  replyToId?: string;
  [key: string]: unknown;
}

export interface StoredConversation {
  channelId: string;
  conversationId: string;
  activities: LoggedActivity[];
}


/**
 * Files stay open while a conversation's writes are queued: a turn's activities share one open, one
 * write and one close, and nothing stays open between turns.
 */
const MAX_OPEN_FILES = 64;

/** What the files know of each conversation without reading it again: its review line and its users. */
interface IndexEntry extends LineInProgress {
  file: string;
}

export class TranscriptFiles implements TranscriptArchive {
  private writing = new Map<string, Promise<void>>();
  /** Per file, the lines not yet written, to go in its next write. */
  private readonly waiting = new Map<string, { lines: string[]; activities: LoggedActivity[]; written: Promise<void> }>();
  /** Built once from the files (the first time a list or an erasure needs it), then kept up to date. */
  private index?: Promise<Map<string, IndexEntry>>;
  private readonly handles = new Map<string, FileHandle>();
  private readonly folders = new Set<string>();

  constructor(readonly folder: string) {}

  private async handle(file: string): Promise<FileHandle> {
    let handle = this.handles.get(file);
    if (handle) {
      // Most recently used last: the first one is the one to close when too many are open.
      this.handles.delete(file);
      this.handles.set(file, handle);
      return handle;
    }
    const folder = path.dirname(file);
    if (!this.folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.folders.add(folder);
    }
    handle = await open(file, 'a');
    this.handles.set(file, handle);
    if (this.handles.size > MAX_OPEN_FILES) {
      const [oldest] = this.handles.keys();
      if (oldest !== undefined) await this.release(oldest);
    }
    return handle;
  }

  private async release(file: string): Promise<void> {
    const handle = this.handles.get(file);
    this.handles.delete(file);
    await handle?.close().catch(() => undefined);
  }

  /** Waits for the writes and closes the open files (on shutdown). */
  async close(): Promise<void> {
    await this.flush();
    await Promise.all([...this.handles.keys()].map((file) => this.release(file)));
  }

  private async remove(file: string): Promise<void> {
    await this.release(file);
    await rm(file, { force: true });
    (await this.index)?.delete(file);
  }

  private entries(): Promise<Map<string, IndexEntry>> {
    this.index ??= this.scan();
    return this.index;
  }

  private async scan(): Promise<Map<string, IndexEntry>> {
    await this.flush();
    const entries = new Map<string, IndexEntry>();
    for (const id of await this.conversationIds()) {
      const file = this.file(id.channelId, id.conversationId);
      const entry: IndexEntry = { ...startLine(id.channelId, id.conversationId), file };
      for (const activity of await this.readFile(file)) addToLine(entry, activity);
      entries.set(file, entry);
    }
    return entries;
  }

  private indexAppended(file: string, activity: LoggedActivity): void {
    void this.index?.then((entries) => {
      let entry = entries.get(file);
      if (!entry) {
        entry = { ...startLine(activity.channelId, activity.conversation.id), file };
        entries.set(file, entry);
      }
      addToLine(entry, activity);
    });
  }

  /** The review line of every conversation, from the index: no file is read (after the first time). */
  async summaries(): Promise<ConversationLine[]> {
    return [...(await this.entries()).values()].map((entry) => ({ ...entry.line, flags: [...entry.line.flags] }));
  }

  private file(channelId: string, conversationId: string): string {
    return path.join(this.folder, transcriptName(channelId, conversationId));
  }

  /**
   * Appends in order per conversation; resolves once the line is on disk. The lines asked for while
   * the conversation's previous write runs (a turn's activities come together, at its end) go in one
   * write: a turn is one write, not one per activity.
   */
  append(activity: LoggedActivity): Promise<void> {
    const file = this.file(activity.channelId, activity.conversation.id);
    const line = `${JSON.stringify(activity)}\n`;
    const waiting = this.waiting.get(file);
    if (waiting) {
      waiting.lines.push(line);
      waiting.activities.push(activity);
      return waiting.written;
    }
    const batch: { lines: string[]; activities: LoggedActivity[]; written: Promise<void> } = { lines: [line], activities: [activity], written: Promise.resolve() };
    this.waiting.set(file, batch);
    const previous = this.writing.get(file) ?? Promise.resolve();
    const next = previous.then(async () => {
      // From here on, lines asked for wait for the next write.
      if (this.waiting.get(file) === batch) this.waiting.delete(file);
      await (await this.handle(file)).appendFile(batch.lines.join(''), 'utf8');
      for (const written of batch.activities) this.indexAppended(file, written);
    });
    batch.written = next;
    const tracked: Promise<void> = next
      .catch(() => undefined)
      .then(async () => {
        // The last write queued for this file: close it (a turn's activities share one open).
        if (this.writing.get(file) !== tracked) return;
        await this.release(file);
        if (this.writing.get(file) === tracked) this.writing.delete(file);
      });
    this.writing.set(file, tracked);
    return next;
  }

  /** Every write asked so far, done: on shutdown, before an erasure. */
  async flush(): Promise<void> {
    while (this.writing.size > 0) await Promise.all([...this.writing.values()]);
  }

  async read(channelId: string, conversationId: string): Promise<LoggedActivity[]> {
    return this.readFile(this.file(channelId, conversationId));
  }

  private async readFile(file: string): Promise<LoggedActivity[]> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return activitiesOf(text);
  }

  async conversationIds(channelId?: string): Promise<Array<{ channelId: string; conversationId: string }>> {
    const channels = channelId ? [nameOf(channelId)] : await names(this.folder);
    const found: Array<{ channelId: string; conversationId: string }> = [];
    for (const channel of channels) {
      for (const name of await names(path.join(this.folder, channel))) {
        if (!name.endsWith('.jsonl')) continue;
        const stem = name.slice(0, -'.jsonl'.length);
        if (!stem.startsWith(HASHED) && !channel.startsWith(HASHED)) {
          found.push({ channelId: decode(channel), conversationId: decode(stem) });
          continue;
        }
        // Stored under a hash: the ids are in the conversation's own lines.
        const [first] = await this.readFile(path.join(this.folder, channel, name));
        if (first) found.push({ channelId: first.channelId, conversationId: first.conversation.id });
      }
    }
    return found;
  }

  async all(channelId?: string): Promise<StoredConversation[]> {
    const ids = await this.conversationIds(channelId);
    return Promise.all(ids.map(async (id) => ({ ...id, activities: await this.read(id.channelId, id.conversationId) })));
  }

  async delete(channelId: string, conversationId: string): Promise<void> {
    await this.flush();
    await this.remove(this.file(channelId, conversationId));
  }

  /** Erasure on request: every conversation in which this user wrote. Returns how many. */
  async deleteByUser(channelId: string, userId: string): Promise<number> {
    await this.flush();
    // The index says where the user wrote: only those files are touched.
    const theirs = [...(await this.entries()).values()].filter((e) => e.line.channelId === channelId && e.users.has(userId));
    for (const entry of theirs) await this.remove(entry.file);
    return theirs.length;
  }

  /** Retention: conversations whose last activity is older than `cutoff` go. Returns how many. */
  async deleteOlderThan(cutoff: Date): Promise<number> {
    await this.flush();
    const old = [...(await this.entries()).values()].filter((e) => (Date.parse(e.line.lastAt) || 0) < cutoff.getTime());
    for (const entry of old) await this.remove(entry.file);
    return old.length;
  }
}

/** A transcript's JSON lines as activities. */
export function activitiesOf(text: string): LoggedActivity[] {
  const activities: LoggedActivity[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      activities.push(JSON.parse(line) as LoggedActivity);
    } catch {
      // A line cut by a crash: the rest of the conversation is still worth reading.
    }
  }
  return activities;
}

async function names(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
