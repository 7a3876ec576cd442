import { z } from 'zod';
import { FACET_KINDS } from '../../data/search/facets.js';
import { INTENTS } from '../recognition/recognizer.js';

/**
 * What a button on a card or a suggested action sends back in `activity.value`. Parsed with a
 * schema at the edge: a value from the channel is user input like any other.
 */
export const cardActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('details'), reference: z.string().max(40) }),
  z.object({ action: z.literal('deadline'), reference: z.string().max(40) }),
  z.object({ action: z.literal('apply'), reference: z.string().max(40) }),
  z.object({ action: z.literal('more') }),
  z.object({
    action: z.literal('filter'),
    kind: z.enum(FACET_KINDS),
    value: z.string().max(200),
  }),
  z.object({ action: z.literal('closingSoon') }),
  /** "Me le rappeler" on an offer: a reminder with the default lead time. */
  z.object({ action: z.literal('remind'), reference: z.string().max(40) }),
  z.object({ action: z.literal('reminders') }),
  z.object({ action: z.literal('cancelReminder'), id: z.string().max(64) }),
  z.object({ action: z.literal('cancelAlert'), id: z.string().max(64) }),
  z.object({ action: z.literal('profile') }),
  z.object({ action: z.literal('privacy') }),
  z.object({ action: z.literal('person') }),
  z.object({ action: z.literal('editProfile'), fact: z.enum(['status', 'corps', 'citizen', 'french', 'residence', 'education']) }),
  z.object({ action: z.literal('clearProfile') }),
  /** "Prévenez-moi" under a search: the search on screen becomes an alert. */
  z.object({ action: z.literal('subscribe') }),
  z.object({ action: z.literal('clearFilters') }),
  /** The user chose what they meant after an unclear message: its words, read with that intent. */
  z.object({ action: z.literal('intent'), intent: z.enum(INTENTS), text: z.string().max(2000) }),
]);

export type CardAction = z.infer<typeof cardActionSchema>;

export function parseCardAction(value: unknown): CardAction | undefined {
  const parsed = cardActionSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
