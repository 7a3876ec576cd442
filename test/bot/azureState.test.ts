import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { ContainerClient } from '@azure/storage-blob';
import { ConversationLock } from '../../bot/storage/conversationLock.js';
import { LazyContainer } from '../../data/storage/blobContainer.js';
import { startAzurite, type RunningAzurite } from '../helpers/azurite.js';
import { noumeaNoon } from '../helpers/offers.js';
import { cardsOf, cardText, testConversation, textsOf } from '../helpers/testBot.js';

/**
 * Two instances of the bot sharing nothing but a storage account (Azurite, started here): the same
 * conversation's turns alternate between them, or arrive on both at once.
 */
let azurite: RunningAzurite;
const JULY_5 = noumeaNoon('2026-07-05');

beforeAll(async () => {
  azurite = await startAzurite();
}, 30000);

/** The instances' locks: each lets go of its last lease before Azurite stops. */
const locks: ConversationLock[] = [];

afterAll(async () => {
  await Promise.all(locks.map((lock) => lock.settled()));
  await azurite?.stop();
});

/** One instance, as bot/app.ts makes it: its own storage clients, lock and copies of states, on the shared account. */
function instance(container: string, conversations: { get(): Promise<ContainerClient> } = new LazyContainer(azurite.connectionString, `${container}-conversations`)) {
  const lock = new ConversationLock(conversations);
  locks.push(lock);
  const conversationStorage = lock.stateStore();
  const conversation = testConversation(JULY_5, {
    storage: new BlobsStorage(azurite.connectionString, container),
    conversationStorage,
    middleware: [lock],
  });
  return Object.assign(conversation, { conversationStorage });
}

/**
 * The conversations' container, counting the leases granted, those refused (held by another turn), the states
 * read and those found unchanged; `asked` lists the requests in the order they went and the grants as they came.
 */
function countingRequests(container: string) {
  const real = new LazyContainer(azurite.connectionString, container);
  const counted = { granted: 0, refused: 0, read: 0, unchanged: 0, asked: [] as string[] };
  const get = async () => {
    const client = await real.get();
    return new Proxy(client, {
      get(target, property, receiver) {
        if (property !== 'getBlockBlobClient') return Reflect.get(target, property, receiver) as unknown;
        return (name: string) => {
          const blob = target.getBlockBlobClient(name);
          const download = blob.download.bind(blob);
          // A state read; a conditional one answered 304 (unchanged since this instance's copy) is not one.
          blob.download = async (...downloadArgs) => {
            counted.asked.push(`download ${name}`);
            try {
              const downloaded = await download(...downloadArgs);
              counted.read += 1;
              return downloaded;
            } catch (error) {
              if ((error as { statusCode?: number }).statusCode === 304) counted.unchanged += 1;
              throw error;
            }
          };
          const leaseClient = blob.getBlobLeaseClient.bind(blob);
          blob.getBlobLeaseClient = (...args) => {
            const lease = leaseClient(...args);
            const acquire = lease.acquireLease.bind(lease);
            lease.acquireLease = async (...leaseArgs) => {
              counted.asked.push(`lease ${name}`);
              try {
                const granted = await acquire(...leaseArgs);
                counted.asked.push(`granted ${name}`);
                counted.granted += 1;
                return granted;
              } catch (error) {
                if ((error as { statusCode?: number }).statusCode === 409) counted.refused += 1;
                throw error;
              }
            };
            return lease;
          };
          return blob;
        };
      },
    });
  };
  return { container: { get }, counted };
}

