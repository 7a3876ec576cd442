import type { Alert, Reminder } from '../../data/reminders/proactiveRecords.js';
import { adaptiveCard, escapeMarkdown, heading, text, type CardAttachment, type CardElement, openUrl, submit } from '../cards/adaptiveCard.js';
import { formatDay, formatMoment, t, type Language } from '../i18n/messages.js';
import type { OfferLinks } from '../offers/offerLinks.js';
import { searchLabel } from './searchLabel.js';

/** The user's reminders and alerts, one line each with its own buttons. */
export function remindersCard(reminders: readonly Reminder[], alerts: readonly Alert[], language: Language, links: OfferLinks): CardAttachment {
  const body: CardElement[] = [text(t(language, 'reminders.title'), { weight: 'Bolder', size: 'Medium', style: 'heading' })];
  if (reminders.length > 0) {
    body.push(heading(t(language, 'reminders.reminders')));
    for (const reminder of reminders) {
      const line = t(language, 'reminders.reminderLine', {
        reference: reminder.offer.reference,
        title: escapeMarkdown(reminder.offer.title),
        when: formatMoment(new Date(reminder.delivery.dueAt), language),
        date: formatDay(reminder.lastDay, language),
      });
      body.push(text(line, { spacing: 'Small' }), {
        type: 'ActionSet',
        spacing: 'None',
        actions: [
          submit(t(language, 'reminders.cancel'), { action: 'cancelReminder', id: reminder.id }),
          openUrl(t(language, 'reminders.calendar'), links.calendar(reminder.offer.reference, language)),
        ],
      });
    }
  }
  if (alerts.length > 0) {
    body.push(heading(t(language, 'reminders.alerts')));
    for (const alert of alerts) {
      body.push(text(escapeMarkdown(t(language, 'reminders.alertLine', { query: searchLabel(alert.search, language) })), { spacing: 'Small' }), {
        type: 'ActionSet',
        spacing: 'None',
        actions: [submit(t(language, 'reminders.cancel'), { action: 'cancelAlert', id: alert.id })],
      });
    }
  }
  return adaptiveCard(body, []);
}
