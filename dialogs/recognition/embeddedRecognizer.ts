import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en-min';
import { LangFr } from '@nlpjs/lang-fr';
import { Nlp, type NlpInstance } from '@nlpjs/nlp';
import type { OfferSnapshot } from '../../data/offers/offerCatalog.js';
import type { CluProject } from './cluProject.js';
import { extractEntities } from './entities.js';
import { INTENTS, type Intent, type IntentRecognizer, type Recognition } from './recognizer.js';

/**
 * The default recogniser, with no cloud service: an NLP.js neural classifier trained in-process at
 * start-up from the CLU project file, answering in CLU's result shape. NLP.js because it handles
 * French and English, stems both, tolerates typos (its spell check) and trains in a fraction of a
 * second from the same utterances Azure CLU learns from.
 */
const NLU_SETTINGS = {
  keepStopwords: true,
  nonefeatureValue: 1,
  nonedeltaMultiplier: 1.2,
  spellCheck: true,
  spellCheckDistance: 1,
  filterZeros: true,
  log: false,
};

/** The intents whose dialogs use a duration or a date ("3 jours avant", "depuis 2019"). */
const TIMED_INTENTS: ReadonlySet<Intent> = new Set(['SetReminder', 'CheckEligibility', 'SubscribeAlerts']);

/**
 * The words the classifier reads: the hyphen of a verb and its pronoun ("oublie-moi", "a-t-il",
 * "est-ce") splits, as a space would. NLP.js's French tokenizer keeps "oublie-moi" as one word, so it
 * was not "oublie moi" (an example of erasure) and fell to None; people type both. Only before a
 * pronoun: "aide-soignant" and "sage-femme" are job titles, one word each. The same on training and
 * on recognition.
 */
const PRONOUN_HYPHEN = /(?<=\p{L})-(?=(?:moi|toi|le|la|les|lui|nous|vous|leur|y|en|je|tu|il|elle|on|ils|elles|ce|t)(?!\p{L}))/giu;

export function classifierWords(text: string): string {
  return text.replace(PRONOUN_HYPHEN, ' ');
}

function isIntent(name: string): name is Intent {
  return (INTENTS as readonly string[]).includes(name);
}

export class EmbeddedRecognizer implements IntentRecognizer {
  private constructor(
    private readonly nlp: NlpInstance,
    private readonly offers: () => OfferSnapshot,
  ) {}

  /** Trains from every utterance of the project, French and English. */
  static async train(project: CluProject, offers: () => OfferSnapshot): Promise<EmbeddedRecognizer> {
    const container = await containerBootstrap();
    container.use(Nlp);
    container.use(LangFr);
    container.use(LangEn);
    container.registerConfiguration('nlu-??', NLU_SETTINGS, true);
    const nlp = container.get('nlp');
    nlp.settings.autoSave = false;
    nlp.settings.log = false;
    nlp.addLanguage('fr');
    nlp.addLanguage('en');
    for (const utterance of project.assets.utterances) {
      nlp.addDocument(utterance.language === 'en-us' ? 'en' : 'fr', classifierWords(utterance.text), utterance.intent);
    }
    await nlp.train();
    return new EmbeddedRecognizer(nlp, offers);
  }

  /** The same trained model, reading entities against other offers (another catalog, in tests and tools). */
  withOffers(offers: () => OfferSnapshot): EmbeddedRecognizer {
    return new EmbeddedRecognizer(this.nlp, offers);
  }

  async recognize(text: string, language: 'fr' | 'en'): Promise<Recognition> {
    const result = await this.nlp.process(language, classifierWords(text));
    const intents = result.classifications
      .filter((c): c is { intent: Intent; score: number } => isIntent(c.intent))
      .map((c) => ({ category: c.intent, confidenceScore: c.score }))
      .sort((a, b) => b.confidenceScore - a.confidenceScore);
    const topIntent = intents[0]?.category ?? 'None';
    const entities = await extractEntities(text, language, this.offers(), TIMED_INTENTS.has(topIntent));
    return { text, topIntent, intents, entities };
  }
}
