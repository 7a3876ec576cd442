import { describe, expect, it } from '@jest/globals';
import { cardsOf, cardText, testConversation, textsOf } from '../helpers/testBot.js';
import { noumeaNoon, shippedOffers } from '../helpers/offers.js';

/** A domain or a grade said as a filter is a filter, over the real catalogue. */
const offers = shippedOffers();

describe('filters said in the sentence', () => {
  it('"offres en informatique": the domain filters, said first in the answer', async () => {
    const bot = testConversation(noumeaNoon('2025-01-31'), { offers });
    const replies = await bot.say('offres en informatique');
    expect(textsOf(replies)).toMatch(/^Filtres : domaine [Ii]nformatique\./);
    const shown = cardsOf(replies).map((card) => offers.find((o) => cardText(card).includes(o.reference)));
    expect(shown.length).toBeGreaterThan(0);
    for (const offer of shown) expect(offer?.domains.join(' ')).toMatch(/[Ii]nformatique/);
  });

  it('"infirmier" alone is searched as words (a grade said bare is no filter)', async () => {
    const bot = testConversation(noumeaNoon('2025-01-31'), { offers });
    expect(textsOf(await bot.say('infirmier'))).not.toMatch(/Filtres/);
  });
});
