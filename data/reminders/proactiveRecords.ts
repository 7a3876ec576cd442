import { z } from 'zod';
import { FACET_KINDS } from '../search/facets.js';

/**
 * What the bot keeps to write first, later: deadline reminders, saved searches (alerts) and the
 * notices waiting to go out. Each is a plain record with the address to write to; the schema is
 * checked when the store is read back, so a damaged record is skipped, not trusted.
 */
const language = z.enum(['fr', 'en']);

export const recipientSchema = z.object({
  /** Channel and user ("webchat:dl_ab12"): limits and erasure count per person. */
  userKey: z.string().min(1),
  /**
   * The Bot Framework conversation reference as the channel gave it. `data/` keeps it and never
   * reads it: only the sender in `bot/` does.
   */
  address: z.record(z.string(), z.unknown()),
  language,
});
export type Recipient = z.infer<typeof recipientSchema>;

/**
 * A message's way out. "sending" is written before the channel is asked and "sent" after: a record
 * found "sending" at start-up was interrupted mid-send and is not sent again.
 */
export const deliverySchema = z.object({
  status: z.enum(['pending', 'sending', 'sent', 'failed', 'expired']),
  dueAt: z.iso.datetime({ offset: true }),
  attempts: z.number().int().min(0),
  /** After a transient failure: not before this instant. */
  retryAt: z.iso.datetime({ offset: true }).optional(),
  sentAt: z.iso.datetime({ offset: true }).optional(),
  lastError: z.string().optional(),
});
export type Delivery = z.infer<typeof deliverySchema>;

const offerMention = z.object({ reference: z.string(), title: z.string() });
export type OfferMention = z.infer<typeof offerMention>;

/** What every reminder, alert and notice has: an id, whom it is for, when it was made. */
const owned = { id: z.string(), recipient: recipientSchema, createdAt: z.iso.datetime({ offset: true }) };

export const reminderSchema = z.object({
  ...owned,
  kind: z.literal('reminder'),
  offer: offerMention,
  /** Days before the last day to apply; 0 is the morning of the last day. */
  leadDays: z.number().int().min(0),
  /** The offer's last day to apply when the reminder was planned: a change moves the reminder. */
  lastDay: z.iso.date(),
  delivery: deliverySchema,
});
export type Reminder = z.infer<typeof reminderSchema>;

export const savedSearchSchema = z.object({
  text: z.string(),
  said: z.string(),
  filters: z.partialRecord(z.enum(FACET_KINDS), z.string()),
});
export type SavedSearch = z.infer<typeof savedSearchSchema>;

export const alertSchema = z.object({
  ...owned,
  kind: z.literal('alert'),
  search: savedSearchSchema,
});
export type Alert = z.infer<typeof alertSchema>;

export const noticeSchema = z.object({
  ...owned,
  kind: z.literal('notice'),
  about: z.enum(['newOffers', 'reminderMoved', 'reminderDropped']),
  offers: z.array(offerMention),
  /** For a moved reminder: the new last day and when the reminder now comes. */
  lastDay: z.iso.date().optional(),
  remindAt: z.iso.datetime({ offset: true }).optional(),
  delivery: deliverySchema,
});
export type Notice = z.infer<typeof noticeSchema>;

/** The offers that were open when alerts were last worked out: what is new is measured against it. */
export const offersSeenSchema = z.object({
  id: z.literal('offers-seen'),
  kind: z.literal('offersSeen'),
  open: z.array(z.string()),
  /**
   * Offers gone from the file but not yet confirmed removed (HR's `remove`, or still gone after the
   * grace period), with when they went: their reminders wait, and their return is no news.
   */
  missing: z.record(z.string(), z.iso.datetime({ offset: true })).optional(),
  at: z.iso.datetime({ offset: true }),
});
export type OffersSeen = z.infer<typeof offersSeenSchema>;

export const proactiveRecordSchema = z.discriminatedUnion('kind', [reminderSchema, alertSchema, noticeSchema, offersSeenSchema]);
export type ProactiveRecord = z.infer<typeof proactiveRecordSchema>;
/** What the scheduler sends. */
export type Outgoing = Reminder | Notice;

export function parseProactiveRecord(value: unknown): ProactiveRecord | undefined {
  const parsed = proactiveRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
