import { foldAccents } from '../search/normalize.js';
import type { LoggedActivity, StoredConversation } from './transcriptFiles.js';

/**
 * What support staff see of conversations: a line per conversation with its flags, the filters of
 * the review page, and the questions the bot could not answer, grouped.
 */
export const FLAGS = ['fallback', 'noResult', 'error', 'human'] as const;
export type Flag = (typeof FLAGS)[number];

/** The trace the bot writes each turn (Bot Framework trace activity): what it understood and did. */
export const OUTCOME_TRACE = 'JobAssistant.Outcome';
export interface TurnOutcome {
  intent: string;
  outcome: 'answered' | 'fallback' | 'noResult' | 'clarify' | 'error';
  language?: string;
}

/** A user asking for a person: support should look at these first. */
const WANTS_A_HUMAN = /\b(humain|agent|conseill[eè]re?|une personne|quelqu['’]un|human|real person|advisor|adviser|operator)\b/i;

export interface ConversationLine {
  channelId: string;
  conversationId: string;
  startedAt: string;
  lastAt: string;
  language: string;
  turns: number;
  flags: Flag[];
}

export function outcomeOf(activity: LoggedActivity): TurnOutcome | undefined {
  return activity.type === 'trace' && activity.name === OUTCOME_TRACE ? (activity.value as TurnOutcome) : undefined;
}

const isUserMessage = (a: LoggedActivity) => a.type === 'message' && a.from?.role !== 'bot';

/**
 * A conversation's line, kept up to date activity by activity: the transcript files keep one per
 * conversation, so the review page lists thousands without reading them (see transcriptFiles.ts).
 */
export interface LineInProgress {
  line: ConversationLine;
  /** The language an outcome said; else the first locale. */
  saidLanguage?: string;
  /** Who wrote in it (not the bot): erasure by user finds the conversations without reading them. */
  users: Set<string>;
}

export function startLine(channelId: string, conversationId: string): LineInProgress {
  return { line: { channelId, conversationId, startedAt: '', lastAt: '', language: '', turns: 0, flags: [] }, users: new Set() };
}

export function addToLine(progress: LineInProgress, activity: LoggedActivity): void {
  const line = progress.line;
  const at = activity.timestamp ?? '';
  if (at && (!line.startedAt || at < line.startedAt)) line.startedAt = at;
  if (at > line.lastAt) line.lastAt = at;
  const flags = new Set(line.flags);
  const outcome = outcomeOf(activity);
  if (outcome) {
    if (outcome.outcome === 'fallback' || outcome.intent === 'None') flags.add('fallback');
    if (outcome.outcome === 'noResult') flags.add('noResult');
    if (outcome.outcome === 'error') flags.add('error');
    progress.saidLanguage = outcome.language ?? progress.saidLanguage;
  }
  if (isUserMessage(activity)) {
    line.turns += 1;
    if (activity.from?.id) progress.users.add(activity.from.id);
    if (WANTS_A_HUMAN.test(activity.text ?? '')) flags.add('human');
  }
  line.flags = FLAGS.filter((f) => flags.has(f));
  line.language = progress.saidLanguage ?? (line.language || activity.locale?.slice(0, 2) || '');
}

export function summarise(conversation: StoredConversation): ConversationLine {
  const progress = startLine(conversation.channelId, conversation.conversationId);
  for (const activity of conversation.activities) addToLine(progress, activity);
  return progress.line;
}

export interface ReviewFilter {
  /** ISO days, inclusive, in UTC. */
  from?: string;
  to?: string;
  channel?: string;
  flag?: Flag;
  /** Words to find in what was said, either side. */
  text?: string;
}


export function inDateRange(line: { lastAt: string; startedAt: string }, filter: Pick<ReviewFilter, 'from' | 'to'>): boolean {
  if (filter.from && line.lastAt.slice(0, 10) < filter.from) return false;
  if (filter.to && line.startedAt.slice(0, 10) > filter.to) return false;
  return true;
}

/** Does a conversation hold these words (either side)? */
export function mentions(conversation: StoredConversation, text: string): boolean {
  const wanted = foldAccents(text.trim());
  return conversation.activities.some((a) => a.type === 'message' && foldAccents(a.text ?? '').includes(wanted));
}

export function review(conversations: readonly StoredConversation[], filter: ReviewFilter): ConversationLine[] {
  return filterLines(
    conversations.filter((c) => !filter.text || mentions(c, filter.text)).map(summarise),
    filter,
  );
}

/** The lines that pass the filters other than the words, newest first. */
export function filterLines(lines: readonly ConversationLine[], filter: ReviewFilter): ConversationLine[] {
  return lines
    .filter((line) => inDateRange(line, filter))
    .filter((line) => !filter.channel || line.channelId === filter.channel)
    .filter((line) => !filter.flag || line.flags.includes(filter.flag))
    .sort((a, b) => b.lastAt.localeCompare(a.lastAt));
}

export interface UnansweredQuestion {
  text: string;
  count: number;
  outcome: 'fallback' | 'noResult';
  lastAt: string;
}

/** The user messages the bot answered with its fallback or an empty search, most frequent first. */
export function unansweredQuestions(conversations: readonly StoredConversation[]): UnansweredQuestion[] {
  const groups = new Map<string, UnansweredQuestion>();
  for (const conversation of conversations) {
    const byId = new Map(conversation.activities.filter((a) => a.id).map((a) => [a.id as string, a]));
    for (const activity of conversation.activities) {
      const outcome = outcomeOf(activity);
      if (!outcome || (outcome.outcome !== 'fallback' && outcome.outcome !== 'noResult')) continue;
      const asked = activity.replyToId ? byId.get(activity.replyToId) : undefined;
      const text = asked?.text?.replace(/\s+/g, ' ').trim();
      if (!text) continue;
      const key = `${outcome.outcome}:${foldAccents(text).replace(/[^\p{L}\p{N} ]/gu, '')}`;
      const group = groups.get(key) ?? { text, count: 0, outcome: outcome.outcome, lastAt: '' };
      group.count += 1;
      if ((activity.timestamp ?? '') > group.lastAt) group.lastAt = activity.timestamp ?? '';
      groups.set(key, group);
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
}

/** One row per message, for a spreadsheet: time, conversation, who, text. */
export function transcriptCsv(conversations: readonly StoredConversation[]): string {
  const cell = (value: string) => {
    // A cell starting with = + - @ would run as a formula in a spreadsheet: quoted with a leading '.
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  const rows = [['timestamp', 'channel', 'conversation', 'from', 'type', 'text'].map(cell).join(',')];
  for (const conversation of conversations) {
    for (const a of conversation.activities) {
      if (a.type !== 'message') continue;
      rows.push([a.timestamp ?? '', conversation.channelId, conversation.conversationId, a.from?.role ?? '', a.type, a.text ?? ''].map(cell).join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}
