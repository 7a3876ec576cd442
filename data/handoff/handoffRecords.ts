import { z } from 'zod';
import { recipientSchema } from '../reminders/proactiveRecords.js';

/**
 * A conversation handed to a person of the support team: who asked, when, what was said on both
 * sides (masked before it is kept), and where it stands. Checked when the store is read back.
 *
 * - `waiting`: in the queue of /admin, nobody has taken it yet;
 * - `active`: a staff member has taken it and answers; the bot keeps quiet;
 * - `message`: nobody was on duty, or nobody took it in time: a message for support, answered later;
 * - `ended`: the person or the user ended it, or the conversation fell silent.
 */
export const HANDOFF_STATUSES = ['waiting', 'active', 'message', 'ended'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

const instant = z.iso.datetime({ offset: true });

export const handoffMessageSchema = z.object({
  from: z.enum(['user', 'agent', 'bot']),
  /** The staff member's first name, as the user saw it. */
  name: z.string().max(60).optional(),
  text: z.string().max(4100),
  at: instant,
});
export type HandoffMessage = z.infer<typeof handoffMessageSchema>;

export const handoffSchema = z.object({
  id: z.string().min(1),
  recipient: recipientSchema,
  channelId: z.string(),
  conversationId: z.string(),
  status: z.enum(HANDOFF_STATUSES),
  requestedAt: instant,
  takenAt: instant.optional(),
  endedAt: instant.optional(),
  endedBy: z.enum(['agent', 'user', 'silence']).optional(),
  /** The first name of the staff member who took it. */
  agent: z.string().max(60).optional(),
  /** The offer in the conversation, and whom it names to ask (said again if nobody takes the request). */
  offer: z.object({ reference: z.string(), title: z.string(), contact: z.string().max(300).optional() }).optional(),
  messages: z.array(handoffMessageSchema),
});
export type Handoff = z.infer<typeof handoffSchema>;

/** The most messages kept for one handoff: the transcript holds the rest. */
export const MAX_HANDOFF_MESSAGES = 200;

export function parseHandoff(value: unknown): Handoff | undefined {
  const parsed = handoffSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The record with one more message (the oldest dropped past the bound). */
export function withMessage(handoff: Handoff, message: HandoffMessage): Handoff {
  return { ...handoff, messages: [...handoff.messages, message].slice(-MAX_HANDOFF_MESSAGES) };
}
