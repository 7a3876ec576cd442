import type { Offer } from '../offers/offer.js';
import { foldAccents } from './normalize.js';

/**
 * Facts few postings state: the working time, the contract, the category ("temps partiel", "CDD",
 * "catégorie B": a handful of the 385 real ones say any). No field holds them, so an offer is said
 * to have one when its text says so, and one whose text is silent is not known not to. Both the
 * user's words and the offers' texts are read with these fixed patterns, in folded form (lower
 * case, no accents): nothing the user typed becomes a pattern.
 */
export const STATED_FACTS = {
  partTime: { kind: 'workingTime', asked: /\b(?:temps partiel|mi-temps|temps non complet|part[- ]time)\b/, stated: /\b(?:temps partiel|mi-temps|mi temps|temps non complet)\b/ },
  fullTime: { kind: 'workingTime', asked: /\b(?:temps (?:plein|complet)|full[- ]time)\b/, stated: /\btemps (?:plein|complet)\b/ },
  fixedTerm: { kind: 'contract', asked: /\b(?:cdd|contrat a duree determinee|fixed[- ]term)\b/, stated: /\b(?:cdd|duree determinee)\b/ },
  permanent: { kind: 'contract', asked: /\b(?:cdi|contrat a duree indeterminee|permanent contract)\b/, stated: /\b(?:cdi|duree indeterminee)\b/ },
  // "Stage" asked is an internship ("stagiaire" is also a civil servant on probation, so it is not asked by it);
  // a posting says one in these words, not by "stage" alone ("encadrer les stages d'habilitation").
  traineeship: {
    kind: 'traineeship',
    asked: /\b(?:stages?|internships?|traineeships?|alternance|apprentissage|apprenti(?:e|s|es)?|apprenticeships?)\b/,
    stated: /\b(?:offre de stage|convention de stage|gratification de stage|stage remunere|contrat d'apprentissage|contrat en alternance|en contrat d'alternance)\b/,
  },
  // None of the 385 real postings says it: "offres sans diplôme" lists none, and says that it does not know.
  noDiploma: {
    kind: 'diploma',
    asked: /\b(?:sans (?:le |aucun )?(?:diplome|bac|baccalaureat)|pas de diplome|aucun diplome|no (?:diploma|degree)|without (?:a )?(?:diploma|degree))\b/,
    stated: /\b(?:sans (?:condition de )?diplome|aucun diplome (?:n'est )?(?:requis|exige)|pas de diplome (?:requis|exige))\b/,
  },
  categoryA: { kind: 'category', asked: /\b(?:categorie|category) a\b/, stated: /\bcategorie a\b/ },
  categoryB: { kind: 'category', asked: /\b(?:categorie|category) b\b/, stated: /\bcategorie b\b/ },
  categoryC: { kind: 'category', asked: /\b(?:categorie|category) c\b/, stated: /\bcategorie c\b/ },
  categoryD: { kind: 'category', asked: /\b(?:categorie|category) d\b/, stated: /\bcategorie d\b/ },
} as const;

export type StatedFact = keyof typeof STATED_FACTS;

/** Facts that name offers of a kind on their own ("y a-t-il des stages ?", "internship"), without "offres" or "postes". */
export const KINDS_OF_OFFER: ReadonlySet<StatedFact> = new Set(['traineeship']);
export type StatedFactKind = (typeof STATED_FACTS)[StatedFact]['kind'];

/** The fact asked for in a message ("postes à temps partiel"), and where it is said, to take it out of the words. */
export function statedFactAsked(text: string): { fact: StatedFact; start: number; end: number } | undefined {
  // Folded letter for letter: where a fact stands in the folded text is where it stands in the text.
  const plain = foldAccents(text);
  for (const fact of Object.keys(STATED_FACTS) as StatedFact[]) {
    const found = STATED_FACTS[fact].asked.exec(plain);
    if (found) return { fact, start: found.index, end: found.index + found[0].length };
  }
  return undefined;
}

const offerTexts = new WeakMap<Offer, string>();

/** Does the offer's text say it? Its folded text is made once per offer. */
export function offerStates(offer: Offer, fact: StatedFact): boolean {
  let text = offerTexts.get(offer);
  if (text === undefined) {
    // The whole record, not the index's texts: those drop "a" and "c" as function words, and "catégorie A" with them.
    text = foldAccents(JSON.stringify(offer));
    offerTexts.set(offer, text);
  }
  return STATED_FACTS[fact].stated.test(text);
}
