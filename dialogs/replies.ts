import { ActivityTypes, type Activity, type Attachment, type CardAction as SuggestedAction } from 'botbuilder';
import type { CardAction } from './cards/cardActions.js';

/**
 * Messages as the bot sends them. A message that quotes what the user typed goes out as plain
 * text, so the channel never renders the user's words as markdown or HTML.
 */
export function plain(text: string, attachments: Attachment[] = [], suggestions: SuggestedAction[] = []): Partial<Activity> {
  return message(text, 'plain', attachments, suggestions);
}

/** Text the bot wrote itself (catalog and offer data only), with markdown for lists and bold. */
export function formatted(text: string, attachments: Attachment[] = [], suggestions: SuggestedAction[] = []): Partial<Activity> {
  return message(text, 'markdown', attachments, suggestions);
}

function message(
  text: string,
  textFormat: 'plain' | 'markdown',
  attachments: Attachment[],
  suggestions: SuggestedAction[],
): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    text,
    textFormat,
    ...(attachments.length > 0 ? { attachments, attachmentLayout: attachments.length > 1 ? 'carousel' : 'list' } : {}),
    ...(suggestions.length > 0 ? { suggestedActions: { actions: suggestions, to: [] } } : {}),
  };
}

/**
 * A button whose tap the bot reads as a card action (`value`); the chat shows `title` as what the
 * user said and the bot receives `text` too.
 */
export function actionButton(title: string, value: CardAction, text = title): SuggestedAction {
  return { type: 'messageBack', title, displayText: title, text, value };
}

/** A button that types its title for the user: the answer reads the same tapped or typed. */
export function typedButton(title: string): SuggestedAction {
  return { type: 'imBack', title, value: title };
}

/** Users quote their own words back in our replies: shortened, on one line. */
export function quoted(userText: string, max = 80): string {
  const oneLine = userText.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
