import type { SavedSearch } from '../../data/reminders/proactiveRecords.js';
import type { Recognition } from '../recognition/recognizer.js';
import { searchIntentFrom } from '../search/searchRequest.js';
import { lastingFilters } from '../../data/search/searchOffers.js';
import { withoutPersonalData } from '../../data/transcripts/masking.js';

/**
 * The words of asking for an alert ("préviens-moi quand une nouvelle offre … sort", "let me know
 * when … is posted"): they say what to do, not what to look for, and are taken out of the search. Letters are
 * matched with \p{L}: `\b` does not see "ê" as a letter.
 */
const ALERT_WORDS =
  /(?<![\p{L}'])(pr[ée]viens?[- ]?(moi|nous)?|pr[ée]venez[- ]?(moi|nous)?|avertis[- ]?moi|avertissez[- ]?moi|notifie[- ]?moi|informe[- ]?moi|informez[- ]?moi|tiens[- ]moi au courant|tenez[- ]moi au courant|dis[- ]moi|dites[- ]moi|envoie[- ]moi|envoyez[- ]moi|cr[ée]e[rz]?|mets?|mettre|une?|des|les|alertes?|abonne[- ]?moi|abonnement|m'abonner|je veux|je voudrais|[êe]tre|pr[ée]venu|alert(ed)?|notify|tell|let|know|me|us|subscribe|to|an?|the|for|about|when(ever)?|quand|lorsque|d[èe]s que|si|nouvel(les?)?|new|offres?|postes?|annonces?|jobs?|openings?|vacancies|sort(en)?t?|sortira|para[iî]t|paraissent|publi[ée]e?s?|est publi[ée]e?|mise? en ligne|appara[iî]t|is|are|gets?|comes?|out|posted|published|appears?|there|y a|y en a|il|en|de|du|dans|pour|sur|please|s'il (te|vous) pla[iî]t|stp|svp)(?![\p{L}])/giu;

export function alertSearchFrom(recognition: Recognition): SavedSearch {
  const search = searchIntentFrom(recognition);
  // Personal data out first, while its punctuation still shows it ("jean@mail.nc", "26.79.28"): it is
  // no search, and the alert's label, quoted back to the user, must not carry it.
  const text = withoutPersonalData(search.text).replace(/(?<![\p{L}])[dlj]['’]/giu, ' ').replace(ALERT_WORDS, ' ').replace(/[?!.,;:«»"“”]/g, ' ').replace(/\s+/g, ' ').trim();
  return { text, said: recognition.text, filters: lastingFilters(search.filters) };
}
