import type { Activity } from 'botbuilder';
import { t, type Language } from '../i18n/messages.js';
import { formatted, typedButton } from '../replies.js';

/** What the bot offers to do first: under the welcome, the help and the fallback. */
export function starterSuggestions(language: Language) {
  return (['help.suggest.search', 'help.suggest.closingSoon', 'help.suggest.all'] as const).map((key) => typedButton(t(language, key)));
}

export function welcomeReply(language: Language): Partial<Activity> {
  return formatted(t(language, 'welcome.text'), [], starterSuggestions(language));
}

export function helpReply(language: Language): Partial<Activity> {
  return formatted(t(language, 'help.text'), [], starterSuggestions(language));
}

export function fallbackReply(language: Language): Partial<Activity> {
  return formatted(t(language, 'fallback.text'), [], starterSuggestions(language));
}
