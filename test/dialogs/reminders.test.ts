import { describe, expect, it } from '@jest/globals';
import { buildSnapshot } from '../../data/offers/offerCatalog.js';
import { sendDue } from '../../data/reminders/dispatch.js';
import { followUpOffers } from '../../data/reminders/offersFollowUp.js';
import type { Alert, Outgoing, Reminder } from '../../data/reminders/proactiveRecords.js';
import { offerLinks } from '../../dialogs/offers/offerLinks.js';
import { proactiveMessages } from '../../dialogs/reminders/proactiveMessages.js';
import { cardProblems } from '../helpers/cards.js';
import { noumeaNoon, sampleOffers } from '../helpers/offers.js';
import { cardsOf, cardText, suggestionTitles, testConversation, textsOf, TEST_PUBLIC_URL, type TestConversation } from '../helpers/testBot.js';

const JULY_5 = noumeaNoon('2026-07-05');
const links = offerLinks(TEST_PUBLIC_URL);

const reminders = (bot: TestConversation) => bot.proactive.all().filter((r): r is Reminder => r.kind === 'reminder');
const alerts = (bot: TestConversation) => bot.proactive.all().filter((r): r is Alert => r.kind === 'alert');

/** What the scheduler would send now, as the user would see it. */
async function deliver(bot: TestConversation) {
  const messages: Outgoing[] = [];
  await sendDue(bot.proactive, bot.clock.now(), async (message) => {
    messages.push(message);
    return { kind: 'sent' };
  });
  return messages.map((m) => ({ message: m, replies: proactiveMessages(m, bot.catalog.current(), bot.clock.now(), links) }));
}

