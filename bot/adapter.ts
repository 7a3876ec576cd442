import { ReusedConnectorsAuthentication } from './reusedConnectors.js';
import {
  CloudAdapter,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type ConversationState,
  type TurnContext,
} from 'botbuilder';
import { t } from '../dialogs/i18n/messages.js';
import { turnLanguage } from '../dialogs/turnInput.js';
import { formatted } from '../dialogs/replies.js';
import { noteOutcome, traceOutcome } from '../dialogs/outcome.js';
import type { Logger } from './logger.js';

/**
 * The Bot Framework's CloudAdapter. With a MicrosoftAppId it checks every request's token, as in
 * production; without one (local use) authentication is off.
 */
export function createAdapter(
  auth: ConfigurationBotFrameworkAuthenticationOptions,
  conversationState: ConversationState,
  logger: Logger,
): CloudAdapter {
  const adapter = new CloudAdapter(new ReusedConnectorsAuthentication(auth));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error('turn failed', {
      conversationId: context.activity.conversation?.id,
      activityId: context.activity.id,
      error: error.stack ?? String(error),
    });
    try {
      noteOutcome(context, { outcome: 'error' });
      await traceOutcome(context);
      await context.sendActivity(formatted(t(turnLanguage(context), 'error.apology')));
      // A broken dialog stack must not break the next turn too.
      await conversationState.delete(context);
    } catch (sendError) {
      logger.error('could not apologise', { conversationId: context.activity.conversation?.id, error: String(sendError) });
    }
  };
  return adapter;
}
