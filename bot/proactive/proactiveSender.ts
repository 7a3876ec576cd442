import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
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
 * A message written later, in the conversation of `address`: it replies to nothing. The SDK's
 * continue-conversation makes an event with an id of its own and replies to it, and Web Chat holds a
 * reply until it has the activity replied to, which it never gets: the message would show about
 * five seconds late ("Timed out while waiting for activity …"). So the reply-to goes.
 */
export async function continueLater(
  adapter: CloudAdapter,
  botAppId: string,
  address: Record<string, unknown>,
  send: (context: TurnContext) => Promise<void>,
): Promise<void> {
  const { activityId: _replyTo, ...reference } = address as Partial<ConversationReference>;
  await adapter.continueConversationAsync(botAppId, reference, async (context) => {
    delete context.activity.id;
    await send(context);
  });
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
      await continueLater(this.adapter, this.botAppId, message.recipient.address, async (context) => {
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
