import { describe, expect, it } from '@jest/globals';
import { offersShown, suggestionTitles, testConversation, textsOf } from '../helpers/testBot.js';
import { noumeaNoon, shippedOffers } from '../helpers/offers.js';
import { provinceOf } from '../../data/offers/communes.js';
import { isOpen } from '../../data/offers/openness.js';

/** "Dans le Nord", "aux Îles", "jobs in the north": the offers of the province's communes, on the real catalogue. */
const offers = shippedOffers();
const shownIn = (replies: Parameters<typeof offersShown>[0]) => offersShown(replies, offers);
const DAY = '2025-01-31';
const now = noumeaNoon(DAY);


const openIn = (province: string) => offers.filter((o) => isOpen(o, now) && o.location?.commune && provinceOf(o.location.commune) === province);

describe('offers by province, as people name them', () => {
  it('"offres dans le Nord": the open offers of the northern communes, and the filter says so', async () => {
    const north = openIn('Province Nord');
    expect(new Set(north.map((o) => o.location?.commune)).size).toBeGreaterThan(2);
    const bot = testConversation(now, { offers });
    const replies = await bot.say('offres dans le Nord');
    const shown = shownIn(replies);
    expect(shown.length).toBe(Math.min(5, north.length));
    for (const offer of shown) expect(provinceOf(offer.location?.commune ?? '')).toBe('Province Nord');
    expect(textsOf(replies)).toContain('dans la Province Nord');
    expect(textsOf(replies)).toContain(String(north.length));
  });

  it('"y a-t-il des postes aux Îles ?" and "dans le Sud"', async () => {
    const bot = testConversation(now, { offers });
    const islands = shownIn(await bot.say('y a-t-il des postes aux Îles ?'));
    expect(islands.length).toBe(Math.min(5, openIn('Province des Îles Loyauté').length));
    expect(islands.length).toBeGreaterThan(0);
    for (const offer of islands) expect(['Lifou', 'Maré', 'Ouvéa']).toContain(offer.location?.commune);
    const south = shownIn(await bot.say('je cherche un emploi dans le Sud'));
    expect(south.length).toBeGreaterThan(0);
    for (const offer of south) expect(provinceOf(offer.location?.commune ?? '')).toBe('Province Sud');
    // An alert keeps the province, as it keeps a commune.
    expect(textsOf(await bot.say('préviens-moi des nouvelles offres dans le Sud'))).toMatch(/nouvelle offre « Province Sud »/);
  });

  it('"en brousse", "Grand Nouméa": no area the bot can draw, and it says how to name a place', async () => {
    const bot = testConversation(now, { offers });
    expect(textsOf(await bot.say('je cherche du travail en brousse'))).toContain('Je ne sais pas quelles communes « brousse » comprend');
    const nurses = await bot.say('infirmier dans le Grand Nouméa');
    expect(shownIn(nurses).length).toBeGreaterThan(0);
    expect(textsOf(nurses)).toContain('« Grand Nouméa »');
    expect(textsOf(await bot.say('jobs in the bush'))).toContain('I do not know which communes “the bush” takes in');
    expect(textsOf(await bot.say('offres dans le Nord'))).not.toContain('Je ne sais pas');
  });

  it('no button for a province under a page: the communes split it, and one place made three buttons', async () => {
    const titles = suggestionTitles(await testConversation(now, { offers }).say('infirmier'));
    expect(titles.some((title) => /^à /.test(title))).toBe(true);
    expect(titles.filter((title) => /Province/.test(title))).toEqual(['Province Nord']);
  });

  it('"offres de la province Sud" is still the employer: its own offers, wherever they are', async () => {
    const bot = testConversation(now, { offers });
    const replies = await bot.say('offres de la province Sud');
    const shown = shownIn(replies);
    expect(shown.length).toBeGreaterThan(0);
    for (const offer of shown) expect(offer.employer).toMatch(/province sud/i);
    expect(textsOf(replies)).not.toContain('dans la Province Sud');
  });

  it('in English: "jobs in the north", a trade in a province', async () => {
    const bot = testConversation(now, { offers });
    const replies = await bot.say('jobs in the north');
    const shown = shownIn(replies);
    expect(shown.length).toBeGreaterThan(0);
    for (const offer of shown) expect(provinceOf(offer.location?.commune ?? '')).toBe('Province Nord');
    expect(textsOf(replies)).toContain('in the Province Nord');
    const nurses = shownIn(await bot.say('infirmier dans le Nord'));
    expect(nurses.length).toBeGreaterThan(0);
    for (const offer of nurses) {
      expect(provinceOf(offer.location?.commune ?? '')).toBe('Province Nord');
      expect([offer.title, ...offer.missions].join(' ')).toMatch(/infirmi/i);
    }
  });
});
