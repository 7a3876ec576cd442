import type { Clock } from '../../data/clock.js';
import type { OfferSnapshot } from '../../data/offers/offerCatalog.js';
import { namesOffers } from '../../data/search/searchOffers.js';
import { FACET_KINDS } from '../../data/search/facets.js';
import { inSearchVocabulary } from '../../data/search/queryTerms.js';
import { factsInSentence } from '../eligibility/sentenceFacts.js';
import { asksWhenPosted } from '../search/searchRequest.js';
import { KINDS_OF_OFFER, statedFactAsked } from '../../data/search/statedFacts.js';
import { entityOf, type IntentRecognizer, type Recognition } from './recognizer.js';

/**
 * "je suis infirmière", "I am a nurse", "je suis comptable, quels postes pour moi ?": the trade, said of
 * oneself. The model, trained on "je suis fonctionnaire" for eligibility, reads the shape as a check.
 * Folded-free: the trade is read against the catalogue by `namesOffers`. Short on purpose.
 */
const SAYS_A_TRADE = /^(?:(?:bonjour|salut|hello|hi)[\s,!.]+)?(?:moi,?\s+)?(?:je\s+suis|i\s+am|i'm|i’m)\s+(?:un\s+|une\s+|a\s+|an\s+)?([^,.;!?]{2,40}?)(?:\s+de\s+(?:m[ée]tier|formation|profession))?\s*(?:[,.;!?].{0,60})?$/iu;
/** Words of a check, or a status the check asks about: such a sentence stays the model's. */
const ABOUT_A_CHECK = /[ée]ligib|postuler|candidat|\bapply|qualif|fonctionnaire|contractuel|titulaire|laur[ée]at|citoyen|stagiaire|civil servant|citizen|contract/iu;
/**
 * Asking to be told later: "nouvelles offres" in "préviens-moi des nouvelles offres" is an alert, in
 * "quelles sont les nouvelles offres ?" a search of the week's offers.
 */
const ASKS_TO_BE_TOLD = /pr[ée]vien|pr[ée]venez|pr[ée]venu|avertis|notifi|inform|au courant|alerte|abonn|envoie|envoyez|suivre|quand|lorsque|d[èe]s que|\b(?:send|tell|let me know|notify|alert|subscribe|keep me|follow|when|whenever|as soon)\b/iu;
/** The intents "nouvelles offres" is mistaken for when it asks what was published. */
const READ_AS_AN_ALERT: ReadonlySet<Recognition['topIntent']> = new Set(['SearchOffers', 'SubscribeAlerts', 'OfferDetails', 'OfferConditions', 'Help', 'None']);
/** Offers in the plural: "postes à temps partiel" asks for a list, "le poste est-il à temps partiel ?" of one offer. */
const OF_OFFERS = /(?<![\p{L}])(?:offres|postes|emplois|annonces|jobs|offers|positions|vacancies)(?![\p{L}])/iu;
/** The intents "postes à temps partiel" is mistaken for: a question about the offer on screen. */
const ASKED_OF_ONE_OFFER: ReadonlySet<Recognition['topIntent']> = new Set(['OfferConditions', 'OfferDetails', 'Help', 'None']);
/** The intents "je suis …" is mistaken for. */
const READ_AS_A_CHECK: ReadonlySet<Recognition['topIntent']> = new Set(['CheckEligibility', 'ApplicationProgress', 'Help', 'None']);

/**
 * The language model with the catalogue behind it. A message the model does not place ("infirmier",
 * "nurse", "Lifou", "CHT", "54956") is read against the offers: a reference alone is that offer;
 * words that name offers (a title, a grade, a domain, an employer, a place) are a search. Anything
 * else stays None, for the fallback. Whichever model runs (embedded, CLU), the bot and `nlu:eval`
 * read bare words the same way.
 */
export class CatalogueRecognizer implements IntentRecognizer {
  constructor(
    private readonly model: IntentRecognizer,
    private readonly offers: () => OfferSnapshot,
    private readonly clock: Clock,
  ) {}

  async recognize(text: string, language: 'fr' | 'en'): Promise<Recognition> {
    const recognition = await this.model.recognize(text, language);
    const as = (topIntent: Recognition['topIntent']): Recognition => ({
      ...recognition,
      topIntent,
      intents: [{ category: topIntent, confidenceScore: 1 }, ...recognition.intents.filter((i) => i.category !== topIntent)],
    });
    const reference = entityOf(recognition, 'offerReference');
    const known = reference !== undefined && reference.confidenceScore >= 1;
    // "0966", "la 0966 ?": no word but the reference, so whatever intent the model leans to is noise.
    if (known && !/\p{L}{3,}/u.test(text.slice(0, reference.offset) + text.slice(reference.offset + reference.length))) return as('OfferDetails');
    // "what does the job 1049 involve": a search names no reference; one named is the offer asked about.
    if (known && recognition.topIntent === 'SearchOffers') return as('OfferDetails');
    if (this.saysATrade(text, recognition)) return as('SearchOffers');
    // "postes à temps partiel", "offres en CDD": asked of offers, not of the one on screen.
    // "y a-t-il des stages ?", "internship": the word names offers of a kind itself.
    const stated = statedFactAsked(text);
    if (ASKED_OF_ONE_OFFER.has(recognition.topIntent) && !known && stated && (OF_OFFERS.test(text) || KINDS_OF_OFFER.has(stated.fact))) return as('SearchOffers');
    if (READ_AS_AN_ALERT.has(recognition.topIntent) && !known && asksWhenPosted(text) && !ASKS_TO_BE_TOLD.test(text)) return as('SearchOffers');
    if (recognition.topIntent !== 'None') return recognition;
    if (known && reference.length >= text.trim().length - 8) return as('OfferDetails');
    const snapshot = this.offers();
    const namesPlace = recognition.entities.some((e) => (FACET_KINDS as readonly string[]).includes(e.category));
    if (namesPlace || namesOffers(snapshot.index, text, snapshot.matchWord, this.clock.now()) || inSearchVocabulary(text)) return as('SearchOffers');
    return recognition;
  }

  private saysATrade(text: string, recognition: Recognition): boolean {
    if (!READ_AS_A_CHECK.has(recognition.topIntent) || text.length > 120 || ABOUT_A_CHECK.test(text)) return false;
    const trade = SAYS_A_TRADE.exec(text.trim())?.[1];
    if (!trade || Object.keys(factsInSentence(text, this.clock.now())).length > 0) return false;
    const snapshot = this.offers();
    return namesOffers(snapshot.index, trade, snapshot.matchWord, this.clock.now());
  }
}
