import { describe, expect, it } from '@jest/globals';
import { CUT_MARK, MAX_KEPT, maskDeep, maskText } from '../../data/transcripts/masking.js';

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
    // Forms that escaped the first version.
    ['26.79.28/79.12.34', '[TÉLÉPHONE]/[TÉLÉPHONE]'],
    ['tél -79.12.34', 'tél -[TÉLÉPHONE]'],
    ['écrire à x.3134-26-1129@mail.nc', 'écrire à [EMAIL]'],
    ['jean-98-1234@gmail.com', '[EMAIL]'],
    ['Marie Dupont, née le 12/03/1985', 'Marie Dupont, née le [DATE DE NAISSANCE]'],
    ['born on 12/03/1985', 'born on [DATE DE NAISSANCE]'],
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

describe('masking is linear and bounded', () => {
  it.each([
    ['a run of digits', '7'.repeat(250_000)],
    ['"a@" again and again', 'a@'.repeat(100_000)],
    ['a long local part and no domain', `${'a.'.repeat(100_000)}@`],
    ['@ signs only', '@'.repeat(200_000)],
    ['spaced digits', '1 '.repeat(100_000)],
    ['references and dates', '3134-25-0966/SR 12/03/2025 '.repeat(10_000)],
  ])('%s: masked in milliseconds, cut with a mark', (_label, text) => {
    const started = performance.now();
    const masked = maskText(text);
    expect(performance.now() - started).toBeLessThan(200);
    expect(masked.length).toBeLessThanOrEqual(MAX_KEPT + CUT_MARK.length);
    expect(masked.endsWith(CUT_MARK)).toBe(true);
  });

  it('takes time in proportion to the text, not its square', () => {
    const time = (n: number) => {
      const text = 'x'.repeat(n).replace(/x{7}/g, 'a@b.c 7');
      const started = performance.now();
      for (let i = 0; i < 20; i++) maskText(text);
      return performance.now() - started;
    };
    time(1000);
    expect(time(4000)).toBeLessThan(time(1000) * 8 + 20);
  });
});

