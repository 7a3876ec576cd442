/**
 * "Merci !", "au revoir, bonne journée", "thanks a lot": politeness and nothing else, answered as such
 * rather than read as a search or a reference. Only a short message made of these words alone:
 * "merci, et à Koné ?" is a request.
 */
export type SmallTalk = 'thanks' | 'goodbye';

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

export function smallTalkOf(text: string): SmallTalk | undefined {
  if (text.length > MAX_LENGTH) return undefined;
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
