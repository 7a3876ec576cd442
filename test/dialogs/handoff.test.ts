import { describe, expect, it } from '@jest/globals';
import { HandoffEventNames } from 'botbuilder';
import { parseSupportHours } from '../../data/handoff/supportHours.js';
import { noumeaNoon } from '../helpers/offers.js';
import { testConversation, textsOf } from '../helpers/testBot.js';

const JULY_6 = noumeaNoon('2026-07-06'); // a Monday, noon in Nouméa

/** A conversation whose support desk has a staff member signed in (as the review page marks them). */
function withStaff(now = JULY_6, hours = 'mon-fri 07:30-16:00') {
  const bot = testConversation(now, { support: { hours: parseSupportHours(hours) } });
  bot.support.presence.mark('marie.dupont', now);
  return bot;
}

describe('asking for a person, with support on duty', () => {
  it('queues the request with the last messages (masked) and the offer; the bot then keeps quiet; "fin" brings it back', async () => {
    const bot = withStaff();
    await bot.say('détails 0975');
    await bot.say('mon courriel est jean.dupont@gmail.com');
    expect(textsOf(await bot.say('je veux parler à un conseiller'))).toMatch(/^Je transmets votre demande à l'équipe d'assistance[\s\S]*moins de 10 minutes/);
    const [request] = bot.support.store.all();
    expect(request).toMatchObject({ status: 'waiting', offer: { reference: '3134-26-0975/SR' }, recipient: { language: 'fr' } });
    expect(JSON.stringify(request)).not.toContain('jean.dupont@gmail.com');
    // The user's words go to the person; the bot does not answer in their place.
    expect(await bot.say('offres à Nouméa')).toEqual([]);
    expect(bot.support.store.all()[0]?.messages.at(-1)).toMatchObject({ from: 'user', text: 'offres à Nouméa' });
    expect(textsOf(await bot.say('je veux parler à quelqu’un'))).toBe('');
    expect(textsOf(await bot.say('fin'))).toMatch(/c'est de nouveau l'assistant automatique/);
    expect(bot.support.store.all()[0]).toMatchObject({ status: 'ended', endedBy: 'user' });
    expect(textsOf(await bot.say('offres à Nouméa'))).toMatch(/offres? ouvertes?/);
  });

  it('a request the staff ended, or nobody took in time, gives the conversation back to the bot', async () => {
    const bot = withStaff();
    await bot.say('je veux parler à un conseiller');
    const [request] = bot.support.store.all();
    await bot.support.store.put({ ...request!, status: 'message' });
    expect(textsOf(await bot.say('offres à Nouméa'))).toMatch(/offres? ouvertes?/);
  });

  it('in English, out of hours: a message for support, kept masked, answered later', async () => {
    const evening = new Date('2026-07-06T09:30:00Z'); // 20:30 in Nouméa
    const bot = withStaff(evening);
    const replies = await bot.say({ text: 'can I speak to a person?', locale: 'en-US' });
    expect(textsOf(replies)).toMatch(/^Nobody from the support team is available right now \(hours: Monday to Friday 07:30–16:00, Nouméa time\)/);
    expect(textsOf(await bot.say({ text: 'Please call me on 77 12 34 about my file', locale: 'en-US' }))).toMatch(/^Your message is with the support team/);
    const [left] = bot.support.store.all();
    expect(left?.status).toBe('message');
    expect(left?.messages.at(-1)?.text).not.toContain('77 12 34');
    // The bot answers again at once.
    expect(textsOf(await bot.say({ text: 'nurse jobs', locale: 'en-US' }))).not.toBe('');
  });

  it('in Teams too: the request remembers the Teams conversation to answer in', async () => {
    const bot = withStaff();
    const replies = await bot.say({ text: 'je veux parler à un conseiller', channelId: 'msteams', conversation: { id: 'a:teams-chat', isGroup: false, conversationType: 'personal', name: '' } });
    expect(textsOf(replies)).toMatch(/^Je transmets votre demande/);
    expect(bot.support.store.all()[0]).toMatchObject({ channelId: 'msteams', conversationId: 'a:teams-chat', recipient: { address: { channelId: 'msteams' } } });
  });

  it('"supprime mes données" deletes the requests and messages left for support', async () => {
    const bot = withStaff();
    await bot.say('je veux parler à un conseiller');
    await bot.say('Rappelez-moi svp');
    // Said during the handoff, it is for the bot: the handoff ends and the erasure is asked.
    expect(textsOf(await bot.say('supprime mes données'))).toMatch(/effacer|supprimer/i);
    await bot.say('oui');
    expect(bot.support.store.all()).toEqual([]);
    expect((await bot.conversationData()).recentMessages).toBeUndefined();
  });
});

describe('the Bot Framework handoff protocol (an agent hub)', () => {
  it('sends handoff.initiate with the context, keeps quiet, and answers again on handoff.status "completed"', async () => {
    const bot = testConversation(JULY_6, { support: { mode: 'hub' } });
    await bot.say('infirmier');
    await bot.say('je veux parler à un conseiller');
    const [initiate] = bot.events;
    expect(initiate).toMatchObject({ type: 'event', name: HandoffEventNames.InitiateHandoff, value: { language: 'fr' } });
    expect((initiate?.value as { summary: string[] }).summary).toContain('infirmier');
    const [attachment] = initiate?.attachments ?? [];
    expect(attachment).toMatchObject({ contentType: 'application/json', name: 'Transcript' });
    expect(JSON.stringify(attachment?.content)).toContain('infirmier');
    expect(await bot.say('vous êtes là ?')).toEqual([]);
    const back = await bot.say({ type: 'event', name: HandoffEventNames.HandoffStatus, value: { state: 'completed' } });
    expect(textsOf(back)).toMatch(/c'est de nouveau l'assistant automatique/);
  });
});
