import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { Clock } from '../../data/clock.js';
import type { OfferCatalog } from '../../data/offers/offerCatalog.js';
import type { SendOutcome } from '../../data/reminders/delivery.js';
import type { Outgoing } from '../../data/reminders/proactiveRecords.js';
import type { OfferLinks } from '../../dialogs/offers/offerLinks.js';
import { proactiveMessages } from '../../dialogs/reminders/proactiveMessages.js';

/** 403: the user blocked the bot or removed the app; 404: the conversation is gone. */
const GONE = new Set([403, 404]);

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

export function outcomeOf(error: unknown): SendOutcome {
  const status = statusOf(error);
  const text = `${status ?? ''} ${error instanceof Error ? error.message : String(error)}`.trim();
  return status !== undefined && GONE.has(status) ? { kind: 'gone', error: text } : { kind: 'retry', error: text };
}

/**
 * The address to write first to, without the user's message it was taken from: a message sent later
 * replies to nothing (Web Chat holds a reply until it has the activity replied to, and that id is the
 * channel's, not always the one the bot was given: the message would wait seconds, or never show).
 */
export function addressForLater(address: Record<string, unknown>): Partial<ConversationReference> {
  const { activityId: _replyTo, ...rest } = address;
  return rest;
}

/**
 * Writes first, in the conversation where the user asked: the Bot Framework's continue-conversation
 * with the reference kept at the time. The channel's answer becomes the outcome the scheduler
 * records; errors never reach the adapter's turn-error handler (which would apologise to nobody).
 */
export class ProactiveSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly catalog: OfferCatalog,
    private readonly clock: Clock,
    private readonly links: OfferLinks,
  ) {}

  async send(message: Outgoing): Promise<SendOutcome> {
    const activities = proactiveMessages(message, this.catalog.current(), this.clock.now(), this.links);
    if (activities.length === 0) return { kind: 'sent' };
    let outcome: SendOutcome = { kind: 'sent' };
    try {
      await this.adapter.continueConversationAsync(this.botAppId, addressForLater(message.recipient.address), async (context) => {
        try {
          await context.sendActivities(activities);
        } catch (error) {
          outcome = outcomeOf(error);
        }
      });
    } catch (error) {
      outcome = outcomeOf(error);
    }
    return outcome;
  }
}
