import { z } from 'zod';
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
    kind: z.enum(['employer', 'domain', 'commune', 'grade']),
    value: z.string().max(200),
  }),
  z.object({ action: z.literal('closingSoon') }),
  z.object({ action: z.literal('clearFilters') }),
  /** The user chose what they meant after an unclear message: its words, read with that intent. */
  z.object({ action: z.literal('intent'), intent: z.enum(INTENTS), text: z.string().max(2000) }),
]);

export type CardAction = z.infer<typeof cardActionSchema>;

export function parseCardAction(value: unknown): CardAction | undefined {
  const parsed = cardActionSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
