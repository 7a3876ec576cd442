import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ETagConflictError, FileStateStore } from '../../data/state/fileStateStore.js';

const newStore = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'state-'));
  return { dir, store: new FileStateStore(dir) };
};

describe('file state store', () => {
  it('keeps what is written across instances (a restart) and deletes on request', async () => {
    const { dir, store } = await newStore();
    await store.write({ 'webchat/conversations/a/b': { language: 'en' } });
    const again = new FileStateStore(dir);
    expect(await again.read(['webchat/conversations/a/b', 'other'])).toEqual({
      'webchat/conversations/a/b': { language: 'en', eTag: '1' },
    });
    await again.delete(['webchat/conversations/a/b']);
    expect(await again.read(['webchat/conversations/a/b'])).toEqual({});
    expect(await new FileStateStore(dir).read(['webchat/conversations/a/b'])).toEqual({});
  });

  it('refuses a write based on a stale eTag, and accepts "*"', async () => {
    const { store } = await newStore();
    await store.write({ k: { n: 1 } });
    await store.write({ k: { n: 2, eTag: '1' } });
    await expect(store.write({ k: { n: 3, eTag: '1' } })).rejects.toBeInstanceOf(ETagConflictError);
    await store.write({ k: { n: 4, eTag: '*' } });
    expect((await store.read(['k'])).k).toEqual({ n: 4, eTag: '3' });
  });

  it('serialises concurrent writes to one key and leaves no temporary file', async () => {
    const { dir, store } = await newStore();
    await Promise.all(Array.from({ length: 20 }, (_, n) => store.write({ k: { n } })));
    expect((await store.read(['k'])).k?.eTag).toBe('20');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('names files by a hash, so an id cannot reach outside the folder', async () => {
    const { dir, store } = await newStore();
    await store.write({ '../../etc/passwd': { x: 1 } });
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{64}\.json$/);
  });
});
