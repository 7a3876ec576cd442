import { describe, expect, it } from '@jest/globals';
import { en } from '../../dialogs/i18n/en.js';
import { fr } from '../../dialogs/i18n/fr.js';
import { chooseLanguage, detectLanguage } from '../../dialogs/i18n/language.js';
import { formatDay, t } from '../../dialogs/i18n/messages.js';
import { fill, placeholderNames } from '../../data/text/fill.js';

const placeholders = placeholderNames;

describe('message catalogs', () => {
  it.each(Object.keys(fr) as Array<keyof typeof fr>)('%s has the same placeholders in French and English', (key) => {
    expect(en[key]).toBeTruthy();
    expect(placeholders(en[key])).toEqual(placeholders(fr[key]));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('fr', 'search.page', { from: 1, to: 5, total: 9 })).toBe('Offres 1 à 5 sur 9 :');
    expect(t('en', 'search.page', { from: 1 })).toBe('Offers 1 to {to} of {total}:');
  });

  it('chooses the plural of each language (French: 0 and 1 are singular)', () => {
    const offers = '{count, plural, =0 {aucune offre} one {# offre} other {# offres}}';
    expect([0, 1, 2].map((count) => fill(offers, { count }, 'fr'))).toEqual(['aucune offre', '1 offre', '2 offres']);
    expect([1, 3].map((count) => t('fr', 'alert.message', { count }))).toEqual(['Nouvelle offre pour votre alerte :', '3 nouvelles offres pour vos alertes :']);
    expect([1, 36].map((hours) => t('en', 'reminder.message.title', { hours }))).toEqual(['Reminder: 1 hour left to apply', 'Reminder: 36 hours left to apply']);
    expect(t('fr', 'privacy.erased', { conversations: 1, profile: 'vos réponses', reminders: 0, alerts: 2 })).toContain('1 conversation enregistrée, vos réponses, 0 rappel et 2 alertes.');
    // A plural inside a plural branch, and a placeholder left visible when its value is missing.
    expect(fill('{n, plural, one {# an ({unit})} other {# ans}}', { n: 1, unit: 'y' })).toBe('1 an (y)');
    expect(fill('{n, plural, one {# an} other {# ans}}', {})).toBe('{n, plural, one {# an} other {# ans}}');
  });

  it('puts French punctuation in French only', () => {
    expect(t('fr', 'text.labelled', { label: 'Date limite', value: 'lundi' })).toBe('Date limite : lundi');
    expect(t('en', 'text.labelled', { label: 'Deadline', value: 'Monday' })).toBe('Deadline: Monday');
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
