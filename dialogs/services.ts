import type { Clock } from '../data/clock.js';
import type { OfferCatalog } from '../data/offers/offerCatalog.js';
import type { IntentRecognizer } from './recognition/recognizer.js';

/** Everything the dialogs need from outside, injected so tests give each a stand-in. */
export interface DialogServices {
  catalog: OfferCatalog;
  clock: Clock;
  recognizer: IntentRecognizer;
}
