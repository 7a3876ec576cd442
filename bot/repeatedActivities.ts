import { ActivityEventNames, ActivityTypes, type Activity, type Middleware, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { ConversationData } from '../dialogs/conversationData.js';

/**
 * How many deliveries a conversation remembers. A channel sends an activity again within seconds
 * (Teams after 15 s without an answer, a client after a failed POST), so the last few are enough.
 */
const REMEMBERED = 16;
/** A key longer than this is cut: ids come from outside. */
const KEY_LENGTH = 200;

/** The activities a channel delivers and may deliver again; a proactive turn or an invoke is not one. */
function isDelivery(activity: Partial<Activity>): boolean {
  switch (activity.type) {
    case ActivityTypes.Message:
    case ActivityTypes.ConversationUpdate:
    case ActivityTypes.InstallationUpdate:
      return true;
    case ActivityTypes.Event:
      return activity.name !== ActivityEventNames.ContinueConversation;
    default:
      return false;
  }
}

/**
 * What names one delivery: the channel's activity id, and the id Web Chat gives a message before it
 * is sent (`channelData.clientActivityID`), which a client sending again may keep when the channel
 * gives the copy an id of its own.
 */
export function deliveryKeys(activity: Partial<Activity>): string[] {
  if (!isDelivery(activity)) return [];
  const keys: string[] = [];
  if (typeof activity.id === 'string' && activity.id) keys.push(`id:${activity.id.slice(0, KEY_LENGTH)}`);
  const client: unknown = (activity.channelData as { clientActivityID?: unknown } | undefined)?.clientActivityID;
  if (typeof client === 'string' && client) keys.push(`client:${client.slice(0, KEY_LENGTH)}`);
  return keys;
}

/** Whether one of these keys names a delivery already handled. */
export function alreadyHandled(handled: readonly string[] | undefined, keys: readonly string[]): boolean {
  return keys.some((key) => handled?.includes(key) === true);
}

/** The handled deliveries with these keys added, the oldest forgotten. */
export function withHandled(handled: readonly string[] | undefined, keys: readonly string[]): string[] {
  return [...(handled ?? []), ...keys].slice(-REMEMBERED);
}

/**
 * An activity the bot has already handled is not handled again. When an instance dies after its turn
 * was written but before it answered the channel's POST, the channel (or the load balancer in front)
 * sends the same activity again, maybe to another instance: without this guard, the turn would be
 * applied twice ("non" answering the question after the one it was meant for).
 *
 * The turn's keys are written with the conversation state, at the end of the turn and after its
 * replies were posted: a copy that finds them knows the replies went out, and answers nothing. A turn
 * that failed, or whose instance died before the state was written, left no keys: its copy runs.
 * It runs after the conversation lock (turns of one conversation in line) and before the transcript,
 * so a copy is not written to the transcript twice either.
 */
export class RepeatedActivityGuard implements Middleware {
  constructor(private readonly conversation: StatePropertyAccessor<ConversationData>) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const keys = deliveryKeys(context.activity);
    if (keys.length === 0) return next();
    const data = await this.conversation.get(context, {});
    if (alreadyHandled(data.handledDeliveries, keys)) return;
    data.handledDeliveries = withHandled(data.handledDeliveries, keys);
    await next();
  }
}
