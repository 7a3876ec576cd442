import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { TestAdapter, TranscriptLoggerMiddleware, TurnContext, type Activity, type Middleware } from 'botbuilder';
import { MaskedTranscriptStore } from '../../bot/transcripts/maskedTranscriptStore.js';
import { transcriptMiddleware } from '../../bot/transcripts/transcriptLogging.js';
import { review, summarise, unansweredQuestions } from '../../data/transcripts/conversationReview.js';
import { TranscriptFiles } from '../../data/transcripts/transcriptFiles.js';
import { noumeaNoon } from '../helpers/offers.js';
import { testConversation, textsOf, type TestConversation } from '../helpers/testBot.js';

const JULY_5 = noumeaNoon('2026-07-05');

async function stored(bot: TestConversation) {
  await bot.transcripts.flush();
  return bot.transcripts.read('test', bot.adapter.conversation.conversation.id);
}

describe('every activity in and out goes to the transcript, masked', () => {
  it('logs the user, the bot and the turn outcome, masking personal data and keeping references', async () => {
    const bot = testConversation(JULY_5);
    await bot.say('détails 3134-26-0975/SR, écrivez-moi à jean.dupont@gmail.com ou au 26.79.28');
    const activities = await stored(bot);
    const user = activities.find((a) => a.from?.role === 'user');
    expect(user?.text).toBe('détails 3134-26-0975/SR, écrivez-moi à [EMAIL] ou au [TÉLÉPHONE]');
    expect(activities.some((a) => a.from?.role === 'bot' && a.type === 'message')).toBe(true);
    expect(activities.find((a) => a.type === 'trace')).toMatchObject({ name: 'JobAssistant.Outcome', value: { intent: 'OfferDetails', outcome: 'answered', language: 'fr' } });
    // No names, no channel data.
    expect(JSON.stringify(activities)).not.toContain('"name":"User"');
    expect(activities.every((a) => a.channelData === undefined)).toBe(true);
  });

  it('masks what escaped before, in the transcript, the alert kept for months and the conversation state', async () => {
    const bot = testConversation(JULY_5);
    await bot.say('préviens-moi quand une offre de développeur sort, au 26.79.28/79.12.34 ou à jean-98-1234@gmail.com');
    const text = JSON.stringify(await stored(bot));
    for (const clear of ['26.79.28', '79.12.34', 'jean-98-1234']) expect(text).not.toContain(clear);
    const alert = bot.proactive.all().find((r) => r.kind === 'alert');
    expect(alert).toBeDefined();
    expect(JSON.stringify(alert)).not.toMatch(/26\.79\.28|79\.12\.34|jean-98-1234/);
    await bot.say('offres en informatique, je suis née le 12/03/1985');
    expect(JSON.stringify(await bot.conversationData())).not.toContain('12/03/1985');
    expect(JSON.stringify(await stored(bot))).toContain('[DATE DE NAISSANCE]');
  });

  it('flags a fallback, an empty search and a request for a human; lists the unanswered questions', async () => {
    const bot = testConversation(JULY_5);
    await bot.say('quelle est la couleur du ciel ?');
    await bot.say('offres de boulanger à Lifou');
    await bot.say('je veux parler à un humain');
    const conversation = { channelId: 'test', conversationId: bot.adapter.conversation.conversation.id, activities: await stored(bot) };
    expect(summarise(conversation)).toMatchObject({ turns: 3, language: 'fr', flags: ['fallback', 'noResult', 'human'] });
    expect(review([conversation], { flag: 'noResult' })).toHaveLength(1);
    expect(review([conversation], { text: 'BOULANGER' })).toHaveLength(1);
    expect(review([conversation], { text: 'pâtissier' })).toHaveLength(0);
    expect(unansweredQuestions([conversation]).map((q) => [q.text, q.outcome])).toEqual(
      expect.arrayContaining([
        ['quelle est la couleur du ciel ?', 'fallback'],
        ['offres de boulanger à Lifou', 'noResult'],
      ]),
    );
  });

  it('logs proactive messages too, even when the continuation activity has no sender (SDK bug #3768)', async () => {
    const files = new TranscriptFiles(await mkdtemp(path.join(tmpdir(), 'transcripts-')));
    const store = new MaskedTranscriptStore(files);
    // A continue-conversation activity from a reference without a user: no `from`.
    const continuation = (): Partial<Activity> => ({ type: 'event', name: 'reminder', channelId: 'test', conversation: { id: 'proactive-1' } as Activity['conversation'], recipient: { id: 'bot', name: '' } });
    const adapter = new TestAdapter(async () => undefined);
    // The SDK's middleware alone throws on it.
    await expect(new TranscriptLoggerMiddleware(store).onTurn(new TurnContext(adapter, continuation()), async () => undefined)).rejects.toThrow(/role/);
    // With the guard in front, the turn runs and the bot's message is logged as the bot's.
    const [guard, logger] = transcriptMiddleware(store) as [Middleware, Middleware];
    const context = new TurnContext(adapter, continuation());
    await guard.onTurn(context, () =>
      logger.onTurn(context, async () => {
        await context.sendActivity({ type: 'message', text: 'Rappel : il vous reste 64 heures', from: { id: 'bot', name: '' } });
      }),
    );
    await files.flush();
    const logged = await files.read('test', 'proactive-1');
    expect(logged.find((a) => a.type === 'message')).toMatchObject({ text: 'Rappel : il vous reste 64 heures', from: { role: 'bot' } });
  });
});

