import type { SavedSearch } from '../../data/reminders/proactiveRecords.js';
import { quoted } from '../replies.js';
import { t, type Language } from '../i18n/messages.js';

/** A saved search in a few words: "informatique · Koné", or "toutes les offres". */
export function searchLabel(search: SavedSearch, language: Language): string {
  const parts = [search.text.trim(), ...Object.values(search.filters)].filter((p): p is string => !!p && p.trim() !== '');
  return parts.length > 0 ? quoted(parts.join(' · '), 100) : t(language, 'alert.allOffers');
}
