import { TranscriptLoggerMiddleware, type Middleware, type TranscriptLogger, type TurnContext } from 'botbuilder';

/**
 * Every activity in and out goes to the transcript, proactive ones included, through the Bot
 * Framework's own `TranscriptLoggerMiddleware`. In front of it, a guard for a known SDK bug
 * (botbuilder-js #3768): the middleware reads `activity.from.role` and throws when a
 * continue-conversation activity has no `from`; outgoing activities without a role are the bot's.
 */
export class TranscriptRoleGuard implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.activity.from ??= { id: '', name: '' };
    context.onSendActivities(async (_context, activities, nextSend) => {
      for (const activity of activities) {
        if (activity.from && !activity.from.role) activity.from.role = 'bot';
      }
      return nextSend();
    });
    await next();
  }
}

export function transcriptMiddleware(logger: TranscriptLogger): Middleware[] {
  return [new TranscriptRoleGuard(), new TranscriptLoggerMiddleware(logger)];
}
