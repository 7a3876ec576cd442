import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DateTimeFound, DateTimeRequest } from './dateTimeWorker.js';

/**
 * Durations and dates read by Recognizers-Text in a worker thread, with a time budget per sentence.
 * Past the budget the worker is terminated (the only way to stop a runaway regular expression) and a
 * fresh one is started; the sentence is read without a date, and the turn answers as usual. The event
 * loop never waits on the models: a hostile message cannot stall other conversations or /healthz.
 */
const BUDGET_MS = 300;
/**
 * How long a sentence waits for the worker's models to be built (after start-up, or after a runaway
 * sentence stopped the last worker): a few seconds on a slow machine. Past it the sentence is read
 * without them; the worker goes on starting for the next one.
 */
const READY_BUDGET_MS = 1000;
/** Longer than a sentence with a date needs; beyond it the models are not asked at all. */
const MAX_TEXT = 400;

/** The worker's compiled file: beside this one when built, in dist/ when the sources run (tests). */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const beside = path.join(path.dirname(here), 'dateTimeWorker.js');
  if (existsSync(beside)) return beside;
  return path.join(path.resolve(path.dirname(here), '..', '..'), 'dist', 'dialogs', 'recognition', 'dateTimeWorker.js');
}

interface Pending {
  request: DateTimeRequest;
  resolve: (found: DateTimeFound[] | undefined) => void;
}

class DateTimeWorker {
  constructor(private readonly language: 'fr' | 'en') {}

  private worker?: Worker;
  private ready?: Promise<void>;
  private readonly queue: Pending[] = [];
  private busy = false;
  private nextId = 1;

  /** What the models find in the text; undefined when they ran out of time (or the text is too long). */
  recognize(text: string): Promise<DateTimeFound[] | undefined> {
    if (text.length > MAX_TEXT) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.queue.push({ request: { id: this.nextId++, text, language: this.language }, resolve });
      void this.drain();
    });
  }

  /** Starts the worker ahead of the first sentence (its models take a second to build). */
  warm(): Promise<void> {
    return this.start();
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    await worker?.terminate();
  }

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(workerFile(), { workerData: { language: this.language } });
    // The bot can exit while the worker idles.
    worker.unref();
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (message: { ready?: boolean }) => {
        if (!message.ready) return;
        worker.off('message', onMessage);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    return this.ready;
  }

  private async drain(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) next.resolve(await this.ask(next.request));
    } finally {
      this.busy = false;
    }
  }

  private async ask(request: DateTimeRequest): Promise<DateTimeFound[] | undefined> {
    let ready: boolean;
    try {
      ready = await Promise.race([this.start().then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), READY_BUDGET_MS).unref())]);
    } catch {
      await this.close();
      return undefined;
    }
    if (!ready) return undefined;
    const worker = this.worker as Worker;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        worker.off('message', onMessage);
        // A runaway sentence: stop it where it is, and have a fresh worker ready for the next one.
        void this.close().then(() => this.start().catch(() => undefined));
        resolve(undefined);
      }, BUDGET_MS);
      const onMessage = (message: { id?: number; found?: DateTimeFound[] }) => {
        if (message.id !== request.id) return;
        clearTimeout(timer);
        worker.off('message', onMessage);
        resolve(message.found ?? []);
      };
      worker.on('message', onMessage);
      worker.postMessage(request);
    });
  }
}

/** One worker a language for the process: the models are large, and one sentence at a time is plenty. */
const workers = { fr: new DateTimeWorker('fr'), en: new DateTimeWorker('en') };

export const dateTimeWorker = {
  recognize: (text: string, language: 'fr' | 'en') => workers[language].recognize(text),
  warm: () => Promise.all([workers.fr.warm(), workers.en.warm()]).then(() => undefined),
  close: () => Promise.all([workers.fr.close(), workers.en.close()]).then(() => undefined),
};
