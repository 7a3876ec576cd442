import { describe, expect, it } from '@jest/globals';
import { en } from '../../dialogs/i18n/en.js';
import { fr } from '../../dialogs/i18n/fr.js';
import { chooseLanguage, detectLanguage } from '../../dialogs/i18n/language.js';
import { formatDay, t } from '../../dialogs/i18n/messages.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it.each(Object.keys(fr) as Array<keyof typeof fr>)('%s has the same placeholders in French and English', (key) => {
    expect(en[key]).toBeTruthy();
    expect(placeholders(en[key])).toEqual(placeholders(fr[key]));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('fr', 'search.page', { from: 1, to: 5, total: 9 })).toBe('Offres 1 à 5 sur 9 :');
    expect(t('en', 'search.page', { from: 1 })).toBe('Offers 1 to {to} of {total}:');
  });

  it('writes dates in the user language', () => {
    expect(formatDay('2025-07-18', 'fr')).toBe('vendredi 18 juillet 2025');
    expect(formatDay('2025-07-18', 'en')).toBe('Friday 18 July 2025');
  });
});

describe('language of a message', () => {
  it.each([
    ['offres en informatique', 'fr'],
    ['je cherche un poste à Nouméa', 'fr'],
    ['quelle est la date limite ?', 'fr'],
    ['show me IT jobs', 'en'],
    ['what is the deadline for 0966?', 'en'],
    ['how do I apply', 'en'],
    ['0966', undefined],
    ['details 1010', undefined],
    ['Nouméa', 'fr'],
    ['Koné', 'fr'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('keeps the conversation language when a message does not tell, then the locale, then French', () => {
    expect(chooseLanguage('0966', 'en', 'fr-FR')).toBe('en');
    expect(chooseLanguage('0966', undefined, 'en-US')).toBe('en');
    expect(chooseLanguage('0966', undefined, undefined)).toBe('fr');
  });
});
