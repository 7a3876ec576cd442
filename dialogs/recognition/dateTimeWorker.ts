import { parentPort, workerData } from 'node:worker_threads';
import DateTimeRecognizers from '@microsoft/recognizers-text-date-time';
import Recognizers from '@microsoft/recognizers-text-suite';

/**
 * Microsoft Recognizers-Text's date-time models, in a worker thread of their own: on some sentences
 * (repeated number words, "mille neuf cent " × 10) they take exponential time, and there they can be
 * stopped (the thread is terminated) without stalling the bot. See dateTimeRecognition.ts.
 */
export interface DateTimeRequest {
  id: number;
  text: string;
  language: 'fr' | 'en';
}

export interface DateTimeFound {
  typeName: string;
  text: string;
  start: number;
  end: number;
  value?: string;
}

/**
 * One language per worker: building the English model beside the French one breaks the French one
 * (shared state inside the library: "Cannot set properties of undefined (setting 'mod')").
 */
const language = (workerData as { language?: 'fr' | 'en' } | undefined)?.language === 'en' ? 'en' : 'fr';
const model = new DateTimeRecognizers.DateTimeRecognizer(language === 'en' ? Recognizers.Culture.English : Recognizers.Culture.French).getDateTimeModel();

interface Resolution {
  values?: Array<{ timex?: string; value?: string }>;
}

function parse(text: string): DateTimeFound[] {
  try {
    return model.parse(text).map((r) => {
      const first = (r.resolution as Resolution | undefined)?.values?.[0];
      return { typeName: r.typeName, text: r.text, start: r.start, end: r.end, value: first?.timex ?? first?.value };
    });
  } catch {
    // The library throws on some sentences: they have no date, as far as the bot is concerned.
    return [];
  }
}

parentPort?.on('message', (request: DateTimeRequest) => {
  parentPort?.postMessage({ id: request.id, found: parse(request.text) });
});
// The model compiles its expressions on first use: once, before any budget is counted.
parse(language === 'en' ? 'remind me 3 days before July 10, 2026, for 5 years' : 'rappelle-moi 3 jours avant le 10 juillet 2026, depuis 5 ans');
parentPort?.postMessage({ ready: true });
