import {
  HandoffEventNames,
  TeamsActivityHandler,
  TurnContext,
  type AppBasedLinkQuery,
  type BotState,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type StatePropertyAccessor,
} from 'botbuilder';
import type { Clock } from '../data/clock.js';
import type { OfferCatalog } from '../data/offers/offerCatalog.js';
import { languageOfLocale } from '../dialogs/i18n/language.js';
import { offerLinkResult, offerSearchResult } from '../dialogs/teams/offerSearchExtension.js';
import type { DialogState } from 'botbuilder-dialogs';
import type { ConversationData } from '../dialogs/conversationData.js';
import { chooseLanguage } from '../dialogs/i18n/language.js';
import type { MainDialog } from '../dialogs/mainDialog.js';
import { traceOutcome } from '../dialogs/outcome.js';

/**
 * The bot as channels see it: welcomes newcomers, hands every message to the main dialog and
 * saves what the conversation remembers after each turn.
 */
export class JobBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    /** The conversation's state first (its dialog stack lives there), then the user's. */
    private readonly states: [BotState, ...BotState[]],
    private readonly conversation: StatePropertyAccessor<ConversationData>,
    private readonly mainDialog: MainDialog,
    private readonly offers: { catalog: OfferCatalog; clock: Clock },
  ) {
    super();
    this.dialogState = states[0].createProperty<DialogState>('dialogState');

    // Someone joined, or the bot itself was added (a Teams install): the conversation starts.
    this.onMembersAdded(async (context, next) => {
      const joined = context.activity.membersAdded ?? [];
      const data = await this.conversation.get(context, {});
      if (joined.length > 0 && !data.welcomed) {
        data.welcomed = true;
        data.language = chooseLanguage('', data.language, context.activity.locale);
        await this.mainDialog.welcome(context, data.language);
      }
      await next();
    });

    // An agent hub (handoff protocol) says the person has taken, ended or failed the handoff.
    this.onEvent(async (context, next) => {
      if (context.activity.name === HandoffEventNames.HandoffStatus) {
        const value = context.activity.value as { state?: unknown } | undefined;
        await this.mainDialog.handoffStatus(context, typeof value?.state === 'string' ? value.state : '');
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      // In a Teams channel the message starts with "@Assistant emploi": the words are the rest.
      if (typeof context.activity.text === 'string' && (context.activity.entities ?? []).some((e) => e.type === 'mention')) {
        context.activity.text = TurnContext.removeRecipientMention(context.activity).trim();
      }
      const data = await this.conversation.get(context, {});
      data.welcomed = true;
      await this.mainDialog.run(context, this.dialogState);
      await traceOutcome(context);
      await next();
    });
  }

  /** The compose box's search: open offers as cards anyone can share in a chat. */
  protected override async handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    const text = String(query.parameters?.find((p) => p.name === 'searchQuery')?.value ?? '').slice(0, 200);
    const language = languageOfLocale(context.activity.locale) ?? 'fr';
    return { composeExtension: offerSearchResult(this.offers.catalog.current(), text, this.offers.clock.now(), language) };
  }

  /** A link to one of the bot's offers, pasted in a chat, shows as the offer's card. */
  protected override async handleTeamsAppBasedLinkQuery(context: TurnContext, query: AppBasedLinkQuery): Promise<MessagingExtensionResponse> {
    const language = languageOfLocale(context.activity.locale) ?? 'fr';
    const result = offerLinkResult(this.offers.catalog.current(), query.url ?? '', this.offers.clock.now(), language);
    return result ? { composeExtension: result } : {};
  }

  override async run(context: TurnContext): Promise<void> {
    if (context.activity.type === 'message' || context.activity.type === 'conversationUpdate' || context.activity.type === 'installationUpdate') {
      const data = await this.conversation.get(context, {});
      data.reference = TurnContext.getConversationReference(context.activity);
    }
    if (context.activity.channelId === 'msteams') {
      // Results go as a list in Teams: readable in a narrow chat, and rendered by every Teams
      // client (the Agents Playground shows no carousel).
      context.onSendActivities(async (_context, activities, next) => {
        for (const activity of activities) if (activity.attachmentLayout === 'carousel') activity.attachmentLayout = 'list';
        return next();
      });
    }
    await super.run(context);
    // The conversation's state last: it holds the ids of the activities handled
    // (bot/repeatedActivities.ts), so once it is written the whole turn is.
    for (const state of [...this.states].reverse()) await state.saveChanges(context, false);
  }
}
