import { describe, expect, it } from '@jest/globals';
import { parseEducationAnswer, parseGrade, parseResidenceAnswer, parseStatus, parseYesNo } from '../../dialogs/eligibility/answers.js';
import { factsInSentence } from '../../dialogs/eligibility/sentenceFacts.js';

const NOW = new Date('2026-07-05T01:00:00Z'); // 5 July 2026, noon in Nouméa

describe('free answers, in French and English', () => {
  it.each([
    ['oui', true], ['Oui !', true], ['yes', true], ['bien sûr', true], ['non', false], ['pas encore', false], ['not yet', false], ['No.', false],
  ])('yes or no: %s', (text, value) => {
    expect(parseYesNo(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['Fonctionnaire', 'civilServant'], ['je suis titulaire', 'civilServant'], ['civil servant', 'civilServant'],
    ['Agent contractuel', 'contract'], ['contract staff', 'contract'], ["Ni l'un ni l'autre", 'external'], ['neither', 'external'], ['non', 'external'],
    ["Lauréat d'un concours", 'laureate'], ["non, j'ai réussi le concours", 'laureate'], ['je suis sur liste d’aptitude', 'laureate'], ['Laureate of a concours', 'laureate'],
    ['je ne suis pas lauréat', 'external'], ['Aucun des trois', 'external'], ['None of these', 'external'],
  ])('status: %s', (text, value) => {
    expect(parseStatus(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['depuis 2019', { residenceSince: '2019-01-01', residencePrecision: 'year' }],
    ['since 2019', { residenceSince: '2019-01-01', residencePrecision: 'year' }],
    ['2015', { residenceSince: '2015-01-01', residencePrecision: 'year' }],
    ['5 ans et demi', { residenceSince: '2021-01-03', residencePrecision: 'day' }],
    ['four years', { residenceSince: '2022-07-05', residencePrecision: 'day' }],
    ['18 mois', { residenceSince: '2025-01-03', residencePrecision: 'day' }],
    ['12/03/2015', { residenceSince: '2015-03-12', residencePrecision: 'day' }],
    ['depuis mars 2018', { residenceSince: '2018-03-31', residencePrecision: 'day' }],
    ['pas encore', { residenceSince: '2026-07-05', residencePrecision: 'day' }],
    ["Je n'y réside pas", { residenceSince: '2026-07-05', residencePrecision: 'day' }],
  ])('residence: %s', (text, value) => {
    expect(parseResidenceAnswer(text, NOW)).toEqual({ ok: true, value });
  });

  it.each([
    ['-3 ans', 'negative'],
    ['depuis 2030', 'future'],
    ['31/12/2026', 'future'],
    ['150 ans', 'tooLong'],
    ['depuis 1900', 'tooLong'],
    ['longtemps', 'notUnderstood'],
  ])('residence that cannot be right: %s → %s', (text, problem) => {
    expect(parseResidenceAnswer(text, NOW)).toEqual({ ok: false, problem });
  });

  it('grades by name or by rank', () => {
    const grades = ['Ingénieur 1er grade', 'Ingénieur 2ème grade'];
    expect(parseGrade('Ingénieur 2ème grade', grades)).toEqual({ ok: true, value: 'Ingénieur 2ème grade' });
    expect(parseGrade('le premier', grades)).toEqual({ ok: true, value: 'Ingénieur 1er grade' });
    expect(parseGrade('second grade', grades)).toEqual({ ok: true, value: 'Ingénieur 2ème grade' });
    expect(parseGrade('Technicien', grades)).toEqual({ ok: false, problem: 'unknownGrade' });
  });

  it('diplomas', () => {
    expect(parseEducationAnswer('Bac+5 ou plus')).toEqual({ ok: true, value: 5 });
    expect(parseEducationAnswer('a bachelor degree')).toEqual({ ok: true, value: 3 });
    expect(parseEducationAnswer('Sans diplôme')).toEqual({ ok: true, value: -2 });
    expect(parseEducationAnswer('euh')).toEqual({ ok: false, problem: 'notUnderstood' });
  });

  it('takes what the opening sentence already says', () => {
    expect(factsInSentence("j'habite en Calédonie depuis 5 ans, c'est bon ?", NOW)).toEqual({ residenceSince: '2021-07-05', residencePrecision: 'day' });
    expect(factsInSentence('je suis fonctionnaire, je peux postuler ?', NOW)).toEqual({ status: 'civilServant' });
    expect(factsInSentence("j'ai un bac+3 ça passe ?", NOW)).toEqual({ education: 3 });
    expect(factsInSentence('I have lived here for four years, is that enough', NOW)).toEqual({ residenceSince: '2022-07-05', residencePrecision: 'day' });
    expect(factsInSentence('il faut combien d’années de résidence', NOW)).toEqual({});
    expect(factsInSentence('je suis lauréate du concours, je peux postuler ?', NOW)).toEqual({ status: 'laureate' });
    expect(factsInSentence('je suis française, je peux postuler ?', NOW)).toEqual({ french: true });
    expect(factsInSentence('je n’ai pas la nationalité française, je peux postuler ?', NOW)).toEqual({ french: false });
    expect(factsInSentence("I'm not French, can I apply?", NOW)).toEqual({ french: false });
  });
});