describe('the transcript store', () => {
  it('appends per conversation, pages through 20 at a time, deletes by user and by age', async () => {
    const files = new TranscriptFiles(await mkdtemp(path.join(tmpdir(), 'transcripts-')));
    const store = new MaskedTranscriptStore(files);
    const at = (day: string, n: number) => new Date(`${day}T00:00:${String(n % 60).padStart(2, '0')}Z`);
    for (let i = 0; i < 45; i++) {
      await store.logActivity({ type: 'message', id: `m${i}`, channelId: 'webchat', conversation: { id: 'old' }, from: { id: 'alice', role: 'user' }, text: `${i}`, timestamp: at('2026-03-01', i) } as Activity);
    }
    await store.logActivity({ type: 'message', channelId: 'webchat', conversation: { id: 'new' }, from: { id: 'bob', role: 'user' }, text: 'bonjour', timestamp: at('2026-07-01', 0) } as Activity);
    const first = await store.getTranscriptActivities('webchat', 'old');
    expect(first.items).toHaveLength(20);
    const second = await store.getTranscriptActivities('webchat', 'old', first.continuationToken);
    const third = await store.getTranscriptActivities('webchat', 'old', second.continuationToken);
    expect([...first.items, ...second.items, ...third.items].map((a) => a.text)).toEqual(Array.from({ length: 45 }, (_, i) => `${i}`));
    expect(third.continuationToken).toBe('');
    expect((await store.listTranscripts('webchat')).items.map((t) => t.id)).toEqual(['old', 'new']);

    // Retention at an injected date: 90 days before 2026-07-05 is 2026-04-06.
    expect(await files.deleteOlderThan(new Date('2026-04-06T00:00:00Z'))).toBe(1);
    expect((await store.listTranscripts('webchat')).items.map((t) => t.id)).toEqual(['new']);
    expect(await files.deleteByUser('webchat', 'bob')).toBe(1);
    expect((await store.listTranscripts('webchat')).items).toEqual([]);
  });

  it('keeps the order of lines asked for all at once, two conversations interleaved, and masks each', async () => {
    const files = new TranscriptFiles(await mkdtemp(path.join(tmpdir(), 'transcripts-')));
    const store = new MaskedTranscriptStore(files);
    const line = (conversation: string, i: number) =>
      store.logActivity({ type: 'message', id: `${conversation}${i}`, channelId: 'webchat', conversation: { id: conversation }, from: { id: 'u', role: 'user' }, text: `${i} jean.dupont@gmail.com` } as Activity);
    // As the SDK's middleware does at the end of a turn: every activity asked for without waiting.
    const writes: Array<Promise<void>> = [];
    for (let i = 0; i < 30; i++) writes.push(line('a', i), line('b', i));
    await Promise.all(writes);
    for (const conversation of ['a', 'b']) {
      const texts = (await files.read('webchat', conversation)).map((a) => a.text);
      expect(texts).toEqual(Array.from({ length: 30 }, (_, i) => `${i} [EMAIL]`));
    }
    expect((await files.summaries()).map((s) => s.conversationId).sort()).toEqual(['a', 'b']);
  });
});

