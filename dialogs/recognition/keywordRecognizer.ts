import type { OfferSnapshot } from '../../data/offers/offerCatalog.js';
import { normalize } from '../../data/search/normalize.js';
import { queryTerms } from '../../data/search/queryTerms.js';
import type { Intent, IntentRecognizer, Recognition, RecognizedEntity } from './recognizer.js';

/**
 * A small rule-based recogniser that stands in until the language-understanding model lands (it
 * will fill the same interface). Rules are tried in order; the first that matches wins.
 * Patterns run on normalised text: lower case, no accents, punctuation as spaces.
 */
const RULES: ReadonlyArray<readonly [Intent, RegExp]> = [
  ['Cancel', /^(annule[rz]?|annulation|stop|arrete[rz]?|laisse tomber|cancel|quit|never ?mind|abort)( .*)?$/],
  ['Help', /^(aide|help|\?|menu|que sais tu faire|tu sais faire quoi|what can you do|comment (ca|tu) marche|how does (it|this) work)$/],
  ['Help', /^(bonjour|bonsoir|salut|coucou|hello|hi|hey|good (morning|afternoon|evening))( .{0,20})?$/],
  ['HowToApply', /\b(postul\w*|candidat\w*|apply|application|applying|envoyer (mon |ma |le )?(cv|dossier|candidature)|send (my )?(cv|resume|application)|dossier de candidature)\b/],
  ['Deadline', /\b(date limite|deadline|jusqu a quand|until when|closing date|quand (est ce que |ca |elle )?(ferme|se termine|cloture)|when does (it|this|the offer)? ?(close|end)|cloture|delai|due date|expire)\b/],
  ['OfferDetails', /\b(details?|detaille|fiche|en entier|complete|plus d infos?|tell me more|more about|full offer|show (me )?(the )?offer|voir l offre|affiche l offre|montre l offre)\b/],
];

const SEARCH_HINTS =
  /\b(offres?|postes?|emplois?|jobs?|vacanc\w*|openings?|positions?|recrut\w*|cherche\w*|recherche\w*|trouve\w*|search|find|looking|toutes?|all|bientot|soon|ferment|closing)\b/;

const REFERENCE_IN_TEXT =
  /(\b\d{4}-\d{2}-\d{3,5}(?:\s*\/\s*[A-Za-z]{1,4})?\b|\b\d{2}-\d{3,5}\b|(?:n°|no|#|offre|offer|ref|référence|reference|réf)\s*\.?\s*(\d{3,5})\b|\b\d{3,5}\b)/gi;

function scored(top: Intent, score: number): Recognition['intents'] {
  return [{ category: top, confidenceScore: score }];
}

export class KeywordRecognizer implements IntentRecognizer {
  constructor(private readonly offers: () => OfferSnapshot) {}

  async recognize(text: string): Promise<Recognition> {
    const snapshot = this.offers();
    const entities = [...this.references(text, snapshot), ...this.facets(text, snapshot)];
    const normal = normalize(text);
    const rule = RULES.find(([, pattern]) => pattern.test(normal));
    let intent: Intent;
    let score: number;
    if (rule) {
      [intent, score] = [rule[0], 0.9];
    } else if (entities.some((e) => e.category === 'offerReference') && !SEARCH_HINTS.test(normal)) {
      [intent, score] = ['OfferDetails', 0.8];
    } else if (SEARCH_HINTS.test(normal) || entities.length > 0 || this.matchesOffers(text, snapshot)) {
      [intent, score] = ['SearchOffers', 0.7];
    } else {
      [intent, score] = ['None', 0.5];
    }
    return { text, topIntent: intent, intents: scored(intent, score), entities };
  }

  private references(text: string, snapshot: OfferSnapshot): RecognizedEntity[] {
    const found: RecognizedEntity[] = [];
    for (const match of text.matchAll(REFERENCE_IN_TEXT)) {
      const spoken = match[2] ?? match[1] ?? match[0];
      const offer = snapshot.findByReference(spoken);
      // A bare number that is no offer's ("3 jours", "2025") is not a reference.
      if (!offer && !/-/.test(spoken)) continue;
      found.push({
        category: 'offerReference',
        text: match[0],
        offset: match.index,
        length: match[0].length,
        confidenceScore: offer ? 1 : 0.6,
        resolution: offer?.reference ?? spoken.replace(/\s+/g, ''),
      });
    }
    return found;
  }

  private facets(text: string, snapshot: OfferSnapshot): RecognizedEntity[] {
    return snapshot.facetMatcher.find(text).map((mention) => ({
      category: mention.value.kind === 'commune' ? 'location' : mention.value.kind,
      text: text.slice(mention.start, mention.end),
      offset: mention.start,
      length: mention.end - mention.start,
      confidenceScore: 0.9,
      resolution: mention.value.label,
    }));
  }

  /**
   * Words that name offers make a search even without "offres" ("ingénieur informatique"): at least
   * half the words must be words of titles, grades, domains, employers or places, typos allowed.
   * A word found only deep in some activities ("quel temps fait-il") is not enough.
   */
  private matchesOffers(text: string, snapshot: OfferSnapshot): boolean {
    const terms = queryTerms(text);
    if (terms.length === 0) return false;
    const naming = terms.filter((term) =>
      term.variants.some((v) => snapshot.matchWord(v.word, 1).some((m) => snapshot.index.salient.has(m.word))),
    );
    return naming.length * 2 >= terms.length;
  }
}
