import { describe, expect, it } from '@jest/globals';
import { offersShown, testConversation } from '../helpers/testBot.js';
import { noumeaNoon, shippedOffers } from '../helpers/offers.js';
import { isOpen } from '../../data/offers/openness.js';

/** A corps with its rank ("ingénieur 1er grade"), on the real catalogue: the corps' offers, the rank's first. */
const offers = shippedOffers();
const shownIn = (replies: Parameters<typeof offersShown>[0]) => offersShown(replies, offers);
const now = noumeaNoon('2025-01-31');


const openOfCorps = (corps: RegExp) => offers.filter((o) => isOpen(o, now) && o.corpsGrades.some((g) => corps.test(g)));

describe('a grade said with its rank', () => {
  it('"offres d\'ingénieur 1er grade": the engineers\' offers, not the technicians\' "1er grade"', async () => {
    const engineers = openOfCorps(/ing[ée]nieur/i);
    expect(engineers.length).toBeGreaterThan(5);
    const shown = shownIn(await testConversation(now, { offers }).say("offres d'ingénieur 1er grade"));
    expect(shown).toHaveLength(5);
    for (const offer of shown) expect(offer.corpsGrades.join(' ')).toMatch(/ing[ée]nieur/i);
  });

  it('"technicien 2e grade": the offers of that rank first ("2ème" as "2e"), then the corps\' others', async () => {
    const shown = shownIn(await testConversation(now, { offers }).say('technicien 2e grade'));
    const ranks = shown.map((offer) => /2(?:e|ème|eme) grade/i.test(offer.corpsGrades.join(' ')));
    expect(ranks[0]).toBe(true);
    // Every offer of the rank comes before any offer without it.
    expect(ranks.indexOf(false)).toBeGreaterThan(ranks.lastIndexOf(true));
    expect(shown.length).toBe(openOfCorps(/technicien/i).length);
    for (const offer of shown) expect(offer.corpsGrades.join(' ')).toMatch(/technicien/i);
  });

  it('"1er grade" alone is what was asked: the offers that say it', async () => {
    const shown = shownIn(await testConversation(now, { offers }).say('1er grade'));
    expect(shown.length).toBeGreaterThan(0);
    for (const offer of shown) expect(offer.corpsGrades.join(' ')).toMatch(/1er grade/i);
  });
});
