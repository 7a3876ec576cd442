import { describe, expect, it } from '@jest/globals';
import { noumeaNoon } from '../helpers/offers.js';
import { cardProblems } from '../helpers/cards.js';
import { cardsOf, cardText, testConversation, textsOf } from '../helpers/testBot.js';

const JULY_5 = noumeaNoon('2026-07-05');
const teams = { channelId: 'msteams', recipient: { id: 'bot', name: 'Assistant emploi' } };

describe('in Microsoft Teams', () => {
  it('welcomes when the app is installed (the bot itself is added)', async () => {
    const bot = testConversation(JULY_5);
    await bot.adapter.receiveActivity({ type: 'conversationUpdate', ...teams, membersAdded: [{ id: 'bot', name: 'Assistant emploi' }] });
    const replies = bot.adapter.activeQueue.splice(0);
    expect(textsOf(replies)).toMatch(/^Bonjour ! Je suis l'assistant emploi/);
  });

  it('keeps the conversation reference of the installed app, for reminders to come', async () => {
    const bot = testConversation(JULY_5);
    await bot.adapter.receiveActivity({
      type: 'conversationUpdate',
      ...teams,
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      membersAdded: [{ id: 'bot', name: 'Assistant emploi' }],
    });
    const stored = await bot.conversationData('msteams');
    expect(stored.reference).toMatchObject({
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      bot: { id: 'bot' },
    });
  });

  it('reads a channel message without its @mention of the bot', async () => {
    const bot = testConversation(JULY_5);
    const replies = await bot.say({
      ...teams,
      text: '<at>Assistant emploi</at> offres en informatique',
      entities: [{ type: 'mention', mentioned: { id: 'bot', name: 'Assistant emploi' }, text: '<at>Assistant emploi</at>' }],
    });
    expect(textsOf(replies)).toContain('offres ouvertes correspondent à « offres en informatique »');
    expect(cardsOf(replies).length).toBeGreaterThan(0);
  });

  it('handles an Adaptive Card button exactly as the typed question, in the Teams locale', async () => {
    const bot = testConversation(JULY_5);
    const replies = await bot.say({ ...teams, locale: 'en-US', value: { action: 'deadline', reference: '3134-26-1010/SR' } });
    expect(textsOf(replies)).toContain('until the end of Friday 24 July 2026');
    const details = await bot.say({ ...teams, value: { action: 'details', reference: '3134-26-1010/SR' } });
    expect(cardText(cardsOf(details)[0])).toContain('3134-26-1010/SR');
  });

  async function invoke(name: string, value: unknown) {
    const bot = testConversation(JULY_5);
    await bot.adapter.receiveActivity({ type: 'invoke', name, value, ...teams });
    const response = bot.adapter.activeQueue.splice(0).find((a) => a.type === 'invokeResponse');
    return response?.value as { status: number; body: { composeExtension?: { attachments: Array<{ content: unknown; preview?: { content: { title: string } } }> } } };
  }

  it('answers a search from the compose box with offer cards and previews', async () => {
    const response = await invoke('composeExtension/query', { commandId: 'searchOffers', parameters: [{ name: 'searchQuery', value: 'informatique' }] });
    expect(response.status).toBe(200);
    const attachments = response.body.composeExtension?.attachments ?? [];
    expect(attachments.length).toBeGreaterThan(0);
    expect(attachments.map((a) => a.preview?.content.title)).toContain("Concepteur-Développeur d'Applications SI Postal");
    for (const a of attachments) expect(cardProblems(a.content)).toEqual([]);
  });

  it('lists open offers when the compose box opens (no words yet)', async () => {
    const response = await invoke('composeExtension/query', { commandId: 'searchOffers', parameters: [{ name: 'initialRun', value: 'true' }] });
    expect(response.body.composeExtension?.attachments).toHaveLength(9);
  });

  it('unfurls a link to an offer into its card, and ignores other links', async () => {
    const offer = await invoke('composeExtension/queryLink', { url: 'https://emploi.example.nc/offres/3134-26-1010-SR' });
    const [card] = offer.body.composeExtension?.attachments ?? [];
    expect(cardText(card?.content)).toContain('3134-26-1010/SR');
    const other = await invoke('composeExtension/queryLink', { url: 'https://emploi.example.nc/about' });
    expect(other.body.composeExtension).toBeUndefined();
  });
});
