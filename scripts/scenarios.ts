import { pendingDelivery } from '../data/reminders/delivery.js';
import type { Reminder } from '../data/reminders/proactiveRecords.js';
import { reminderTime } from '../data/reminders/reminderRules.js';

/**
 * What the multi-process tests and the load run ask of the bot, on the shipped offers at
 * 2026-07-05: a whole eligibility check for offer 0975, and a reminder for it.
 */

/** An eligibility check, turn by turn: what the user says and what the bot must answer. */
export const ELIGIBILITY_CHECK: ReadonlyArray<readonly [string, RegExp]> = [
  ['suis-je éligible à la 0975 ?', /déjà fonctionnaire/],
  ['non', /citoyen/],
  ['non', /nationalité française/],
  ['oui', /Pour quel grade/],
  ['Ingénieur 2ème grade', /Depuis quand/],
  ['depuis 2019', /plus haut diplôme/],
  ['Bac+3', /Vous pouvez postuler/],
];

export const REMINDER_LAST_DAY = '2026-07-17';
export const REMINDER_LEAD_DAYS = 14;
/** When the reminders below fall due: 08:00 in Nouméa, 14 days before 0975's last day. */
export const REMINDER_DUE = reminderTime(REMINDER_LAST_DAY, REMINDER_LEAD_DAYS);

/** A pending reminder for 0975, in conversation `conv-<id>` of the connector at `serviceUrl`. */
export function dueReminder(id: string, serviceUrl: string): Reminder {
  return {
    id,
    kind: 'reminder',
    recipient: {
      userKey: `webchat:user-${id}`,
      address: { channelId: 'webchat', serviceUrl, conversation: { id: `conv-${id}` }, user: { id: `user-${id}` }, bot: { id: 'bot' } },
      language: 'fr',
    },
    offer: { reference: '3134-26-0975/SR', title: "Concepteur-Développeur d'Applications SI Postal" },
    leadDays: REMINDER_LEAD_DAYS,
    lastDay: REMINDER_LAST_DAY,
    createdAt: '2026-07-01T00:00:00.000Z',
    delivery: pendingDelivery(REMINDER_DUE),
  };
}
