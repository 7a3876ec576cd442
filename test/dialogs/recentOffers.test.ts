import { describe, expect, it } from '@jest/globals';
import { cardsOf, cardText, testConversation, textsOf } from '../helpers/testBot.js';
import { noumeaNoon, shippedOffers } from '../helpers/offers.js';

/** "Nouvelles offres", "publiées cette semaine": the offers of the real catalogue by the day they were published. */
const offers = shippedOffers();
const TODAY = '2025-01-31';
const JAN_31 = noumeaNoon(TODAY);
const REFERENCE = /\d{4}-\d{2}-\d{4}\/SR|\d{2}-\d{5}\/MPRH/;

const openOn = (day: string) => offers.filter((offer) => offer.postedOn <= day && offer.deadline >= day && !offer.closedOn);
const postedSince = (day: string) => openOn(TODAY).filter((offer) => offer.postedOn >= day);
const postedOnOf = (card: unknown) => offers.find((offer) => offer.reference === REFERENCE.exec(cardText(card))?.[0])?.postedOn;

describe('offers by the day they were published', () => {
  it('"quelles sont les nouvelles offres ?" lists the week\'s offers, the newest first', async () => {
    const week = postedSince('2025-01-24').length;
    expect(week).toBeGreaterThan(5);
    expect(week).toBeLessThan(openOn(TODAY).length);
    const bot = testConversation(JAN_31, { offers });
    // A choice between an alert and a search before.
    const replies = await bot.say('quelles sont les nouvelles offres ?');
    expect(textsOf(replies)).toContain(`Filtres : publiées depuis 7 jours. ${week} offres ouvertes.`);
    const days = cardsOf(replies).map(postedOnOf);
    expect(days).toHaveLength(5);
    expect(days).toEqual([...days].sort().reverse());
    expect(days[0]).toBe(TODAY);
  });

  it('"publiées aujourd\'hui", "posted this month", "latest jobs": the time said, a week when none is', async () => {
    const bot = testConversation(JAN_31, { offers });
    expect(textsOf(await bot.say("offres publiées aujourd'hui"))).toContain(`Filtres : publiées aujourd'hui. ${postedSince(TODAY).length} offres ouvertes.`);
    const english = testConversation(JAN_31, { offers, locale: 'en-US' });
    expect(textsOf(await english.say('jobs posted this month'))).toContain(`Filters: posted in the last 30 days. ${postedSince('2025-01-01').length} open offers.`);
    // An alert for the words "this week" before.
    expect(textsOf(await english.say('new jobs this week'))).toContain(`Filters: posted in the last 7 days. ${postedSince('2025-01-24').length} open offers.`);
    expect(textsOf(await english.say('latest offers'))).toContain('Filters: posted in the last 7 days.');
  });

  it('"publiées" without a time, "un nouveau poste" and an alert are no filter on the day', async () => {
    const bot = testConversation(JAN_31, { offers });
    const atCht = openOn(TODAY).filter((offer) => /Gaston-Bourret/.test(offer.employer)).length;
    // Searched as the words "publiées" before: nothing.
    expect(textsOf(await bot.say('quelles offres sont publiées au CHT ?'))).toContain(`Filtres : Centre hospitalier territorial Gaston-Bourret. ${atCht} offres ouvertes.`);
    expect(textsOf(await bot.say('je cherche un nouveau poste'))).not.toContain('publiées');
    const alert = textsOf(await bot.say('préviens-moi des nouvelles offres en informatique'));
    expect(alert).toMatch(/dès qu'une nouvelle offre « Informatique » sera publiée/);
  });

  it('"je cherche un nouveau poste", "I am looking for a new job": every open offer, no word "nouveau" searched', async () => {
    const open = openOn(TODAY).length;
    // Two offers matching "nouveau" before; in English "which offer?" (read as a check), then nothing for "am" and "new".
    expect(textsOf(await testConversation(JAN_31, { offers }).say('je cherche un nouveau poste'))).toContain(`${open} offres ouvertes.`);
    expect(textsOf(await testConversation(JAN_31, { offers }).say({ text: 'I am looking for a new job', locale: 'en-US' }))).toContain(`${open} open offers.`);
    expect(textsOf(await testConversation(JAN_31, { offers }).say('je cherche un nouvel emploi à Koné'))).toMatch(/^Filtres : à Koné\./);
  });

  it('an alert made from the week\'s offers keeps the other filters, not the week', async () => {
    const bot = testConversation(JAN_31, { offers });
    expect(textsOf(await bot.say('nouvelles offres au CHT'))).toMatch(/^Filtres : Centre hospitalier territorial Gaston-Bourret, publiées depuis 7 jours\./);
    const subscribed = textsOf(await bot.say({ value: { action: 'subscribe' } }));
    expect(subscribed).toMatch(/Centre hospitalier territorial Gaston-Bourret/);
    expect(subscribed).not.toMatch(/publiées|7 jours/);
  });
});
