import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { JournaledRecords } from '../../data/state/journaledRecords.js';

interface Note {
  id: string;
  text: string;
}
const accept = (value: unknown): Note | undefined => {
  const v = value as Partial<Note> | null;
  return v && typeof v.id === 'string' && typeof v.text === 'string' ? { id: v.id, text: v.text } : undefined;
};

async function folder() {
  return mkdtemp(path.join(tmpdir(), 'journal-'));
}

describe('records saved as a snapshot and a journal', () => {
  it('keeps every change across a restart, in order', async () => {
    const file = path.join(await folder(), 'notes.json');
    const { store } = await JournaledRecords.open(file, accept);
    await store.put({ id: 'a', text: 'one' }, { id: 'b', text: 'two' });
    await store.put({ id: 'a', text: 'three' });
    await store.remove('b');
    const { store: again, report } = await JournaledRecords.open(file, accept);
    expect(report).toEqual({ records: 1, skipped: 0 });
    expect(again.all()).toEqual([{ id: 'a', text: 'three' }]);
  });

  it('appends one line per change instead of rewriting the file', async () => {
    const file = path.join(await folder(), 'notes.json');
    const { store } = await JournaledRecords.open(file, accept);
    for (let i = 0; i < 5; i += 1) await store.put({ id: `n${i}`, text: 'x' });
    expect((await readFile(`${file}.journal`, 'utf8')).trim().split('\n')).toHaveLength(5);
    expect(await readFile(file, 'utf8')).toBe('[]');
  });

  it('a line torn by a crash mid-write is skipped; everything before it is kept', async () => {
    const file = path.join(await folder(), 'notes.json');
    const { store } = await JournaledRecords.open(file, accept);
    await store.put({ id: 'a', text: 'kept' });
    await appendFile(`${file}.journal`, '{"put":[{"id":"b","te');
    const { store: again, report } = await JournaledRecords.open(file, accept);
    expect(report).toEqual({ records: 1, skipped: 1 });
    expect(again.all()).toEqual([{ id: 'a', text: 'kept' }]);
    // The next start begins from a clean snapshot.
    expect(await readFile(`${file}.journal`, 'utf8')).toBe('');
  });

  it('a damaged snapshot stops the start with a clear message rather than losing records', async () => {
    const file = path.join(await folder(), 'notes.json');
    await writeFile(file, '[{"id": "a", ');
    await expect(JournaledRecords.open(file, accept)).rejects.toThrow(/notes\.json is not JSON/);
  });
});

describe('erasure', () => {
  it('purge leaves no line of the records on disk, journal included', async () => {
    const file = path.join(await folder(), 'notes.json');
    const { store } = await JournaledRecords.open(file, accept);
    await store.put({ id: 'a', text: 'jean.dupont' }, { id: 'b', text: 'kept' });
    await store.remove('b');
    await store.put({ id: 'b', text: 'kept' });
    await store.purge('a');
    const onDisk = (await readFile(file, 'utf8')) + (await readFile(`${file}.journal`, 'utf8'));
    expect(onDisk).not.toContain('jean.dupont');
    expect((await JournaledRecords.open(file, accept)).store.all()).toEqual([{ id: 'b', text: 'kept' }]);
  });
});

describe('a write that fails (a full disk, a file in the way)', () => {
  it('rejects that change alone; the next write saves it with the rest', async () => {
    const dir = await folder();
    const file = path.join(dir, 'notes.json');
    const { store } = await JournaledRecords.open(file, accept);
    await store.put({ id: 'a', text: 'one' });
    // The journal becomes a folder: appending to it fails as a full disk would.
    await rm(`${file}.journal`);
    await mkdir(`${file}.journal`);
    await expect(store.put({ id: 'b', text: 'two' })).rejects.toThrow();
    await expect(store.flush()).rejects.toThrow();
    expect(store.get('b')).toEqual({ id: 'b', text: 'two' });
    // The disk is back: the next change goes through, and the one that failed is on disk too.
    await rm(`${file}.journal`, { recursive: true });
    await store.put({ id: 'c', text: 'three' });
    await store.flush();
    const { store: again } = await JournaledRecords.open(file, accept);
    expect(again.all().map((n) => n.id).sort()).toEqual(['a', 'b', 'c']);
  });
});
