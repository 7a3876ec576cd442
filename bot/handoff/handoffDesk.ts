import type { Activity, CloudAdapter } from 'botbuilder';
import type { Clock } from '../../data/clock.js';
import { withMessage, type Handoff } from '../../data/handoff/handoffRecords.js';
import type { HandoffStore } from '../../data/handoff/handoffStore.js';
import { maskText } from '../../data/transcripts/masking.js';
import { escapeMarkdown } from '../../dialogs/cards/adaptiveCard.js';
import { t, type MessageKey } from '../../dialogs/i18n/messages.js';
import { formatted } from '../../dialogs/replies.js';
import type { Logger } from '../logger.js';
import { addressForLater } from '../proactive/proactiveSender.js';

/** The longest answer a staff member sends at once. */
export const MAX_ANSWER = 2000;

export type DeskResult = 'ok' | 'unknown' | 'closed' | 'empty' | 'unsent';

/**
 * What support staff do from the review page: take a request, answer it, end it. Each message
 * reaches the user in their conversation (proactively, as reminders do), marked as written by a
 * person (their first name, in the text and in channelData.handoff), and goes through the adapter's
 * middleware, so the transcript keeps it, masked. The sweep, run on a timer, ends what nobody took
 * in time and what fell silent.
 */
export class HandoffDesk {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly store: HandoffStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly limits: { waitMinutes: number; idleMinutes: number },
  ) {}

  async take(id: string, agent: string): Promise<DeskResult> {
    const handoff = this.store.get(id);
    if (!handoff) return 'unknown';
    if (handoff.status === 'ended') return 'closed';
    const now = this.clock.now().toISOString();
    // A message left for support can be taken too: the answer reaches the user later, in the same way.
    await this.store.put({ ...handoff, status: handoff.status === 'message' ? 'message' : 'active', agent, takenAt: now });
    if (handoff.status === 'waiting') await this.say(handoff, 'handoff.taken', { name: agent });
    return 'ok';
  }

  async answer(id: string, agent: string, text: string): Promise<DeskResult> {
    const handoff = this.store.get(id);
    if (!handoff) return 'unknown';
    if (handoff.status === 'ended') return 'closed';
    const words = text.trim().slice(0, MAX_ANSWER);
    if (!words) return 'empty';
    const sent = await this.send(handoff, {
      ...formatted(t(handoff.recipient.language, 'handoff.agentSays', { name: escapeMarkdown(agent), text: escapeMarkdown(words) })),
      channelData: { handoff: { from: 'agent', name: agent } },
    });
    if (!sent) return 'unsent';
    const now = this.clock.now().toISOString();
    const taken = handoff.status === 'waiting' ? { status: 'active' as const, agent, takenAt: now } : {};
    await this.store.put(withMessage({ ...handoff, ...taken }, { from: 'agent', name: agent, text: maskText(words), at: now }));
    return 'ok';
  }

  async end(id: string): Promise<DeskResult> {
    const handoff = this.store.get(id);
    if (!handoff) return 'unknown';
    if (handoff.status === 'ended') return 'closed';
    await this.store.put({ ...handoff, status: 'ended', endedAt: this.clock.now().toISOString(), endedBy: 'agent' });
    if (handoff.status !== 'message') await this.say(handoff, 'handoff.ended');
    return 'ok';
  }

  /** Requests nobody took in time become messages for support; taken conversations gone silent end. */
  async sweep(): Promise<void> {
    const now = this.clock.now();
    for (const handoff of this.store.all()) {
      const last = Math.max(Date.parse(handoff.takenAt ?? handoff.requestedAt), ...handoff.messages.map((m) => Date.parse(m.at)));
      if (handoff.status === 'waiting' && now.getTime() - Date.parse(handoff.requestedAt) >= this.limits.waitMinutes * 60_000) {
        await this.store.put({ ...handoff, status: 'message' });
        const { offer } = handoff;
        const contact = offer?.contact ? t(handoff.recipient.language, 'handoff.offerContact', { reference: offer.reference, contact: offer.contact }) : '';
        await this.send(handoff, formatted(`${t(handoff.recipient.language, 'handoff.timedOut')}${contact}`));
      } else if (handoff.status === 'active' && now.getTime() - last >= this.limits.idleMinutes * 60_000) {
        await this.store.put({ ...handoff, status: 'ended', endedAt: now.toISOString(), endedBy: 'silence' });
        await this.say(handoff, 'handoff.ended');
      }
    }
  }

  private async say(handoff: Handoff, key: MessageKey, params: Record<string, string> = {}): Promise<boolean> {
    return this.send(handoff, formatted(t(handoff.recipient.language, key, params)));
  }

  private async send(handoff: Handoff, activity: Partial<Activity>): Promise<boolean> {
    try {
      await this.adapter.continueConversationAsync(this.botAppId, addressForLater(handoff.recipient.address), async (context) => {
        await context.sendActivity(activity);
      });
      return true;
    } catch (error) {
      this.logger.warn('handoff message not delivered', { handoff: handoff.id, error: String(error) });
      return false;
    }
  }
}
