import type { Activity } from 'botbuilder';
import { newId } from './tokens.js';

/**
 * The conversations of the built-in Direct Line channel: what the user posted and what the bot
 * answered, in order, read back by the page with a watermark as Direct Line 3.0 does. Kept in
 * memory and bounded: this channel is for trying the bot locally, not for production traffic.
 */
const MAX_CONVERSATIONS = 1000;
const MAX_ACTIVITIES = 500;
/** Bytes of activities a conversation keeps (its oldest go first), and all conversations together. */
export const MAX_CONVERSATION_BYTES = 2 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 64 * 1024 * 1024;

interface Conversation {
  userId: string;
  activities: Array<Partial<Activity>>;
  sizes: number[];
  bytes: number;
  /** Activities dropped from the front when the conversation grew past its bound. */
  dropped: number;
}

export class LocalConversations {
  private readonly conversations = new Map<string, Conversation>();
  private total = 0;

  /** The bytes of activities kept, all conversations together. */
  get bytes(): number {
    return this.total;
  }

  bytesOf(conversationId: string): number {
    return this.conversations.get(conversationId)?.bytes ?? 0;
  }

  start(conversationId: string, userId: string): boolean {
    if (this.conversations.has(conversationId)) return false;
    if (this.conversations.size >= MAX_CONVERSATIONS) this.dropOldestConversation();
    this.conversations.set(conversationId, { userId, activities: [], sizes: [], bytes: 0, dropped: 0 });
    return true;
  }

  has(conversationId: string): boolean {
    return this.conversations.has(conversationId);
  }

  /** Stores an activity and gives it the id Direct Line would: conversation id and a sequence number. */
  append(conversationId: string, activity: Partial<Activity>): Partial<Activity> | undefined {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return undefined;
    const sequence = conversation.dropped + conversation.activities.length;
    const stored = { ...activity, id: `${conversationId}|${String(sequence).padStart(7, '0')}` };
    const size = Buffer.byteLength(JSON.stringify(stored), 'utf8');
    conversation.activities.push(stored);
    conversation.sizes.push(size);
    conversation.bytes += size;
    this.total += size;
    // Bounded by count and by bytes; the newest activity always stays, whatever its size.
    while (conversation.activities.length > 1 && (conversation.activities.length > MAX_ACTIVITIES || conversation.bytes > MAX_CONVERSATION_BYTES)) {
      conversation.activities.shift();
      const gone = conversation.sizes.shift() ?? 0;
      conversation.bytes -= gone;
      this.total -= gone;
      conversation.dropped += 1;
    }
    // Most recently used last, so the oldest idle conversation is the one dropped.
    this.conversations.delete(conversationId);
    this.conversations.set(conversationId, conversation);
    while (this.total > MAX_TOTAL_BYTES && this.conversations.size > 1) this.dropOldestConversation();
    return stored;
  }

  private dropOldestConversation(): void {
    const oldest = this.conversations.keys().next().value;
    if (oldest === undefined) return;
    this.total -= this.conversations.get(oldest)?.bytes ?? 0;
    this.conversations.delete(oldest);
  }

  /** Activities after the watermark, and the new watermark. */
  since(conversationId: string, watermark: number): { activities: Array<Partial<Activity>>; watermark: string } | undefined {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return undefined;
    const from = Math.max(0, watermark - conversation.dropped);
    return {
      activities: conversation.activities.slice(from),
      watermark: String(conversation.dropped + conversation.activities.length),
    };
  }

  static newConversationId(): string {
    return newId(16);
  }
}
