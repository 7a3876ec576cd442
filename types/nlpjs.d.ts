// The parts of NLP.js (v4) the embedded recogniser uses; the packages ship no type declarations.
declare module '@nlpjs/core' {
  import type { NlpInstance } from '@nlpjs/nlp';
  export interface Container {
    use(plugin: unknown): void;
    get(name: 'nlp'): NlpInstance;
    registerConfiguration(tag: string, configuration: Record<string, unknown>, overwrite: boolean): void;
  }
  export function containerBootstrap(): Promise<Container>;
}

declare module '@nlpjs/nlp' {
  export interface NlpResult {
    intent: string;
    score: number;
    classifications: Array<{ intent: string; score: number }>;
  }
  export interface NlpInstance {
    settings: { autoSave?: boolean; log?: boolean };
    addLanguage(locale: string): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(locale: string, utterance: string): Promise<NlpResult>;
  }
  export const Nlp: unknown;
}

declare module '@nlpjs/lang-fr' {
  export const LangFr: unknown;
}

declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
}
