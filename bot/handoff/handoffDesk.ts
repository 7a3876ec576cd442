import type { Activity, CloudAdapter } from 'botbuilder';
import type { Clock } from '../../data/clock.js';
import { withMessage, type Handoff } from '../../data/handoff/handoffRecords.js';
import { changeHandoff, type HandoffStore } from '../../data/handoff/handoffStore.js';
import { maskText } from '../../data/transcripts/masking.js';
import { escapeMarkdown } from '../../dialogs/cards/adaptiveCard.js';
import { t, type MessageKey } from '../../dialogs/i18n/messages.js';
import { formatted } from '../../dialogs/replies.js';
import type { Logger } from '../logger.js';
import { continueLater } from '../proactive/proactiveSender.js';

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

  /** The request as it stands now (another instance may have changed it). */
  private async current(id: string): Promise<Handoff | undefined> {
    await this.store.refreshOne?.(id);
    return this.store.get(id);
  }

  async take(id: string, agent: string): Promise<DeskResult> {
    const handoff = await this.current(id);
    if (!handoff) return 'unknown';
    if (handoff.status === 'ended') return 'closed';
    const now = this.clock.now().toISOString();
    let wasWaiting = false;
    // A message left for support can be taken too: the answer reaches the user later, in the same way.
    const taken = await changeHandoff(this.store, id, (h) => {
      if (h.status === 'ended') return undefined;
      wasWaiting = h.status === 'waiting';
      return { ...h, status: h.status === 'message' ? 'message' : 'active', agent, takenAt: now };
    });
    if (!taken) return 'closed';
    if (wasWaiting) await this.say(handoff, 'handoff.taken', { name: agent });
    return 'ok';
  }

  async answer(id: string, agent: string, text: string): Promise<DeskResult> {
    const handoff = await this.current(id);
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
    await changeHandoff(this.store, id, (h) => {
      const taken = h.status === 'waiting' ? { status: 'active' as const, agent, takenAt: now } : {};
      return withMessage({ ...h, ...taken }, { from: 'agent', name: agent, text: maskText(words), at: now });
    });
    return 'ok';
  }

  async end(id: string): Promise<DeskResult> {
    const handoff = await this.current(id);
    if (!handoff) return 'unknown';
    if (handoff.status === 'ended') return 'closed';
    const ended = await changeHandoff(this.store, id, (h) => (h.status === 'ended' ? undefined : { ...h, status: 'ended', endedAt: this.clock.now().toISOString(), endedBy: 'agent' }));
    if (!ended) return 'closed';
    if (handoff.status !== 'message') await this.say(handoff, 'handoff.ended');
    return 'ok';
  }

  /** Requests nobody took in time become messages for support; taken conversations gone silent end. */
  async sweep(): Promise<void> {
    const now = this.clock.now();
    await this.store.refresh?.();
    const waitedTooLong = (h: Handoff) => h.status === 'waiting' && now.getTime() - Date.parse(h.requestedAt) >= this.limits.waitMinutes * 60_000;
    const silent = (h: Handoff) => {
      const last = Math.max(Date.parse(h.takenAt ?? h.requestedAt), ...h.messages.map((m) => Date.parse(m.at)));
      return h.status === 'active' && now.getTime() - last >= this.limits.idleMinutes * 60_000;
    };
    for (const handoff of this.store.all()) {
      // Checked again on the latest version: of several instances sweeping, one changes it and says so.
      if (waitedTooLong(handoff)) {
        const changed = await changeHandoff(this.store, handoff.id, (h) => (waitedTooLong(h) ? { ...h, status: 'message' } : undefined));
        if (!changed) continue;
        const { offer } = handoff;
        const contact = offer?.contact ? t(handoff.recipient.language, 'handoff.offerContact', { reference: offer.reference, contact: offer.contact }) : '';
        await this.send(handoff, formatted(`${t(handoff.recipient.language, 'handoff.timedOut')}${contact}`));
      } else if (silent(handoff)) {
        const changed = await changeHandoff(this.store, handoff.id, (h) => (silent(h) ? { ...h, status: 'ended', endedAt: now.toISOString(), endedBy: 'silence' } : undefined));
        if (changed) await this.say(handoff, 'handoff.ended');
      }
    }
  }

  private async say(handoff: Handoff, key: MessageKey, params: Record<string, string> = {}): Promise<boolean> {
    return this.send(handoff, formatted(t(handoff.recipient.language, key, params)));
  }

  private async send(handoff: Handoff, activity: Partial<Activity>): Promise<boolean> {
    try {
      await continueLater(this.adapter, this.botAppId, handoff.recipient.address, async (context) => {
        await context.sendActivity(activity);
      });
      return true;
    } catch (error) {
      this.logger.warn('handoff message not delivered', { handoff: handoff.id, error: String(error) });
      return false;
    }
  }
}
