import { describe, expect, it } from '@jest/globals';
import { cardsOf, cardText, testConversation, textsOf } from '../helpers/testBot.js';
import { noumeaNoon, shippedOffers } from '../helpers/offers.js';

/** A bare word or a job title is a search, over the real catalogue (a day when many offers were open). */
const offers = shippedOffers();
const JAN_31 = noumeaNoon('2025-01-31');

describe('a bare word or a job title', () => {
  it.each([
    ['infirmier', /infirmi/i],
    ['sage-femme', /sage-femme/i],
    ['médecin', /m[ée]decin/i],
    ['comptable', /compta/i],
    ['Lifou', /Lifou/i],
    ['CHT', /Centre hospitalier territorial/],
  ])('%s shows offers that match', async (word, expected) => {
    const bot = testConversation(JAN_31, { offers });
    const replies = await bot.say(word);
    const cards = cardsOf(replies);
    expect(textsOf(replies)).not.toMatch(/pas bien compris/);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.map(cardText).some((text) => expected.test(text))).toBe(true);
  });

  it('still gets the fallback when it names nothing the catalogue holds', async () => {
    const bot = testConversation(JAN_31, { offers });
    expect(textsOf(await bot.say('blorf zimzam'))).toMatch(/pas bien compris/);
  });
});
