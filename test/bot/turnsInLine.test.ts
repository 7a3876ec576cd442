import { describe, expect, it } from '@jest/globals';
import { TurnsInLine } from '../../bot/turnsInLine.js';
import { noumeaNoon } from '../helpers/offers.js';
import { testConversation } from '../helpers/testBot.js';

describe('turns of one conversation on one process, on the files', () => {
  it('four messages sent at once are answered one after the other, and none of them is lost from the state', async () => {
    const conversation = testConversation(noumeaNoon('2026-07-05'), { middleware: [new TurnsInLine()] });
    await conversation.say('bonjour');
    const places = ['Nouméa', 'Koné', 'Lifou', 'Bourail'];
    const answers = await Promise.all(places.map((place) => conversation.say(`offres à ${place}`)));
    expect(answers.flat().length).toBeGreaterThanOrEqual(places.length);
    const remembered = (await conversation.conversationData()).recentMessages ?? [];
    for (const place of places) expect(remembered).toContain(`offres à ${place}`);
  });
});
