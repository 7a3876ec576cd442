import type { TurnContext } from 'botbuilder';
import { parseCardAction, type CardAction } from './cards/cardActions.js';
import { chooseLanguage, detectLanguage } from './i18n/language.js';
import type { Language } from './i18n/messages.js';
import type { IntentRecognizer, Recognition } from './recognition/recognizer.js';
import type { ConversationData } from './conversationData.js';
import { noteOutcome } from './outcome.js';
import { smallTalkOf, type SmallTalk } from './routing/smallTalk.js';

/** The longest message the bot reads; anything longer gets a polite request to shorten it. */
export const MAX_MESSAGE_LENGTH = 2000;

/** Typed words that mean the "voir plus" button. */
const MORE = /^\s*(voir plus|plus|suite|suivant(e|es|s)?|encore|more|see more|show more|next)\s*[.!]?\s*$/i;

/** Typed words that mean the "Sans filtre" button: the last search again, without its filters. */
const NO_FILTER = /^\s*(sans (les |ces )?filtres?|(retirer|enlever|supprimer) (les |ces )?filtres?|partout|no filters?|without (the |these )?filters?|(remove|clear) (the |these )?filters?|anywhere)\s*[.!]?\s*$/i;

/** Typed words that mean "show what you know about me" (the profile kept for eligibility checks). */
const PROFILE = /^\s*(mes (informations|infos|r[ée]ponses|donn[ée]es d'[ée]ligibilit[ée])|mon profil|modifier( mes (informations|infos|r[ée]ponses))?|my (information|info|details|profile|answers)|edit( my (information|profile|answers))?)\s*[.!?]?\s*$/i;

/** Typed words that ask for the privacy notice. */
const PRIVACY = /^\s*(confidentialit[ée]|vie priv[ée]e|mes donn[ée]es|donn[ée]es personnelles|rgpd|privacy( notice| policy)?|my data|personal data|gdpr)\s*[.!?]?\s*$/i;

/** Asking for a person ("je veux parler à un conseiller", "talk to a human"): the bot says what it can't do. */
const WANTS_A_PERSON = /\b(parler|discuter|[ée]changer|joindre|contacter|talk|speak|chat)\b.{0,20}\b(humain|conseill[eè]re?|quelqu['’]un|une personne|un agent|une vraie personne|human|someone|somebody|a person|a real person|an agent|an advisor|an adviser)\b/i;

/**
 * What this turn brings, worked out once and shared by the main dialog and its interruptions: a
 * message too long to read, a button (or words that mean one), thanks or a goodbye alone (no model
 * asked), or text with what it was understood as.
 */
export type TurnInput =
  | { kind: 'tooLong'; language: Language; length: number }
  | { kind: 'action'; language: Language; text: string; action: CardAction }
  | { kind: 'smallTalk'; language: Language; text: string; smallTalk: SmallTalk }
  | { kind: 'text'; language: Language; text: string; recognition: Recognition };

const TURN_INPUT = Symbol('turnInput');

export async function readTurnInput(
  context: TurnContext,
  data: ConversationData,
  recognizer: IntentRecognizer,
): Promise<TurnInput> {
  const cached = context.turnState.get<TurnInput | undefined>(TURN_INPUT);
  if (cached) return cached;
  const activity = context.activity;
  const text = typeof activity.text === 'string' ? activity.text.trim() : '';
  let input: TurnInput;
  if (text.length > MAX_MESSAGE_LENGTH) {
    const language = detectLanguage(text.slice(0, 500)) ?? data.language ?? 'fr';
    input = { kind: 'tooLong', language, length: text.length };
  } else {
    // An answer to a question on screen ("Ingénieur", a grade's name in French) keeps the conversation's language.
    const language = data.eligibilityQuestion && data.language ? data.language : chooseLanguage(text, data.language, activity.locale);
    const typed = MORE.test(text)
      ? { action: 'more' as const }
      : NO_FILTER.test(text)
        ? { action: 'clearFilters' as const }
        : PROFILE.test(text)
        ? { action: 'profile' as const }
        : PRIVACY.test(text)
          ? { action: 'privacy' as const }
          : WANTS_A_PERSON.test(text)
            ? { action: 'person' as const }
            : undefined;
    const action = parseCardAction(activity.value) ?? typed;
    const smallTalk = action ? undefined : smallTalkOf(text);
    input = action
      ? { kind: 'action', language, text, action }
      : smallTalk
        ? { kind: 'smallTalk', language, text, smallTalk }
        : { kind: 'text', language, text, recognition: await recognizer.recognize(text, language) };
  }
  data.language = input.language;
  noteOutcome(context, { intent: intentName(input), language: input.language });
  context.turnState.set(TURN_INPUT, input);
  return input;
}

function intentName(input: TurnInput): string {
  if (input.kind === 'text') return input.recognition.topIntent;
  if (input.kind === 'smallTalk') return input.smallTalk;
  return input.kind === 'action' ? input.action.action : '';
}

/** The language of this turn, for answers given outside the dialogs (the apology after an error). */
export function turnLanguage(context: TurnContext): Language {
  const input = context.turnState.get<TurnInput | undefined>(TURN_INPUT);
  const text = typeof context.activity.text === 'string' ? context.activity.text : '';
  return input?.language ?? chooseLanguage(text.slice(0, 500), undefined, context.activity.locale);
}
