import { randomUUID } from 'node:crypto';
import { ActivityTypes, EventFactory, type Transcript, type TurnContext } from 'botbuilder';
import { withMessage, type Handoff } from '../../data/handoff/handoffRecords.js';
import { changeHandoff, openHandoffOf } from '../../data/handoff/handoffStore.js';
import { describeSupportHours, withinSupportHours } from '../../data/handoff/supportHours.js';
import { maskText } from '../../data/transcripts/masking.js';
import type { ConversationData } from '../conversationData.js';
import { t, type Language } from '../i18n/messages.js';
import { contactLine } from '../offers/offerContacts.js';
import { userKeyOf } from '../reminders/reminderTopics.js';
import { formatted } from '../replies.js';
import type { DialogServices } from '../services.js';

/** "fin", "terminer", "retour à l'assistant", "end", "back to the bot": the user ends the handoff. */
const ENDS = /^(fin|termin(e|er|é)|c'?est (fini|bon|tout)|merci,? c'?est tout|retour (a|à) l'assistant|revenir (a|à) l'assistant|end|stop|done|back to the (bot|assistant)|that'?s all)[ .!]*$/i;
/** "supprime mes données" during a handoff is for the bot, not for the person: it ends the handoff and erases. */
const ERASES = /\b(supprim|effac|delete|erase|remove)\w*\b.{0,30}\b(donn[ée]es|data|informations?)\b/i;
const CANCELS = /^(annule[rz]?|non merci|rien|cancel|no thanks|nothing)[ .!]*$/i;
/** The user's last messages shown with a request in the queue. */
const RECENT = 5;

/**
 * "Je veux parler à un conseiller": hands the conversation to a person of the support team when
 * one is on duty (the queue of /admin, or an agent hub through the handoff protocol), or takes a
 * message for them; while a person handles it, the user's messages go to them and the bot keeps quiet.
 */
export class HandoffTopics {
  constructor(private readonly services: DialogServices) {}

  async request(context: TurnContext, data: ConversationData, language: Language): Promise<void> {
    const support = this.services.support;
    const now = this.services.clock.now();
    const offer = data.currentOffer ? this.services.catalog.current().findByReference(data.currentOffer) : undefined;
    const people = offer ? [contactLine(offer), offer.applyTo?.email].filter(Boolean).join(', ') : '';
    const contact = offer && people ? t(language, 'handoff.offerContact', { reference: offer.reference, contact: people }) : '';
    await support.store.refresh?.();
    const open = openHandoffOf(support.store, context.activity.channelId, context.activity.conversation.id);
    if (open) {
      await context.sendActivity(formatted(t(language, 'handoff.already')));
      return;
    }
    const onDuty = withinSupportHours(support.hours, now);
    const handoff: Handoff = {
      id: randomUUID(),
      recipient: { userKey: userKeyOf(context), address: data.reference ?? {}, language },
      channelId: context.activity.channelId,
      conversationId: context.activity.conversation.id,
      status: 'waiting',
      requestedAt: now.toISOString(),
      offer: offer ? { reference: offer.reference, title: offer.title, ...(people ? { contact: people } : {}) } : undefined,
      messages: (data.recentMessages ?? []).map((text) => ({ from: 'user' as const, text, at: now.toISOString() })),
    };
    if (support.mode === 'hub' && onDuty) {
      // The agent hub takes it: the protocol's event, with what the user asked lately (masked).
      await support.store.put(handoff);
      data.handoff = { id: handoff.id, hub: true };
      await context.sendActivity(formatted(t(language, 'handoff.hub')));
      // The summary as the protocol carries it: the context, and a transcript attachment of the user's last words.
      const transcript = { activities: (data.recentMessages ?? []).map((text) => ({ type: ActivityTypes.Message, text, from: { id: 'user', name: '', role: 'user' } })) };
      await context.sendActivity(EventFactory.createHandoffInitiation(context, { language, offer: handoff.offer, summary: data.recentMessages ?? [] }, transcript as Transcript));
      return;
    }
    if (onDuty && (await support.presence.anyone(now))) {
      await support.store.put(handoff);
      data.handoff = { id: handoff.id };
      await context.sendActivity(formatted(t(language, 'handoff.waiting', { minutes: support.waitMinutes })));
      return;
    }
    // Nobody on duty: a message for support, answered later in this conversation.
    await support.store.put({ ...handoff, status: 'message' });
    data.handoff = { id: handoff.id, leavingMessage: true };
    const hours = describeSupportHours(support.hours, t(language, 'handoff.days').split(','), (from, to) => t(language, 'handoff.dayRange', { from, to }));
    const nobody = onDuty ? t(language, 'handoff.nobodySignedIn') : t(language, 'handoff.nobody', { hours });
    await context.sendActivity(formatted(`${nobody}${contact}`));
  }

  /**
   * A message while the conversation is with a person, or while the user leaves a message: kept for
   * support (masked), and the bot keeps quiet. False when the conversation is the bot's again.
   */
  async relay(context: TurnContext, data: ConversationData, text: string, language: Language): Promise<boolean> {
    const current = data.handoff;
    if (!current) return false;
    const store = this.services.support.store;
    // Another instance may have answered, ended or timed it out: its latest state decides.
    await store.refreshOne?.(current.id);
    const handoff = store.get(current.id);
    const now = this.services.clock.now().toISOString();
    const ended = (h: Handoff): Handoff => ({ ...h, status: 'ended', endedAt: now, endedBy: 'user' });
    const said = (h: Handoff): Handoff => withMessage(h, { from: 'user', text: maskText(text), at: now });
    if (current.leavingMessage && handoff) {
      data.handoff = undefined;
      if (CANCELS.test(text.trim()) || !text.trim()) {
        await changeHandoff(store, handoff.id, ended);
        await context.sendActivity(formatted(t(language, 'handoff.messageCancelled')));
        return true;
      }
      await changeHandoff(store, handoff.id, said);
      await context.sendActivity(formatted(t(language, 'handoff.messageKept')));
      return true;
    }
    // Ended by the staff member, by silence, or nobody took it in time: the bot answers again.
    if (!handoff || (handoff.status !== 'waiting' && handoff.status !== 'active')) {
      data.handoff = undefined;
      return false;
    }
    if (ERASES.test(text)) {
      await changeHandoff(store, handoff.id, ended);
      data.handoff = undefined;
      return false;
    }
    if (ENDS.test(text.trim())) {
      await changeHandoff(store, handoff.id, ended);
      data.handoff = undefined;
      await context.sendActivity(formatted(t(language, 'handoff.ended')));
      return true;
    }
    if (text) await changeHandoff(store, handoff.id, said);
    return true;
  }

  /** The agent hub says how the handoff went ("accepted", "failed", "completed"). */
  async hubStatus(context: TurnContext, data: ConversationData, state: string, language: Language): Promise<void> {
    const handoff = data.handoff ? this.services.support.store.get(data.handoff.id) : undefined;
    const now = this.services.clock.now().toISOString();
    const store = this.services.support.store;
    if (state === 'accepted') {
      if (handoff) await changeHandoff(store, handoff.id, (h) => ({ ...h, status: 'active', takenAt: now }));
      return;
    }
    if (state !== 'failed' && state !== 'completed') return;
    if (handoff) await changeHandoff(store, handoff.id, (h) => ({ ...h, status: 'ended', endedAt: now, endedBy: 'agent' }));
    data.handoff = undefined;
    await context.sendActivity(formatted(t(language, state === 'failed' ? 'handoff.hubFailed' : 'handoff.ended')));
  }

  /** The user's last words, masked, kept so a request in the queue says what it is about. */
  static remember(data: ConversationData, text: string): void {
    if (!text) return;
    data.recentMessages = [...(data.recentMessages ?? []), maskText(text).slice(0, 500)].slice(-RECENT);
  }
}
