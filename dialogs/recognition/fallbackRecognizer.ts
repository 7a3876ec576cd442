import type { IntentRecognizer, Recognition } from './recognizer.js';

/**
 * A cloud recogniser with the embedded one behind it: when the first fails or times out, the
 * second answers and the outage is reported, never shown to the user.
 */
export class FallbackRecognizer implements IntentRecognizer {
  constructor(
    private readonly primary: IntentRecognizer,
    private readonly fallback: IntentRecognizer,
    private readonly onFallback: (error: unknown) => void,
  ) {}

  async recognize(text: string, language: 'fr' | 'en'): Promise<Recognition> {
    try {
      return await this.primary.recognize(text, language);
    } catch (error) {
      this.onFallback(error);
      return this.fallback.recognize(text, language);
    }
  }
}
