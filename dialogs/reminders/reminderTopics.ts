import { randomUUID } from 'node:crypto';
import { TurnContext, type CardAction as SuggestedAction } from 'botbuilder';
import type { Offer } from '../../data/offers/offer.js';
import { pendingDelivery } from '../../data/reminders/delivery.js';
import type { Alert, Recipient, Reminder, SavedSearch } from '../../data/reminders/proactiveRecords.js';
import { alertsOf, remindersOf } from '../../data/reminders/proactiveStore.js';
import {
  MAX_ALERTS_PER_USER,
  MAX_LEAD_DAYS,
  MAX_REMINDERS_PER_USER,
  planReminder,
  reminderTime,
} from '../../data/reminders/reminderRules.js';
import type { ConversationData } from '../conversationData.js';
import { maskText } from '../../data/transcripts/masking.js';
import { formatDay, formatMoment, t, type Language } from '../i18n/messages.js';
import { actionButton, formatted, plain, quoted } from '../replies.js';
import type { DialogServices } from '../services.js';
import { remindersCard } from './remindersCard.js';
import { searchLabel } from './searchLabel.js';

/** Channel and user: who the limits and the erasure apply to. */
export function userKeyOf(context: TurnContext): string {
  return `${context.activity.channelId}:${context.activity.from?.id ?? 'unknown'}`;
}

/** "2 jours avant la date limite du jeudi 16 juillet 2026". */
export function leadPhrase(leadDays: number, lastDay: string, language: Language): string {
  return t(language, 'reminder.lead', { days: leadDays, date: formatDay(lastDay, language) });
}

/**
 * Reminders and alerts as the user meets them: set, list, cancel. Records go to the proactive
 * store; the scheduler in `bot/` sends them when due.
 */
export class ReminderTopics {
  constructor(private readonly services: DialogServices) {}

  private recipient(context: TurnContext, data: ConversationData, language: Language): Recipient {
    const address = data.reference ?? TurnContext.getConversationReference(context.activity);
    return { userKey: userKeyOf(context), address: address, language };
  }

  private showButton(language: Language): SuggestedAction {
    return actionButton(t(language, 'reminders.show'), { action: 'reminders' });
  }

  async remind(context: TurnContext, data: ConversationData, language: Language, offer: Offer, askedLead: number): Promise<void> {
    const now = this.services.clock.now();
    const params = { reference: offer.reference, title: offer.title };
    data.currentOffer = offer.reference;
    const leadDays = Math.min(askedLead, MAX_LEAD_DAYS);
    if (askedLead > MAX_LEAD_DAYS) await context.sendActivity(formatted(t(language, 'reminder.tooFar', { max: MAX_LEAD_DAYS })));
    const plan = planReminder(offer, leadDays, now);
    if (plan.kind === 'closed') {
      await context.sendActivity(formatted(t(language, 'reminder.closed', { ...params, date: formatDay(plan.lastDay, language) })));
      return;
    }
    const userKey = userKeyOf(context);
    const pending = remindersOf(this.services.proactive, userKey);
    const existing = pending.find((r) => r.offer.reference === offer.reference);
    if (!existing && pending.length >= MAX_REMINDERS_PER_USER) {
      await context.sendActivity(formatted(t(language, 'reminder.limit', { max: MAX_REMINDERS_PER_USER }), [], [this.showButton(language)]));
      return;
    }
    const reminder: Reminder = {
      id: existing?.id ?? randomUUID(),
      kind: 'reminder',
      recipient: this.recipient(context, data, language),
      offer: params,
      leadDays,
      lastDay: plan.lastDay,
      createdAt: now.toISOString(),
      delivery: pendingDelivery(plan.dueAt),
    };
    await this.services.proactive.put(reminder);
    const calendar: SuggestedAction = { type: 'openUrl', title: t(language, 'reminders.calendar'), value: this.services.links.calendar(offer.reference, language) };
    if (plan.kind === 'now') {
      const chosen = formatMoment(reminderTime(plan.lastDay, leadDays), language);
      await context.sendActivity(formatted(t(language, 'reminder.setNow', { ...params, chosen, date: formatDay(plan.lastDay, language) })));
      this.services.onDueNow?.();
      return;
    }
    const key = existing ? 'reminder.updated' : 'reminder.set';
    const sentence = t(language, key, { ...params, when: formatMoment(plan.dueAt, language), lead: leadPhrase(leadDays, plan.lastDay, language) });
    await context.sendActivity(formatted(sentence, [], [this.showButton(language), calendar]));
  }

