import { describe, expect, it } from '@jest/globals';
import { maskDeep, maskText } from '../../data/transcripts/masking.js';

describe('personal data masked before storage', () => {
  it.each([
    ['écrivez-moi à jean.dupont@gmail.com svp', 'écrivez-moi à [EMAIL] svp'],
    ['mon numéro : 26.79.28', 'mon numéro : [TÉLÉPHONE]'],
    ['appelez le 26 79 28 demain', 'appelez le [TÉLÉPHONE] demain'],
    ['ou le 267928', 'ou le [TÉLÉPHONE]'],
    ['mobile 78-12-34', 'mobile [TÉLÉPHONE]'],
    ['depuis la métropole +687 26 79 28', 'depuis la métropole [TÉLÉPHONE]'],
    ['+33 6 12 34 56 78', '[TÉLÉPHONE]'],
    ['06 12 34 56 78', '[TÉLÉPHONE]'],
    ['mon numéro de sécu 1 85 05 78 006 084 36', 'mon numéro de sécu [NUMÉRO]'],
    ['IBAN FR76 3000 6000 0112 3456 7890 189', 'IBAN [NUMÉRO]'],
    ['ma carte 4970101234567890', 'ma carte [NUMÉRO]'],
    ['cafat 1234567', 'cafat [NUMÉRO]'],
  ])('%s', (text, masked) => {
    expect(maskText(text)).toBe(masked);
  });

  it.each([
    'détails 3134-25-0966/SR',
    'la 3134-26-1010/SR et la 25-0966',
    'la 0966 ferme le 18/07/2025',
    'depuis 2019, 5 ans et demi',
    'Bac+3, 2 jours avant',
    'le 2026-07-17',
    'suis-je éligible à la 24-54956/MPRH ?',
    'et la 25-1234/GNC, ou la 25-54956',
  ])('leaves "%s" as it is', (text) => {
    expect(maskText(text)).toBe(text);
  });

  it('masks every string of an activity, keeping its shape', () => {
    const activity = { type: 'message', text: 'moi@ici.nc', value: { note: '26 79 28' }, attachments: [{ content: { body: [{ text: '+687 261234' }] } }], timestamp: '2026-07-05T01:00:00.000Z' };
    expect(maskDeep(activity)).toEqual({
      type: 'message',
      text: '[EMAIL]',
      value: { note: '[TÉLÉPHONE]' },
      attachments: [{ content: { body: [{ text: '[TÉLÉPHONE]' }] } }],
      timestamp: '2026-07-05T01:00:00.000Z',
    });
  });
});
