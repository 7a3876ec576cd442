import type { Activity } from 'botbuilder';
import { t, type Language } from '../i18n/messages.js';
import type { Recognition } from '../recognition/recognizer.js';
import { actionButton, formatted } from '../replies.js';

/** Below this confidence, with a close second guess, the bot asks rather than guesses. */
const CONFIDENT = 0.6;
const PLAUSIBLE = 0.1;

export function isUnclear(recognition: Recognition): boolean {
  const [first, second] = recognition.intents;
  if (!first || !second || first.category === 'None' || second.category === 'None') return false;
  return first.confidenceScore < CONFIDENT && second.confidenceScore >= PLAUSIBLE;
}

/** "Did you mean…?" with the two best guesses as buttons, rather than a wrong answer. */
export function clarification(recognition: Recognition, language: Language): Partial<Activity> {
  const guesses = recognition.intents.slice(0, 2).map((guess) => {
    const label = t(language, `intent.${guess.category}`);
    const title = label.charAt(0).toUpperCase() + label.slice(1);
    return actionButton(title, { action: 'intent', intent: guess.category, text: recognition.text }, recognition.text);
  });
  return formatted(t(language, 'clarify.text'), [], guesses);
}
