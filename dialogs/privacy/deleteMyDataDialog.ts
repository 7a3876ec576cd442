import type { StatePropertyAccessor } from 'botbuilder';
import { ComponentDialog, Dialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { CandidateProfile } from '../../data/eligibility/candidateProfile.js';
import { recordsOf } from '../../data/reminders/proactiveStore.js';
import type { ConversationData } from '../conversationData.js';
import { parseYesNo } from '../eligibility/answers.js';
import { t } from '../i18n/messages.js';
import { userKeyOf } from '../reminders/reminderTopics.js';
import { formatted, typedButton } from '../replies.js';
import type { DialogServices } from '../services.js';
import { eraseAfterTurn } from './erasure.js';

export const DELETE_MY_DATA_DIALOG = 'deleteMyDataDialog';
const STEPS = 'deleteMyDataSteps';

/**
 * "Supprime mes données": says what will go, asks for a yes, then erases this user's transcripts,
 * eligibility profile, reminders and alerts, and says what was erased.
 */
export class DeleteMyDataDialog extends ComponentDialog {
  constructor(
    private readonly services: DialogServices,
    private readonly conversation: StatePropertyAccessor<ConversationData>,
    private readonly profiles: StatePropertyAccessor<CandidateProfile>,
  ) {
    super(DELETE_MY_DATA_DIALOG);
    this.addDialog(new WaterfallDialog(STEPS, [this.askStep.bind(this), this.eraseStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const language = (await this.conversation.get(step.context, {})).language ?? 'fr';
    const yes = t(language, 'privacy.confirmYes');
    const no = t(language, 'privacy.confirmNo');
    await step.context.sendActivity(
      formatted(t(language, 'privacy.confirm'), [], [typedButton(yes), typedButton(no)]),
    );
    return Dialog.EndOfTurn;
  }

  private async eraseStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const language = (await this.conversation.get(context, {})).language ?? 'fr';
    const answer = parseYesNo(String(context.activity.text ?? ''));
    if (!answer.ok || !answer.value) {
      await context.sendActivity(formatted(t(language, 'privacy.kept')));
      return step.endDialog();
    }
    const userKey = userKeyOf(context);
    const records = recordsOf(this.services.proactive, userKey);
    const reminders = records.filter((r) => r.kind === 'reminder' && r.delivery.status === 'pending').length;
    const alerts = records.filter((r) => r.kind === 'alert').length;
    await this.services.proactive.purge(...records.map((r) => r.id));
    // What this conversation remembers of the user's words (their last search) goes too.
    const data = await this.conversation.get(context, {});
    delete data.lastSearch;
    delete data.recentMessages;
    delete data.handoff;
    // What they said to the support team, and the requests in its queue.
    const support = this.services.support.store;
    await support.purge(...support.all().filter((h) => h.recipient.userKey === userKey).map((h) => h.id));
    delete data.lastShown;
    delete data.currentOffer;
    const profile = await this.profiles.get(context, {});
    const hadProfile = Object.keys(profile).length > 0;
    await this.profiles.delete(context);
    const who = { channelId: context.activity.channelId, userId: context.activity.from?.id ?? '' };
    const conversations = await this.services.personalData.eraseTranscripts(who.channelId, who.userId);
    // This very turn is written to the transcript after it ends: erased then too.
    eraseAfterTurn(context, who);
    await context.sendActivity(
      formatted(
        t(language, 'privacy.erased', {
          conversations: Math.max(conversations, 1),
          reminders,
          alerts,
          profile: t(language, hadProfile ? 'privacy.profileErased' : 'privacy.noProfile'),
        }),
      ),
    );
    return step.endDialog();
  }
}
