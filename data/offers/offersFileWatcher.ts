import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/**
 * Hears of HR's changes to the offers file: watches the file's folder (editors and atomic writes
 * replace the file by a rename, which a watch on the file itself would lose) and waits for the writes
 * to settle before calling `changed`.
 */
export function watchOffersFile(file: string, changed: () => void, settleMs = 300): { close(): void } {
  const name = path.basename(file);
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(path.dirname(file), (_event, touched) => {
    if (touched !== null && touched.toString() !== name) return;
    clearTimeout(timer);
    timer = setTimeout(changed, settleMs);
  });
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
