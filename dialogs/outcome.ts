import type { TurnContext } from 'botbuilder';
import { OUTCOME_TRACE, type TurnOutcome } from '../data/transcripts/conversationReview.js';

/**
 * What each turn understood and how it ended, written as a Bot Framework trace activity: channels
 * never show it, the transcript keeps it (and the Emulator displays it), and the review page flags
 * conversations from it (a fallback, a search with no result, an error).
 */
const OUTCOME = Symbol('turnOutcome');

export function noteOutcome(context: TurnContext, outcome: Partial<TurnOutcome>): void {
  const current = context.turnState.get<TurnOutcome | undefined>(OUTCOME) ?? { intent: '', outcome: 'answered' };
  context.turnState.set(OUTCOME, { ...current, ...outcome });
}

export async function traceOutcome(context: TurnContext): Promise<void> {
  const outcome = context.turnState.get<TurnOutcome | undefined>(OUTCOME);
  if (!outcome) return;
  await context.sendTraceActivity(OUTCOME_TRACE, outcome, 'https://emploi.gouv.nc/schemas/turn-outcome', outcome.outcome);
}
