import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { BlobTranscripts } from '../../bot/storage/blobTranscripts.js';
import { ConversationLock } from '../../bot/storage/conversationLock.js';
import { LazyContainer } from '../../data/storage/blobContainer.js';
import type { TranscriptArchive } from '../../data/transcripts/transcriptArchive.js';
import { TranscriptFiles, type LoggedActivity } from '../../data/transcripts/transcriptFiles.js';
import { startAzurite, type RunningAzurite } from '../helpers/azurite.js';
import { noumeaNoon } from '../helpers/offers.js';
import { testConversation, textsOf } from '../helpers/testBot.js';

/**
 * The transcript archive, on files and on Azure append blobs (Azurite, started here): the same
 * behaviour through the same face; and on blobs, two instances that see each other's conversations.
 */
let azurite: RunningAzurite;
let containers = 0;

beforeAll(async () => {
  azurite = await startAzurite();
}, 30000);

afterAll(async () => {
  await azurite?.stop();
});

const blobs = (name = `transcripts-${(containers += 1)}`) => new BlobTranscripts(azurite.connectionString, name);
const files = () => new TranscriptFiles(mkdtempSync(path.join(tmpdir(), 'archive-')));

function said(conversation: string, user: string, text: string, at: string, channelId = 'webchat'): LoggedActivity {
  return { type: 'message', channelId, conversation: { id: conversation }, from: { id: user, role: 'user' }, text, timestamp: at };
}

describe.each([
  ['files', files],
  ['Azure blobs', () => blobs()],
])('the transcript archive on %s', (_name, make: () => TranscriptArchive) => {
  it('keeps each conversation in order, lists it, erases by user and by age', async () => {
    const archive = make();
    // 60 activities asked at once, as a busy turn and the proactive sender do: in order all the same.
    await Promise.all(Array.from({ length: 60 }, (_, i) => archive.append(said('a:1/x', 'alice', `message ${i}`, `2026-07-01T00:00:${String(i).padStart(2, '0')}.000Z`))));
    // A Teams id too long for a name: kept under its hash, read back whole.
    const long = `29:${'y'.repeat(400)}`;
    await archive.append(said(long, 'bob', 'bonjour', '2026-03-01T00:00:00.000Z', 'msteams'));
    await archive.append(said('c', 'bob', 'hello', '2026-07-02T00:00:00.000Z'));
    await archive.flush();

    expect((await archive.read('webchat', 'a:1/x')).map((a) => a.text)).toEqual(Array.from({ length: 60 }, (_, i) => `message ${i}`));
    expect(await archive.conversationIds('msteams')).toEqual([{ channelId: 'msteams', conversationId: long }]);
    const lines = await archive.summaries();
    expect(lines.map((l) => [l.conversationId, l.turns]).sort()).toEqual([['a:1/x', 60], ['c', 1], [long, 1]].sort());
    expect((await archive.all('webchat')).map((c) => c.activities.length).sort((x, y) => x - y)).toEqual([1, 60]);

    expect(await archive.deleteByUser('webchat', 'bob')).toBe(1);
    expect(await archive.read('webchat', 'c')).toEqual([]);
    // Retention: the Teams conversation of March goes, July's stays.
    expect(await archive.deleteOlderThan(new Date('2026-04-06T00:00:00Z'))).toBe(1);
    expect((await archive.summaries()).map((l) => l.conversationId)).toEqual(['a:1/x']);

    // A conversation erased and begun again holds only what came after.
    await archive.delete('webchat', 'a:1/x');
    await archive.append(said('a:1/x', 'alice', 'de nouveau', '2026-07-03T00:00:00.000Z'));
    await archive.flush();
    expect((await archive.summaries()).map((l) => [l.conversationId, l.turns])).toEqual([['a:1/x', 1]]);
    await archive.close();
  }, 30000);
});

describe('transcripts in Azure blobs, shared by instances', () => {
  it('a second instance lists what the first wrote, and what it added since', async () => {
    const [a, b] = [blobs('shared-lines'), blobs('shared-lines')];
    await a.append(said('conv', 'alice', 'offres en informatique', '2026-07-01T00:00:00.000Z'));
    await a.flush();
    expect((await b.summaries()).map((l) => l.turns)).toEqual([1]);
    await a.append(said('conv', 'alice', 'je veux parler à un humain', '2026-07-01T00:01:00.000Z'));
    await a.flush();
    expect(await b.summaries()).toEqual([expect.objectContaining({ conversationId: 'conv', turns: 2, flags: ['human'], lastAt: '2026-07-01T00:01:00.000Z' })]);
  });

  it('a conversation served by two instances: one masked transcript, which an erasure on either removes', async () => {
    const JULY_5 = noumeaNoon('2026-07-05');
    const instance = () =>
      testConversation(JULY_5, {
        storage: new BlobsStorage(azurite.connectionString, 'erasure-state'),
        middleware: [new ConversationLock(new LazyContainer(azurite.connectionString, 'erasure-locks'))],
        transcripts: blobs('erasure-transcripts'),
      });
    const [a, b] = [instance(), instance()];
    await a.say('offres en informatique, écrivez-moi à jean.dupont@gmail.com');
    await b.say('détails 0975');
    await b.transcripts.flush();
    const lines = await a.transcripts.summaries();
    expect(lines).toEqual([expect.objectContaining({ channelId: 'test', turns: 2 })]);
    const stored = await a.transcripts.read('test', lines[0]!.conversationId);
    expect(stored.find((x) => x.from?.role === 'user')?.text).toBe('offres en informatique, écrivez-moi à [EMAIL]');
    expect(JSON.stringify(stored)).not.toContain('jean.dupont');

    expect(textsOf(await a.say('supprime mes données'))).toMatch(/Confirmez-vous/);
    expect(textsOf(await b.say('Oui, supprimer'))).toMatch(/1 conversation enregistrée/);
    expect(await a.transcripts.summaries()).toEqual([]);
  }, 60000);
});
