/** Blobs written or read at once: enough to overlap round trips, few enough not to flood the account. */
const PARALLEL = 16;

export async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += PARALLEL) await Promise.all(items.slice(start, start + PARALLEL).map(work));
}
