import type { OfferCatalog, OfferSnapshot } from './offerCatalog.js';
import type { OffersHome } from './offersHome.js';

/**
 * Puts HR's changes live without a restart: on each change the home reports, the offers are read
 * again. A valid file replaces the offers in one swap; an invalid one is refused and the last good
 * offers stay.
 */
export interface ReloadOptions {
  onReloaded?: (snapshot: OfferSnapshot) => void;
  onRefused?: (error: unknown) => void;
}

export function reloadOnChange(home: OffersHome, catalog: OfferCatalog, options: ReloadOptions = {}): { close(): void } {
  let reloading: Promise<void> = Promise.resolve();
  return home.watch(() => {
    // One reload at a time, in the order of the changes.
    reloading = reloading.then(async () => {
      try {
        options.onReloaded?.(await catalog.reload());
      } catch (error) {
        options.onRefused?.(error);
      }
    });
  });
}
