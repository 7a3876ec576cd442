/**
 * The labels of the header of an avis de vacance de poste, as the employers write them, folded
 * (lower case, no accents). A PDF's two columns often run together on one line, so a label can
 * stand anywhere in a header line: "Employeur : Date limite de candidature : Vendredi 18 juillet
 * 2025" holds two labels, and the employer's value is on the next line.
 */
export type HeaderField =
  | 'reference'
  | 'employer'
  | 'corps'
  | 'direction'
  | 'service'
  | 'location'
  | 'residence'
  | 'posted'
  | 'start'
  | 'deadline'
  | 'respnc'
  | 'level'
  | 'reportsTo'
  | 'staff'
  | 'contact'
  | 'applyTo';

/**
 * Each label, as a pattern over folded text. `inline`: may stand after other text on the line (its
 * words are specific enough); otherwise only at the start of a line.
 */
interface LabelRule {
  field: HeaderField;
  pattern: RegExp;
  inline: boolean;
}

/** "Corps ou Cadre d'emploi / Domaine", "Corps ou grade d'emploi /Domaine", "Cadre/Domaine", "Corps/Catégorie". */
const CORPS_LABEL = /(?:corps|cadres? d'emplois?|cadre(?= ?\/))(?: ou (?:(?:cadres?|grades?) d'emplois?|domaine))?(?: ?\/ ?(?:domaines?|grades?|categories?))*/.source;

