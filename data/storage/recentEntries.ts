/**
 * The rule of every bounded cache here (copies of states, leases let go, masked texts, connector
 * clients): an entry set now is the most recent, and past `limit` entries the oldest is forgotten.
 * A Map keeps its keys in the order they were set, so the oldest is its first.
 */
export function rememberRecent<K, V>(entries: Map<K, V>, key: K, value: V, limit: number): void {
  entries.delete(key);
  entries.set(key, value);
  if (entries.size > limit) {
    const oldest = entries.keys().next();
    if (!oldest.done) entries.delete(oldest.value);
  }
}
