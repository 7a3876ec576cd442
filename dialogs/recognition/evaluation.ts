import type { Intent, IntentRecognizer } from './recognizer.js';

/** One labelled line of an evaluation file (JSON Lines): {"text": ..., "intent": ..., "language"?: "fr"|"en"}. */
export interface LabelledUtterance {
  text: string;
  intent: Intent;
  language?: 'fr' | 'en';
}

export interface Evaluation {
  total: number;
  accuracy: number;
  perIntent: Array<{ intent: Intent; precision: number; recall: number; support: number }>;
  /** Expected → predicted, most frequent first. */
  confusions: Array<{ expected: Intent; predicted: Intent; count: number; examples: string[] }>;
}

/** Runs a recogniser over labelled utterances: accuracy, precision and recall per intent, confusions. */
export async function evaluate(
  recognizer: IntentRecognizer,
  utterances: readonly LabelledUtterance[],
  languageOf: (text: string) => 'fr' | 'en',
): Promise<Evaluation> {
  const predictions: Array<{ expected: Intent; predicted: Intent; text: string }> = [];
  for (const utterance of utterances) {
    const result = await recognizer.recognize(utterance.text, utterance.language ?? languageOf(utterance.text));
    predictions.push({ expected: utterance.intent, predicted: result.topIntent, text: utterance.text });
  }
  const intents = [...new Set(predictions.flatMap((p) => [p.expected, p.predicted]))].sort();
  const perIntent = intents.map((intent) => {
    const truePositives = predictions.filter((p) => p.expected === intent && p.predicted === intent).length;
    const predicted = predictions.filter((p) => p.predicted === intent).length;
    const support = predictions.filter((p) => p.expected === intent).length;
    return {
      intent,
      precision: predicted === 0 ? 0 : truePositives / predicted,
      recall: support === 0 ? 0 : truePositives / support,
      support,
    };
  });
  const confusionMap = new Map<string, Evaluation['confusions'][number]>();
  for (const p of predictions.filter((x) => x.expected !== x.predicted)) {
    const key = `${p.expected}>${p.predicted}`;
    const entry = confusionMap.get(key) ?? { expected: p.expected, predicted: p.predicted, count: 0, examples: [] };
    entry.count += 1;
    if (entry.examples.length < 3) entry.examples.push(p.text);
    confusionMap.set(key, entry);
  }
  const correct = predictions.filter((p) => p.expected === p.predicted).length;
  return {
    total: predictions.length,
    accuracy: predictions.length === 0 ? 0 : correct / predictions.length,
    perIntent,
    confusions: [...confusionMap.values()].sort((a, b) => b.count - a.count),
  };
}