describe('deadline reminders', () => {
  it('"rappelle-moi 3 jours avant la date limite" sets a reminder for 08:00 Nouméa, three days before', async () => {
    const bot = testConversation(JULY_5);
    const replies = await bot.say('rappelle-moi 3 jours avant la date limite de la 0975');
    expect(textsOf(replies)).toBe(
      "C'est noté : je vous rappellerai l'offre 3134-26-0975/SR « Concepteur-Développeur d'Applications SI Postal » le mardi 14 juillet 2026 à 8 h 00, 3 jours avant la date limite du vendredi 17 juillet 2026.",
    );
    expect(reminders(bot)).toMatchObject([
      { offer: { reference: '3134-26-0975/SR' }, leadDays: 3, lastDay: '2026-07-17', delivery: { status: 'pending', dueAt: '2026-07-13T21:00:00.000Z' } },
    ]);
    // The conversation reference is kept with it: the reminder goes where it was asked.
    expect(reminders(bot)[0]?.recipient.address).toMatchObject({ conversation: { id: bot.adapter.conversation.conversation.id } });
    const calendar = replies[0]?.suggestedActions?.actions.find((a) => a.type === 'openUrl');
    expect(calendar?.value).toBe(`${TEST_PUBLIC_URL}/offres/3134-26-0975-SR/agenda.ics`);
  });

  it('takes two days by default, for the offer in the conversation, and in English', async () => {
    const bot = testConversation(JULY_5, { locale: 'en-US' });
    await bot.say('details 1010');
    const replies = await bot.say('remind me about it');
    expect(textsOf(replies)).toBe(
      'Done: I will remind you of offer 3134-26-1010/SR “Administrateur d’applications SI Télécom” on Wednesday 22 July 2026 at 8:00 am, 2 days before the deadline of Friday 24 July 2026.',
    );
  });

  it('"remind me the day before" means one day', async () => {
    const bot = testConversation(JULY_5, { locale: 'en-US' });
    await bot.say('remind me the day before the deadline of 0975');
    expect(reminders(bot)[0]).toMatchObject({ leadDays: 1, delivery: { dueAt: '2026-07-15T21:00:00.000Z' } });
  });

  it('asks which offer when none is known, keeping the lead time', async () => {
    const bot = testConversation(JULY_5);
    expect(textsOf(await bot.say('rappelle-moi 5 jours avant la date limite'))).toMatch(/De quelle offre/);
    expect(textsOf(await bot.say('0975'))).toMatch(/le dimanche 12 juillet 2026 à 8 h 00, 5 jours avant/);
  });

  it('the "Me le rappeler" button of an offer card sets the default reminder; a second tap changes nothing but the wording', async () => {
    const bot = testConversation(JULY_5);
    const card = cardsOf(await bot.say('détails 0975'))[0] as { actions: Array<{ title: string; data?: unknown; url?: string }> };
    const remind = card.actions.find((a) => a.title === 'Me le rappeler');
    expect(card.actions.find((a) => a.title === 'Ajouter à mon agenda')?.url).toBe(`${TEST_PUBLIC_URL}/offres/3134-26-0975-SR/agenda.ics`);
    expect(textsOf(await bot.say({ value: remind?.data }))).toMatch(/^C'est noté .* 2 jours avant/);
    expect(textsOf(await bot.say({ value: remind?.data }))).toMatch(/^Votre rappel pour l'offre 3134-26-0975\/SR .* est modifié/);
    expect(reminders(bot)).toHaveLength(1);
  });

  it('refuses kindly, with the date, when applications are closed', async () => {
    const bot = testConversation(JULY_5);
    expect(textsOf(await bot.say('mets-moi un rappel pour la 0903'))).toBe(
      "Je ne peux pas créer de rappel : les candidatures pour l'offre 3134-26-0903/SR « Directeur des Finances » sont closes depuis le vendredi 3 juillet 2026.",
    );
    expect(reminders(bot)).toEqual([]);
  });

  it('reminds at once, and says so, when the chosen morning has passed but the offer is open', async () => {
    const bot = testConversation(noumeaNoon('2026-07-09'));
    const replies = await bot.say('rappelle-moi 3 jours avant la date limite de la 0939');
    expect(textsOf(replies)).toMatch(/^Le mardi 7 juillet 2026 à 8 h 00 est déjà passé, mais l'offre 3134-26-0939\/SR .* tout de suite/);
    // The dialogs poke the scheduler rather than wait for its next round.
    expect(bot.dueNowCalls()).toBe(1);
    const [sent] = await deliver(bot);
    // The reminder: the hours left, the offer's card, how to apply.
    expect(textsOf(sent?.replies ?? [])).toMatch(/Il vous reste 36 heures/);
    expect(textsOf(sent?.replies ?? [])).toMatch(/Pour postuler/);
    for (const card of cardsOf(sent?.replies ?? [])) expect(cardProblems(card)).toEqual([]);
  });

  it('comes due at its instant, with the hours left, once', async () => {
    const bot = testConversation(JULY_5);
    await bot.say('rappelle-moi 2 jours avant la date limite de la 0975');
    bot.clock.set(new Date('2026-07-14T20:59:00Z'));
    expect(await deliver(bot)).toEqual([]);
    bot.clock.set(new Date('2026-07-14T21:00:00Z')); // 08:00, 15 July, Nouméa
    const [sent] = await deliver(bot);
    expect(textsOf(sent?.replies ?? [])).toMatch(/^Rappel : l'offre 3134-26-0975\/SR .* ferme le vendredi 17 juillet 2026 à minuit .* Il vous reste 64 heures/);
    expect(await deliver(bot)).toEqual([]);
  });

  it('lists reminders and alerts, and cancels by button or by voice', async () => {
    const bot = testConversation(JULY_5);
    await bot.say('rappelle-moi la date limite de la 0975');
    await bot.say('rappelle-moi la date limite de la 1010');
    await bot.say('préviens-moi quand une offre de développeur sort');
    const list = await bot.say('mes rappels');
    const card = cardsOf(list)[0];
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain("3134-26-0975/SR « Concepteur-Développeur d'Applications SI Postal » : rappel le mercredi 15 juillet 2026 à 8 h 00");
    expect(text).toContain('Offres « développeur »');
    const cancel = (card as { body: Array<{ type: string; actions?: Array<{ title: string; data?: unknown }> }> }).body.find((b) => b.type === 'ActionSet')?.actions?.[0];
    expect(textsOf(await bot.say({ value: cancel?.data }))).toMatch(/^Rappel annulé pour l'offre 3134-26-0975\/SR/);
    expect(textsOf(await bot.say({ value: cancel?.data }))).toMatch(/n'existe plus/);
    expect(textsOf(await bot.say('annule mon rappel pour la 1010'))).toMatch(/^Rappel annulé pour l'offre 3134-26-1010\/SR/);
    expect(reminders(bot).filter((r) => r.delivery.status === 'pending')).toEqual([]);
  });

  it('"je ne veux plus recevoir de messages" offers to cancel the reminders and alerts, rather than asking which offer', async () => {
    const bot = testConversation(JULY_5);
    await bot.say('rappelle-moi la date limite de la 0975');
    await bot.say('préviens-moi quand une offre de développeur sort');
    const replies = await bot.say('je ne veux plus recevoir de messages');
    expect(textsOf(replies)).toBe('Lequel voulez-vous annuler ?');
    const text = cardText(cardsOf(replies)[0]);
    expect(text).toContain('3134-26-0975/SR');
    expect(text).toContain('Offres « développeur »');
    expect(textsOf(await testConversation(JULY_5, { locale: 'en-US' }).say('stop sending me notifications'))).toMatch(/^You have no reminders or alerts/);
  });

  it('keeps at most 20 reminders a person', async () => {
    const bot = testConversation(JULY_5);
    const base = reminders(bot);
    expect(base).toEqual([]);
    const open = ['0939', '0941', '0943', '0945', '0972', '0975', '0998', '1008', '1010'];
    // Twenty pending reminders already (for offers of other years, kept in the store as they are).
    for (let i = 0; i < 20; i += 1) {
      await bot.proactive.put({
        id: `old-${i}`,
        kind: 'reminder',
        recipient: { userKey: `test:${bot.adapter.conversation.user?.id}`, address: {}, language: 'fr' },
        offer: { reference: `2099-26-${1000 + i}/SR`, title: 'x' },
        leadDays: 2,
        lastDay: '2099-01-01',
        createdAt: JULY_5.toISOString(),
        delivery: { status: 'pending', dueAt: '2098-12-30T21:00:00.000Z', attempts: 0 },
      });
    }
    expect(textsOf(await bot.say(`rappelle-moi la date limite de la ${open[0]}`))).toMatch(/déjà 20 rappels, le maximum/);
  });
});

describe('new-offer alerts', () => {
  it('"préviens-moi quand une offre en informatique sort" saves the search, and the new offer comes as a card', async () => {
    const offers = sampleOffers();
    const bot = testConversation(JULY_5, { offers: offers.filter((o) => o.reference !== '3134-26-0975/SR') });
    const replies = await bot.say('préviens-moi quand une offre de développeur sort');
    expect(textsOf(replies)).toMatch(/^C'est noté : dès qu'une nouvelle offre « développeur » sera publiée/);
    expect(alerts(bot)).toMatchObject([{ search: { text: 'développeur' } }]);
    expect(textsOf(await bot.say('préviens-moi quand une offre de développeur sort'))).toMatch(/déjà une alerte/);

    await followUpOffers(bot.proactive, bot.catalog.current(), JULY_5);
    await followUpOffers(bot.proactive, buildSnapshot(offers, JULY_5), JULY_5);
    const sent = proactiveMessages(
      (await deliver(bot))[0]?.message as Outgoing,
      buildSnapshot(offers, JULY_5),
      JULY_5,
      links,
    );
    expect(textsOf(sent)).toBe('Nouvelle offre pour votre alerte :');
    expect(cardText(cardsOf(sent)[0])).toContain("Concepteur-Développeur d'Applications SI Postal");
  });

  it('a new offer withdrawn before its notice went out is not announced: no empty message', () => {
    const notice: Outgoing = {
      id: 'n1',
      kind: 'notice',
      about: 'newOffers',
      recipient: { userKey: 'test:u', address: {}, language: 'fr' },
      offers: [{ reference: '3134-26-0975/SR', title: 'x' }],
      createdAt: JULY_5.toISOString(),
      delivery: { status: 'pending', dueAt: JULY_5.toISOString(), attempts: 0 },
    };
    const withoutIt = buildSnapshot(sampleOffers().filter((o) => o.reference !== '3134-26-0975/SR'), JULY_5);
    expect(proactiveMessages(notice, withoutIt, JULY_5, links)).toEqual([]);
    // Closed by the time it would go: not announced either.
    expect(proactiveMessages(notice, buildSnapshot(sampleOffers(), JULY_5), noumeaNoon('2026-07-20'), links)).toEqual([]);
    expect(proactiveMessages(notice, buildSnapshot(sampleOffers(), JULY_5), JULY_5, links)).toHaveLength(1);
  });

  it('an alert in English, and a search with no open result offers one', async () => {
    const bot = testConversation(JULY_5, { locale: 'en-US' });
    const replies = await bot.say('jobs in Lifou');
    expect(suggestionTitles(replies)).toContain('Alert me about new offers');
    const answer = await bot.say({ value: { action: 'subscribe' } });
    expect(textsOf(answer)).toMatch(/^Done: as soon as a new offer “.*Lifou.*” is published/);
    expect(alerts(bot)[0]?.search.filters).toEqual({ commune: 'Lifou' });
  });

  it('asks what to look for when the alert says nothing', async () => {
    const bot = testConversation(JULY_5);
    expect(textsOf(await bot.say('préviens-moi des nouvelles offres'))).toMatch(/De quelles offres voulez-vous être prévenu/);
  });
});

describe('calendar links', () => {
  it('every open offer card in search results can give the deadline as a calendar file', async () => {
    const cards = cardsOf(await testConversation(JULY_5).say('offres en informatique')) as Array<{ actions: Array<{ type: string; url?: string }> }>;
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      expect(cardProblems(card)).toEqual([]);
      expect(card.actions.find((a) => a.type === 'Action.OpenUrl')?.url).toMatch(new RegExp(`^${TEST_PUBLIC_URL}/offres/\\d{4}-\\d{2}-\\d{3,5}-SR/agenda\\.ics$`));
    }
  });
});
