import { describe, expect, it } from '@jest/globals';
import { offerCard } from '../../dialogs/cards/offerCard.js';
import { offerSummaryCard } from '../../dialogs/cards/offerSummaryCard.js';
import { parseCardAction } from '../../dialogs/cards/cardActions.js';
import { cardProblems } from '../helpers/cards.js';
import { noumeaNoon, sampleOffers } from '../helpers/offers.js';
import { cardText } from '../helpers/testBot.js';

const offers = sampleOffers();
const moments = [noumeaNoon('2025-07-01'), noumeaNoon('2026-07-05'), noumeaNoon('2026-11-22')];

describe('every card the bot can send is valid Adaptive Cards 1.5', () => {
  for (const language of ['fr', 'en'] as const) {
    it.each(offers.map((o) => [o.reference]))(`%s, full and summary cards, ${language}`, (reference) => {
      const offer = offers.find((o) => o.reference === reference);
      if (!offer) throw new Error(reference);
      for (const now of moments) {
        for (const card of [offerCard(offer, now, language), offerSummaryCard(offer, now, language)]) {
          expect(card.content.version).toBe('1.5');
          expect(cardProblems(card.content)).toEqual([]);
        }
      }
    });
  }

  it('refuses what the parser would refuse: an unknown element is reported', () => {
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Carousel3D' }] })).not.toEqual([]);
  });
});

describe('card contents', () => {
  it('shows every section the posting has, and no empty one', () => {
    const offer = offers.find((o) => o.reference === '3134-26-0768/SR');
    if (!offer) throw new Error('0768');
    const text = cardText(offerCard(offer, noumeaNoon('2026-06-01'), 'fr').content);
    expect(text).toContain('Agent comptable');
    expect(text).toContain('Prise de poste');
    expect(text).toContain('mardi 1 septembre 2026');
    expect(text).toContain('Postes à pourvoir');
    expect(text).not.toContain('Activités secondaires'); // the posting has none
  });

  it('escapes markdown in offer text so it cannot become a link', () => {
    const offer = { ...offers[0]!, title: '[cliquez](javascript:alert(1)) *urgent*' };
    const text = cardText(offerCard(offer, noumeaNoon('2026-07-05'), 'fr').content);
    expect(text).toContain('\\[cliquez\\](javascript:alert(1)) \\*urgent\\*');
  });

  it('sends back, from every button, a value the bot understands', () => {
    const offer = offers[0]!;
    for (const card of [offerCard(offer, new Date(), 'fr'), offerSummaryCard(offer, new Date(), 'en')]) {
      for (const action of card.content.actions ?? []) {
        if (action.type === 'Action.Submit') expect(parseCardAction(action.data)).toEqual(action.data);
      }
    }
    expect(parseCardAction({ action: 'details' })).toBeUndefined();
    expect(parseCardAction({ action: 'format-disk' })).toBeUndefined();
  });
});