  /** Reminders and alerts on one card, each with its "Annuler". */
  async list(context: TurnContext, language: Language): Promise<void> {
    const userKey = userKeyOf(context);
    const reminders = remindersOf(this.services.proactive, userKey);
    const alerts = alertsOf(this.services.proactive, userKey);
    if (reminders.length === 0 && alerts.length === 0) {
      await context.sendActivity(formatted(t(language, 'reminders.none')));
      return;
    }
    await context.sendActivity(formatted('', [remindersCard(reminders, alerts, language, this.services.links)]));
  }

  /** "Annule mon rappel pour la 0966": that one; without an offer, the list to choose from. */
  async cancelFor(context: TurnContext, language: Language, offer: Offer | undefined): Promise<void> {
    const reminders = remindersOf(this.services.proactive, userKeyOf(context));
    const alerts = alertsOf(this.services.proactive, userKeyOf(context));
    const matching = offer ? reminders.filter((r) => r.offer.reference === offer.reference) : reminders;
    if (offer && matching.length === 0) {
      await context.sendActivity(formatted(t(language, 'reminder.noneFor', { reference: offer.reference })));
      return;
    }
    if (matching.length === 1 && (offer || alerts.length === 0)) {
      await this.cancelReminder(context, language, (matching[0] as Reminder).id);
      return;
    }
    if (matching.length === 0 && alerts.length === 0) {
      await context.sendActivity(formatted(t(language, 'reminders.none')));
      return;
    }
    await context.sendActivity(formatted(t(language, 'reminder.chooseCancel'), [remindersCard(matching, alerts, language, this.services.links)]));
  }

  async cancelReminder(context: TurnContext, language: Language, id: string): Promise<void> {
    const record = this.services.proactive.get(id);
    if (record?.kind !== 'reminder' || record.recipient.userKey !== userKeyOf(context) || record.delivery.status !== 'pending') {
      await context.sendActivity(formatted(t(language, 'reminder.cancelledNone')));
      return;
    }
    await this.services.proactive.remove(id);
    await context.sendActivity(formatted(t(language, 'reminder.cancelled', record.offer), [], [this.showButton(language)]));
  }

  async cancelAlert(context: TurnContext, language: Language, id: string): Promise<void> {
    const record = this.services.proactive.get(id);
    if (record?.kind !== 'alert' || record.recipient.userKey !== userKeyOf(context)) {
      await context.sendActivity(formatted(t(language, 'alert.cancelledNone')));
      return;
    }
    await this.services.proactive.remove(id);
    // The label quotes what the user typed: plain text.
    await context.sendActivity(plain(t(language, 'alert.cancelled', { query: searchLabel(record.search, language) })));
  }

  /** A saved search: the words and filters of "préviens-moi des offres en informatique". */
  async subscribe(context: TurnContext, data: ConversationData, language: Language, search: SavedSearch): Promise<void> {
    const hasFilter = Object.values(search.filters).some((v) => v !== undefined);
    if (!search.text.trim() && !hasFilter) {
      await context.sendActivity(formatted(t(language, 'alert.askWhat')));
      return;
    }
    const userKey = userKeyOf(context);
    const alerts = alertsOf(this.services.proactive, userKey);
    const query = searchLabel(search, language);
    if (alerts.some((a) => searchLabel(a.search, language) === query)) {
      await context.sendActivity(plain(t(language, 'alert.already', { query })));
      return;
    }
    if (alerts.length >= MAX_ALERTS_PER_USER) {
      await context.sendActivity(formatted(t(language, 'alert.limit', { max: MAX_ALERTS_PER_USER }), [], [this.showButton(language)]));
      return;
    }
    const alert: Alert = {
      id: randomUUID(),
      kind: 'alert',
      recipient: this.recipient(context, data, language),
      // What the user wrote is kept masked, like the transcripts (an alert lives for months).
      search: { ...search, said: maskText(quoted(search.said, 120)) },
      createdAt: this.services.clock.now().toISOString(),
    };
    await this.services.proactive.put(alert);
    await context.sendActivity(plain(t(language, 'alert.set', { query }), [], [this.showButton(language)]));
  }
}
