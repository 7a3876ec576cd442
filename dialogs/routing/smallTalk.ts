import { foldAccents } from '../../data/search/normalize.js';

/**
 * "Merci !", "au revoir, bonne journée", "thanks a lot": politeness and nothing else, answered as such
 * rather than read as a search or a reference. Only a short message made of these words alone:
 * "merci, et à Koné ?" is a request. And "quel jour sommes-nous ?", "what day is it?": today's date
 * (people count the days left to a deadline; it was searched as offer words).
 */
export type SmallTalk = 'thanks' | 'goodbye' | 'today';

/** Longer than this, a message says something more than thanks. */
const MAX_LENGTH = 60;

const FAREWELLS = [
  'au revoir', 'aurevoir', 'bye bye', 'bye', 'goodbye', 'good bye', 'à bientôt', 'a bientot', 'à plus', 'a plus', 'ciao',
  'bonne journée', 'bonne journee', 'bonne soirée', 'bonne soiree', 'bonne fin de journée', 'bon week-end', 'see you', 'have a nice day', 'have a good day',
];
const THANKS = ['merci beaucoup', 'merci bien', 'merci infiniment', 'merci bcp', 'mercii', 'merci', 'thanks a lot', 'thank you very much', 'thank you so much', 'thank you', 'thanks', 'thx', 'many thanks'];
/** Words that go with thanks and farewells and add nothing: "ok merci", "super, merci à vous". */
const FILLERS = ['ok', 'okay', 'super', 'parfait', 'génial', 'top', 'great', 'perfect', 'et', 'and', 'à vous', 'a vous', 'à toi', 'you', 'madame', 'monsieur', 'encore'];

/** Longest phrases first, so that "merci beaucoup" goes whole rather than leaving "beaucoup". */
const phrase = (words: string[]) => new RegExp(`(^| )(${[...words].sort((a, b) => b.length - a.length).join('|')})(?= |$)`, 'gu');
const FAREWELL = phrase(FAREWELLS);
const THANK = phrase(THANKS);
const FILLER = phrase(FILLERS);

/**
 * Today's date asked, and nothing else (folded, punctuation as spaces). Not "quelle est la date ?" alone,
 * which after an offer asks its deadline: the day must be said ("d'aujourd'hui", "du jour", "today").
 */
const TODAY = new RegExp(
  String.raw`^(?:(?:bonjour|salut|hello|hi|pardon|excusez moi|dites moi|sorry) )*(?:` +
    [
      String.raw`quel jour (?:sommes nous|on est|est on|est il|est ce|c est|nous sommes)`,
      String.raw`(?:on est|nous sommes|c est) quel jour`,
      String.raw`(?:on est|nous sommes) le combien`,
      String.raw`quelle date (?:sommes nous|on est|est on|nous sommes)`,
      String.raw`(?:quelle est )?la date (?:d aujourd hui|du jour)`,
      String.raw`date du jour`,
      String.raw`what (?:day|date) is (?:it|today)`,
      String.raw`what (?:is|s) (?:the date today|today s date|today)`,
      String.raw`today s date`,
    ].join('|') +
    String.raw`)(?: (?:aujourd hui|today|please|svp|stp|s il vous plait|s il te plait))*$`,
);

export function smallTalkOf(text: string): SmallTalk | undefined {
  if (text.length > MAX_LENGTH) return undefined;
  if (TODAY.test(foldAccents(text).replace(/[^a-z0-9]+/g, ' ').trim())) return 'today';
  // Punctuation, emoji and spacing do not change what is said.
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\s'-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const withoutFarewells = words.replace(FAREWELL, ' ');
  const withoutThanks = withoutFarewells.replace(THANK, ' ');
  if (withoutThanks.replace(FILLER, ' ').trim() !== '' || withoutThanks === words) return undefined;
  return withoutFarewells !== words ? 'goodbye' : 'thanks';
}
