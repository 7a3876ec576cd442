import type { Middleware, TurnContext } from 'botbuilder';
import type { TranscriptFiles } from '../../data/transcripts/transcriptFiles.js';
import { erasureRequested } from '../../dialogs/privacy/erasure.js';

/**
 * Outside the transcript middleware: once a turn that asked for erasure has been written to the
 * transcript, that user's transcripts are erased again, this turn included.
 */
export class ErasureMiddleware implements Middleware {
  constructor(private readonly files: TranscriptFiles) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    await next();
    const request = erasureRequested(context);
    if (request) await this.files.deleteByUser(request.channelId, request.userId);
  }
}
