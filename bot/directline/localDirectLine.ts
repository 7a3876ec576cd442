import type { Activity } from 'botbuilder';
import { newId } from './tokens.js';

/**
 * The conversations of the built-in Direct Line channel: what the user posted and what the bot
 * answered, in order, read back by the page with a watermark as Direct Line 3.0 does. Kept in
 * memory and bounded: this channel is for trying the bot locally, not for production traffic.
 */
const MAX_CONVERSATIONS = 1000;
const MAX_ACTIVITIES = 500;

interface Conversation {
  userId: string;
  activities: Array<Partial<Activity>>;
  /** Activities dropped from the front when the conversation grew past its bound. */
  dropped: number;
}

export class LocalConversations {
  private readonly conversations = new Map<string, Conversation>();

  start(conversationId: string, userId: string): boolean {
    if (this.conversations.has(conversationId)) return false;
    if (this.conversations.size >= MAX_CONVERSATIONS) {
      const oldest = this.conversations.keys().next().value;
      if (oldest !== undefined) this.conversations.delete(oldest);
    }
    this.conversations.set(conversationId, { userId, activities: [], dropped: 0 });
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
    conversation.activities.push(stored);
    if (conversation.activities.length > MAX_ACTIVITIES) {
      conversation.activities.shift();
      conversation.dropped += 1;
    }
    // Most recently used last, so the oldest idle conversation is the one dropped.
    this.conversations.delete(conversationId);
    this.conversations.set(conversationId, conversation);
    return stored;
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