const RULES: readonly LabelRule[] = [
  { field: 'reference', pattern: /\breferences? ?(?:de l'offre|de l'avis|avp)? ?:/, inline: true },
  { field: 'employer', pattern: /\b(?:employeur|collectivite(?: employeur)?|etablissement employeur) ?:/, inline: true },
  { field: 'corps', pattern: new RegExp(`\\b${CORPS_LABEL} ?:`), inline: true },
  { field: 'direction', pattern: /^direction ?:/, inline: false },
  { field: 'service', pattern: /\bunite organisationnelle ?:|^service ?:/, inline: true },
  { field: 'location', pattern: /\blieu (?:de travail|d'affectation|d'exercice) ?:?/, inline: true },
  { field: 'residence', pattern: /\bduree de (?:la )?residence (?:exigee|requise)(?: pour (?:le|la) (?:recrutement|nomination) sur titre)? ?(?:\(\d\))? ?:?/, inline: true },
  { field: 'posted', pattern: /\bdate (?:de depot|de publication|de mise en ligne|de parution) de l'(?:offre|avis) ?:?/, inline: true },
  { field: 'start', pattern: /\bpostes? a pourvoir ?:?|\bdate de prise de (?:fonctions?|poste) ?:?/, inline: true },
  { field: 'deadline', pattern: /\bdate limite (?:de (?:candidatures?|depot(?: des candidatures)?|reception des candidatures)) ?:?/, inline: true },
  { field: 'respnc', pattern: /\bemploi respnc ?:?/, inline: true },
  { field: 'level', pattern: /^place dans l'organigramme ?:/, inline: false },
  { field: 'reportsTo', pattern: /^fonction du superieur hierarchique(?: direct)? ?:/, inline: false },
  { field: 'staff', pattern: /^nb d'agents encadres ?:|^nombre d'agents encadres ?:/, inline: false },
  { field: 'contact', pattern: /^(?:contacts?|renseignements(?: aupres de)?|personnes? a contacter) ?:/, inline: false },
  {
    field: 'applyTo',
    pattern: /^(?:adresse de depot|depot des candidatures|candidatures? a adresser a|envoi des candidatures|les candidatures sont a adresser a) ?:/,
    inline: false,
  },
];

/**
 * Labels alone on their line, often as a heading ("# Employeur", "# Corps ou Cadre d'emploi /
 * Domaine", "# Référence"): the value is on the next line.
 */
const BARE: ReadonlyArray<readonly [HeaderField, RegExp]> = [
  ['reference', /^references?$/],
  ['employer', /^employeur$/],
  ['corps', new RegExp(`^${CORPS_LABEL}$`)],
  ['direction', /^direction$/],
  ['service', /^service$/],
  ['location', /^lieu de travail$/],
  ['posted', /^date de depot de l'offre$/],
  ['start', /^postes? a pourvoir$/],
  ['deadline', /^date limite de (?:candidature|depot)s?$/],
  ['respnc', /^emploi respnc$/],
];

export interface LabelMatch {
  field: HeaderField;
  /** Where the label starts and ends in the folded line (which has the same length as the line). */
  start: number;
  end: number;
}

/** The labels a header line holds, in order; those that may not stand inline only at its start. */
export function labelsInLine(folded: string): LabelMatch[] {
  const bare = folded.replace(/\s*\(\d\)\s*/g, '').replace(/\s*:\s*$/, '').trim();
  const alone = BARE.find(([, pattern]) => pattern.test(bare));
  if (alone) return [{ field: alone[0], start: 0, end: folded.length }];
  const found: LabelMatch[] = [];
  for (const rule of RULES) {
    const pattern = new RegExp(rule.pattern.source, 'g');
    for (const match of folded.matchAll(pattern)) {
      if (!rule.inline && match.index !== 0) continue;
      found.push({ field: rule.field, start: match.index, end: match.index + match[0].length });
      break;
    }
  }
  found.sort((a, b) => a.start - b.start);
  // Two rules on one stretch (rare): the earlier one wins.
  return found.filter((m, i) => i === 0 || m.start >= (found[i - 1] as LabelMatch).end);
}

/** A section of the posting's body, by its heading. */
export type Section =
  | 'details'
  | 'missions'
  | 'activities'
  | 'secondary'
  | 'knowledge'
  | 'skills'
  | 'behaviours'
  | 'profile'
  | 'conditions'
  | 'organisation'
  | 'application'
  | 'other';

const SECTIONS: ReadonlyArray<readonly [Section, RegExp]> = [
  ['details', /^details de l'offre\b/],
  ['missions', /^(?:missions?|finalites? du poste|raison d'etre du poste|mission principale|missions? (?:du poste|principales?|generales?))\b/],
  ['secondary', /^(?:activites )?secondaires\b/],
  ['activities', /^(?:activites?|taches|attributions)(?: du poste| principales| essentielles)?\b|^principales\b/],
  ['knowledge', /^(?:savoirs?|connaissances(?: requises)?)\b(?! ?-? ?(?:faire|etre))/],
  ['skills', /^(?:savoir[ -]faire|competences(?: requises| techniques| professionnelles)?)\b/],
  ['behaviours', /^(?:savoir[ -]etre|qualites(?: requises| personnelles)?|comportements?|aptitudes)\b/],
  ['profile', /^(?:profil(?: recherche| du candidat| requis)?|formations?(?: requises?)?|dipl[oô]mes?(?: requis)?|niveau (?:de formation|requis|d'etudes)|experiences?(?: requises?| professionnelles?)?)\b/],
  ['conditions', /^(?:caracteristiques particulieres|conditions particulieres|contraintes(?: particulieres| du poste)?|sujetions)\b/],
  ['organisation', /^(?:liaisons? (?:hierarchiques?|fonctionnelles?)|relations? (?:hierarchiques?|fonctionnelles?)|positionnement)\b/],
  ['application', /^(?:pieces? a fournir|dossiers? de candidature|modalites? de candidature|candidatures?|comment postuler)\b/],
];

/** The section a line opens, when it is a heading of one (short, and alone on its line). */
export function sectionOf(folded: string): Section | undefined {
  if (folded.length > 80) return undefined;
  const bare = folded.replace(/\s*:\s*$/, '').replace(/\s*\(\d\)\s*$/, '');
  // "Missions : assurer l'accueil…" opens the section and starts it with its text.
  return SECTIONS.find(([, pattern]) => pattern.test(bare))?.[0];
}
