import type { Middleware, TurnContext } from 'botbuilder';
import type { TranscriptArchive } from '../../data/transcripts/transcriptArchive.js';
import { erasureRequested } from '../../dialogs/privacy/erasure.js';

/**
 * Outside the transcript middleware: once a turn that asked for erasure has been written to the
 * transcript, that user's transcripts are erased again, this turn included.
 */
export class ErasureMiddleware implements Middleware {
  constructor(private readonly files: TranscriptArchive) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    await next();
    const request = erasureRequested(context);
    if (request) await this.files.deleteByUser(request.channelId, request.userId);
  }
}