describe('privacy', () => {
  it('"confidentialité" says what is kept, how long, how to erase', async () => {
    const replies = await testConversation(JULY_5).say('confidentialité');
    expect(textsOf(replies)).toMatch(/pendant 90 jours[\s\S]*masqués[\s\S]*supprime mes données/);
  });

  it('"supprime mes données" asks, then erases transcripts, profile, reminders and alerts, and says what', async () => {
    const bot = testConversation(JULY_5);
    await bot.say('rappelle-moi 3 jours avant la date limite de la 0975');
    await bot.say('préviens-moi quand une offre de développeur sort');
    await bot.say('suis-je éligible à la 0939');
    await bot.say('non');
    expect(Object.keys(await bot.profile())).toEqual(['status']);
    expect(textsOf(await bot.say('supprime mes données'))).toMatch(/Confirmez-vous/);
    const done = await bot.say('Oui, supprimer');
    expect(textsOf(done)).toBe(
      "C'est fait. J'ai effacé : 1 conversation enregistrée, vos réponses aux questions d’éligibilité, 1 rappel et 1 alerte. Si vous m'écrivez de nouveau, cette nouvelle conversation sera enregistrée.",
    );
    expect(await bot.profile()).toEqual({});
    const remembered = await bot.conversationData();
    expect(remembered.lastSearch).toBeUndefined();
    expect(remembered.currentOffer).toBeUndefined();
    expect(bot.proactive.all().filter((r) => r.kind !== 'offersSeen')).toEqual([]);
    // Nothing left of the conversation, the erasing turn included.
    expect(await stored(bot)).toEqual([]);
  });

  it('"non" keeps everything', async () => {
    const bot = testConversation(JULY_5, { locale: 'en-US' });
    await bot.say('delete my data');
    expect(textsOf(await bot.say('No, keep'))).toBe('All right, I erase nothing.');
    expect((await stored(bot)).length).toBeGreaterThan(0);
  });
});

describe('asking for a person', () => {
  it('nobody signed in: a message for support, with the offer’s contact; the conversation is flagged', async () => {
    const bot = testConversation(JULY_5);
    await bot.say('détails 0975');
    expect(textsOf(await bot.say('je peux parler à quelqu’un ?'))).toMatch(/^Personne de l'équipe d'assistance n'est disponible[\s\S]*Pour l'offre 3134-26-0975\/SR, vous pouvez aussi joindre : .*@opt\.nc/);
    expect(textsOf(await bot.say('annuler'))).toMatch(/je ne transmets rien/);
    // "agent" as a job is a search, not a request for a person.
    expect(textsOf(await bot.say("offres d'agent d'exploitation"))).toMatch(/offres? ouvertes? correspond|aucune offre/i);
    const conversation = { channelId: 'test', conversationId: bot.adapter.conversation.conversation.id, activities: await stored(bot) };
    expect(summarise(conversation).flags).toContain('human');
  });

  it('in English too', async () => {
    expect(textsOf(await testConversation(JULY_5).say('can I talk to a human?'))).toMatch(/^Nobody from the support team is available right now/);
  });
});
