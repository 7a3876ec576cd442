import { describe, expect, it } from '@jest/globals';
import { quickTimes } from '../../dialogs/recognition/quickTimes.js';

describe('quick reading of durations and dates', () => {
  it.each([
    ['rappelle-moi 3 jours avant', [{ kind: 'duration', start: 13, length: 7, timex: 'P3D' }]],
    ['cinq ans', [{ kind: 'duration', start: 0, length: 8, timex: 'P5Y' }]],
    ["j'habite ici depuis 5 ans et demi", [{ kind: 'duration', start: 13, length: 20, timex: 'P5.5Y' }]],
    ['une semaine avant', [{ kind: 'duration', start: 0, length: 11, timex: 'P1W' }]],
    ['rappel la veille', [{ kind: 'duration', start: 7, length: 9, timex: 'P1D' }]],
    ['je réside en Calédonie depuis 2019', [{ kind: 'date', start: 23, length: 11, timex: '2019' }]],
    ['remind me two days before', [{ kind: 'duration', start: 10, length: 8, timex: 'P2D' }]],
    ['I have lived here for four years', [{ kind: 'duration', start: 18, length: 14, timex: 'P4Y' }]],
    ['remind me the day before', [{ kind: 'duration', start: 10, length: 14, timex: 'P1D' }]],
    ['4,5 années', [{ kind: 'duration', start: 0, length: 10, timex: 'P4.5Y' }]],
  ])('%s', (text, expected) => {
    expect(quickTimes(text)).toEqual(expected);
  });

  it('finds nothing in sentences without a duration or a date', () => {
    expect(quickTimes('détails 0966')).toEqual([]);
    expect(quickTimes('an offer in Nouméa')).toEqual([]);
  });
});
