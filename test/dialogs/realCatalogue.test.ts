import { describe, expect, it } from '@jest/globals';
import { cardsOf, cardText, testConversation, textsOf } from '../helpers/testBot.js';
import { noumeaNoon, shippedOffers } from '../helpers/offers.js';

/** Conversations over the real catalogue the bot ships with: every employer, government references, extended deadlines. */
const offers = shippedOffers();

describe('the real catalogue, as job seekers meet it', () => {
  it('finds a government offer by its reference and by its number alone', async () => {
    const bot = testConversation(noumeaNoon('2025-01-02'), { offers });
    for (const typed of ['détails 24-54073/MPRH', 'détails 54073']) {
      const card = cardsOf(await bot.say(typed))[0];
      expect(cardText(card)).toContain('24-54073/MPRH');
      expect(cardText(card)).toContain('Gestionnaire guichet-comptable');
    }
  });

  it('says that a deadline was extended, and from when, in French and English', async () => {
    const bot = testConversation(noumeaNoon('2025-01-02'), { offers });
    const replies = await bot.say('date limite de la 54073');
    expect(textsOf(replies)).toContain('vendredi 3 janvier 2025');
    expect(textsOf(replies)).toContain('La date limite a été prolongée : elle était initialement le vendredi 13 décembre 2024.');
    const card = cardsOf(await bot.say('détails 54073'))[0];
    expect(cardText(card)).toContain('vendredi 3 janvier 2025 (prolongée ; initialement le vendredi 13 décembre 2024)');
    const english = await bot.say('what is the deadline for 54073?');
    expect(textsOf(english)).toContain('The deadline was extended: it was originally Friday 13 December 2024.');
  });

  it('shows the other employers\' offers open on a day, a hospital among them', async () => {
    const bot = testConversation(noumeaNoon('2025-01-02'), { offers });
    const replies = await bot.say('offres du CHT');
    const texts = cardsOf(replies).map(cardText);
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toContain('Centre hospitalier territorial Gaston-Bourret');
  });
});