describe('conversation and user state on Azure Blobs, shared by instances', () => {
  it('an eligibility check whose turns alternate between two instances keeps every answer', async () => {
    const [a, b] = [instance('alternate'), instance('alternate')];
    expect(textsOf(await a.say('suis-je éligible à la 0975 ?'))).toMatch(/déjà fonctionnaire/);
    expect(textsOf(await b.say('non'))).toMatch(/citoyen/);
    expect(textsOf(await a.say('non'))).toMatch(/nationalité française/);
    expect(textsOf(await b.say('oui'))).toMatch(/Pour quel grade/);
    expect(textsOf(await a.say('Ingénieur 2ème grade'))).toMatch(/Depuis quand/);
    expect(textsOf(await b.say('depuis 2019'))).toMatch(/plus haut diplôme/);
    const [verdict] = cardsOf(await a.say('Bac+3'));
    expect(cardText(verdict)).toMatch(/^Vous pouvez postuler/);
    expect(await b.profile()).toEqual({ status: 'external', citizen: false, french: true, residenceSince: '2019-01-01', residencePrecision: 'year', education: 3 });
  }, 60000);

  it('an activity sent again to another instance, after the first had written its turn, is not handled twice', async () => {
    const [a, b] = [instance('again'), instance('again')];
    expect(textsOf(await a.say('suis-je éligible à la 0975 ?'))).toMatch(/déjà fonctionnaire/);
    expect(textsOf(await a.say({ text: 'non', id: 'delivery-2' }))).toMatch(/citoyen/);
    // The channel had no answer to its POST (the instance died) and sends the same activity to b.
    expect(await b.say({ text: 'non', id: 'delivery-2' })).toEqual([]);
    // The next answer is read against the question on screen, not the one after it.
    expect(textsOf(await b.say('non'))).toMatch(/nationalité française/);
    // Web Chat's own id of a message, kept when the copy gets another id from the channel.
    expect(textsOf(await a.say({ text: 'oui', id: 'delivery-4', channelData: { clientActivityID: 'client-4' } }))).toMatch(/Pour quel grade/);
    expect(await b.say({ text: 'oui', id: 'delivery-4-copy', channelData: { clientActivityID: 'client-4' } })).toEqual([]);
    expect(textsOf(await b.say('Ingénieur 2ème grade'))).toMatch(/Depuis quand/);
    expect((await a.profile()).french).toBe(true);
  }, 60000);

  it('two turns of one conversation at once on two instances: one after the other, neither lost', async () => {
    const [a, b] = [instance('together'), instance('together')];
    await a.say('bonjour');
    for (let round = 0; round < 3; round += 1) {
      await Promise.all([a.say(`offres à Nouméa ${round}`), b.say(`offres à Koné ${round}`)]);
    }
    const remembered = (await a.conversationData()).recentMessages ?? [];
    // The last five messages, every one of them: no turn wrote over another's.
    expect(remembered).toHaveLength(5);
    for (const round of [1, 2]) {
      expect(remembered).toContain(`offres à Nouméa ${round}`);
      expect(remembered).toContain(`offres à Koné ${round}`);
    }
  }, 60000);

  it('turns of one conversation at once on one instance: in line, none lost, the lease handed from one to the next', async () => {
    const { container, counted } = countingRequests('in-line-conversations');
    const a = instance('in-line', container);
    await a.say('bonjour');
    expect(counted).toMatchObject({ granted: 1, refused: 0 });
    const places = ['Nouméa', 'Koné', 'Lifou', 'Bourail'];
    await Promise.all(places.map((place) => a.say(`offres à ${place}`)));
    // Granted once for the four, never refused: each turn that ended left the lease to the next one waiting.
    expect(counted).toMatchObject({ granted: 2, refused: 0 });
    const remembered = (await a.conversationData()).recentMessages ?? [];
    for (const place of places) expect(remembered).toContain(`offres à ${place}`);
    // The conversation's turns were here: its lease is kept a moment for the next, which comes right after.
    await a.say('offres à Thio');
    expect(counted).toMatchObject({ granted: 2, refused: 0 });
    // Let go when nobody comes: the next turn, here or on another instance, gets it.
    await sleep(200);
    expect(textsOf(await instance('in-line').say('offres à Poya'))).toMatch(/offre/i);
    await sleep(200);
    await a.say('offres à Poindimié');
    expect(counted).toMatchObject({ granted: 3, refused: 0 });
  }, 60000);

  it('a conversation whose turns go from one instance to the other: each lets go of the lease at once', async () => {
    const { container, counted } = countingRequests('kept-conversations');
    const [a, b] = [instance('kept', container), instance('kept', container)];
    await a.say('offres à Nouméa');
    await a.say('offres à Koné');
    // Kept a moment after a turn that followed one here: the other instance is refused, and asks again.
    await b.say('offres à Lifou');
    expect(counted.refused).toBeGreaterThan(0);
    const refused = counted.refused;
    for (let round = 0; round < 4; round += 1) await (round % 2 ? b : a).say(`offres à Bourail ${round}`);
    // Each turn followed one on the other instance: no lease kept, none refused.
    expect(counted).toMatchObject({ granted: 7, refused });
    expect((await a.conversationData()).recentMessages).toEqual(['offres à Lifou', 'offres à Bourail 0', 'offres à Bourail 1', 'offres à Bourail 2', 'offres à Bourail 3']);
  }, 60000);

  it("a conversation's state is read from Azure only when another instance wrote it since this one did", async () => {
    const { container, counted } = countingRequests('copies-conversations');
    const a = instance('copies', container);
    const b = instance('copies', container);
    expect(textsOf(await a.say('suis-je éligible à la 0975 ?'))).toMatch(/déjà fonctionnaire/);
    const first = counted.read;
    // The conversation's first turn made its blob, empty: nothing to read.
    expect(first).toBe(0);
    // Its next turns come to the same instance: the lease's ETag is its own write's, its copy is read.
    expect(textsOf(await a.say('non'))).toMatch(/citoyen/);
    expect(textsOf(await a.say('non'))).toMatch(/nationalité française/);
    expect(counted.read).toBe(first);
    // Another instance wrote meanwhile: the ETags differ and each reads what the other wrote.
    expect(textsOf(await b.say('oui'))).toMatch(/Pour quel grade/);
    expect(counted.read).toBe(first + 1);
    expect(textsOf(await a.say('Ingénieur 2ème grade'))).toMatch(/Depuis quand/);
    expect(counted.read).toBe(first + 2);
    expect(textsOf(await a.say('depuis 2019'))).toMatch(/plus haut diplôme/);
    expect(counted.read).toBe(first + 2);
  }, 60000);

  it('turns that keep moving between instances: each reads the state while it asks for the lease, once', async () => {
    const { container, counted } = countingRequests('ahead-conversations');
    const [a, b] = [instance('ahead', container), instance('ahead', container)];
    const answers = ['non', 'non', 'oui', 'Ingénieur 2ème grade', 'depuis 2019'];
    expect(textsOf(await a.say('suis-je éligible à la 0975 ?'))).toMatch(/déjà fonctionnaire/);
    const turns: string[][] = [];
    for (const [i, answer] of answers.entries()) {
      const from = counted.asked.length;
      const read = counted.read;
      await (i % 2 ? a : b).say(answer);
      turns.push(counted.asked.slice(from));
      // One read of what the other instance wrote, never two.
      expect(counted.read).toBe(read + 1);
    }
    // Once the conversation has shown it moves (the first turn of each instance found the other's
    // state), the read goes out before the lease is granted, not after.
    for (const asked of turns.slice(2)) {
      expect(asked.findIndex((request) => request.startsWith('download'))).toBeLessThan(asked.findIndex((request) => request.startsWith('granted')));
    }
    expect(cardText(cardsOf(await a.say('Bac+3'))[0])).toMatch(/^Vous pouvez postuler/);
    // The same instance again after a pause (its lease let go): the read beside the lease asks only whether
    // the blob changed since this instance's copy, and the 304 leaves the copy to serve.
    await sleep(200);
    const { read, unchanged } = counted;
    expect(textsOf(await a.say('offres à Koné'))).toMatch(/offre/i);
    expect(counted).toMatchObject({ read, unchanged: unchanged + 1 });
    expect((await a.conversationData()).recentMessages).toContain('offres à Koné');
  }, 60000);

  it('a failed turn resets the conversation under its lease, and the next turn starts afresh', async () => {
    const a = instance('reset');
    expect(textsOf(await a.say('suis-je éligible à la 0975 ?'))).toMatch(/déjà fonctionnaire/);
    expect((await a.conversationData()).recentMessages).toContain('suis-je éligible à la 0975 ?');
    // As the adapter does after a failed turn (bot/adapter.ts): outside the turn, so the store takes the lease itself.
    await a.conversationStorage.delete([a.conversationKey()]);
    expect(await a.conversationData()).toEqual({});
    expect(textsOf(await a.say('non'))).not.toMatch(/citoyen/);
  }, 60000);
});
