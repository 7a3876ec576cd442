import type { TurnContext } from 'botbuilder';

/**
 * Erasing a user's transcripts must also erase the turn that asked for it, which the transcript
 * middleware writes only after the turn. The dialog marks the turn; the erasure middleware in
 * `bot/` (outside the transcript middleware) erases again once the turn is written.
 */
const ERASE_AFTER_TURN = Symbol('eraseAfterTurn');

export interface ErasureRequest {
  channelId: string;
  userId: string;
}

export function eraseAfterTurn(context: TurnContext, request: ErasureRequest): void {
  context.turnState.set(ERASE_AFTER_TURN, request);
}

export function erasureRequested(context: TurnContext): ErasureRequest | undefined {
  return context.turnState.get<ErasureRequest | undefined>(ERASE_AFTER_TURN);
}
