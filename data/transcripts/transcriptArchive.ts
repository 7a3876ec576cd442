import type { ConversationLine } from './conversationReview.js';
import type { LoggedActivity, StoredConversation } from './transcriptFiles.js';

/**
 * Where masked transcripts are kept: files owned by this process (`TranscriptFiles`), or Azure blobs
 * shared by every instance (`bot/storage/blobTranscripts.ts`). The review page, erasure on request
 * and retention read and delete through this face only.
 */
export interface TranscriptArchive {
  /** Appends in order per conversation; resolves once the activity is kept. */
  append(activity: LoggedActivity): Promise<void>;
  /** Every append asked so far, done. */
  flush(): Promise<void>;
  /** Flushes and lets go of what is open (on shutdown). */
  close(): Promise<void>;
  read(channelId: string, conversationId: string): Promise<LoggedActivity[]>;
  conversationIds(channelId?: string): Promise<Array<{ channelId: string; conversationId: string }>>;
  all(channelId?: string): Promise<StoredConversation[]>;
  /** The review line of every conversation. */
  summaries(): Promise<ConversationLine[]>;
  delete(channelId: string, conversationId: string): Promise<void>;
  /** Erasure on request: every conversation in which this user wrote. Returns how many. */
  deleteByUser(channelId: string, userId: string): Promise<number>;
  /** Retention: conversations whose last activity is older than `cutoff`. Returns how many. */
  deleteOlderThan(cutoff: Date): Promise<number>;
}
