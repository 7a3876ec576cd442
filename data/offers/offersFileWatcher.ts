import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { OfferCatalog, OfferSnapshot } from './offerCatalog.js';

/**
 * Puts HR's changes live without a restart: watches the offers file's folder (editors and atomic
 * writes replace the file by a rename, which a watch on the file itself would lose), waits for the
 * writes to settle, then reloads. A valid file replaces the offers in one swap; an invalid one is
 * refused and the last good offers stay.
 */
export interface WatchOptions {
  /** Quiet time after the last change before reading: an editor saves in several writes. */
  settleMs?: number;
  onReloaded?: (snapshot: OfferSnapshot) => void;
  onRefused?: (error: unknown) => void;
}

export function watchOffersFile(file: string, catalog: OfferCatalog, options: WatchOptions = {}): { close(): void } {
  const settleMs = options.settleMs ?? 300;
  const name = path.basename(file);
  let timer: NodeJS.Timeout | undefined;
  let reloading: Promise<void> = Promise.resolve();

  const reload = () => {
    // One reload at a time, in the order of the changes.
    reloading = reloading.then(async () => {
      try {
        options.onReloaded?.(await catalog.reload());
      } catch (error) {
        options.onRefused?.(error);
      }
    });
  };

  const watcher: FSWatcher = watch(path.dirname(file), (_event, changed) => {
    if (changed !== null && changed.toString() !== name) return;
    clearTimeout(timer);
    timer = setTimeout(reload, settleMs);
  });
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
