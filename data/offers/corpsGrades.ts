/**
 * The "Corps / Domaine" field of a posting's text, as the PDFs give it. Their layout puts the
 * "Direction" column beside it, so the text taken out of them often runs the two together
 * ("Attaché Direction du Développement Économique et du Tourisme", "Emploi Direction des Finances
 * fonctionnel"), or gives the direction alone on the grade's line ("Direction : de la distribution").
 * The direction is taken out and returned on its own; what cannot be a grade is dropped.
 */
import { capitalise, present } from './fieldValues.js';

export interface CorpsAndDomain {
  grades: string[];
  /** Most often one; several when the posting gives alternatives ("économie rurale, équipement ou informatique"). */
  domains: string[];
  /** A direction found run into the field, for a posting whose own "Direction" line was lost. */
  direction?: string;
}

/** Words a direction's name goes on with: "de la", "et", "l'", and the institutions ("de la province Sud"). */
const NAME_LINK = /^(?:de|du|des|la|le|les|et|l['’]|d['’]|de la|de l['’]|province|ville|commune|gouvernement|nouvelle-cal[ée]donie)$/i;
/** What follows a grade but is no part of it: "– Catégorie B+ – Temps complet", "- Statut particulier des personnels…". */
const AFTER_THE_GRADE = /\s+[–-]\s+(?:cat[ée]gorie|temps (?:complet|partiel|plein)|statut particulier)\b.*$/iu;
/** "Statut particulier du corps des Sages-Femmes": the text of the statute around the corps' name. */
const STATUTE = /^statut particulier (?:du corps |du cadre )?(?:des |de la |de l['’]|du )?/iu;
/** Never a grade: a pointer elsewhere ("Cf tableau ci-dessous"), a fragment ("De la prévention…", "Du cadre Etat"). */
const NO_GRADE = /^(?:cf\b|voir\b|se r[ée]f[ée]rer|(?:de|du|des|d['’])\s)|ci-dessous|ci-apr[eè]s/iu;

/**
 * "Sage-femme Direction des affaires médicales": the direction's name runs on over capitalised words
 * and the words that link them; a name in lower case ("des affaires médicales") runs to the end.
 */
function withoutDirection(part: string): { grade: string; direction?: string } {
  const at = /(?:^|\s)Direction\b/.exec(part);
  if (!at) return { grade: part };
  const before = part.slice(0, at.index).trim();
  // "Direction : de la distribution": the column's own label; all that follows is its value.
  const labelled = /^\s*Direction\s*:\s*(.*)$/u.exec(part.slice(at.index));
  if (labelled) {
    const rest = (labelled[1] as string).trim();
    return { grade: before, ...(rest ? { direction: /^(?:(?:de|du|des)\s|d['’])/i.test(rest) ? `Direction ${rest}` : rest } : {}) };
  }
  const words = part.slice(at.index).trim().split(/\s+/).slice(1);
  const capitalised = (word: string) => /^[\p{Lu}(]/u.test(word.replace(/^[ld]['’]/i, ''));
  const firstContent = words.find((word) => !NAME_LINK.test(word));
  let end = words.length;
  if (firstContent !== undefined && capitalised(firstContent)) {
    end = words.findIndex((word) => !NAME_LINK.test(word) && !capitalised(word));
    if (end < 0) end = words.length;
  }
  const name = ['Direction', ...words.slice(0, end)].join(' ');
  const after = words.slice(end).join(' ');
  return { grade: `${before} ${after}`.trim(), direction: words.slice(0, end).some((w) => !NAME_LINK.test(w)) ? name : undefined };
}

/** The first words of the corps postings name most. */
const CORPS_WORDS = 'r[ée]dacteur|adjoint|attach[ée]|agent|technicien|ing[ée]nieur|infirmi|assistant|contr[ôo]leur|cadre|m[ée]decin|professeur';

/**
 * Where the grades go apart: "ou", a comma, "et" before a rank ("1ᵉʳ et 2ème grade"), and an "ou"
 * the PDF's text ran into the next corps ("TSEEAC ourédacteur": the space lost with the column).
 */
const BETWEEN_GRADES = new RegExp(String.raw`\s+ou\s+|\s*,\s*|\s+et\s+(?=\d)|\s+ou(?=(?:${CORPS_WORDS})\p{L}*)`, 'iu');
/** "économie rurale ou équipement ou Attaché": a corps among the domains, the grade of another way in. */
const A_CORPS = new RegExp(String.raw`^(?:${CORPS_WORDS})`, 'iu');
/** "Ingénieur 2ème grade", "Technicien 1ᵉʳ", "2e grade": a corps (or nothing), its rank, and the word "grade". */
const RANKED = /^(\D*?)\s*(\d+\s*\p{L}{0,3})(?:\s+(grades?|classes?))?$/iu;
/** "Ingénieur 1er ou 2ème grade domaine informatique": the domain named inside the field. */
const DOMAIN_INSIDE = /\s+domaines?\s*:?\s+(.+)$/iu;

/**
 * A list of ranks of one corps says the corps and the word "grade" once: "Technicien 1er ou 2e
 * grade", "Attaché d'administration ou Ingénieur 1er ou 2ème grade". Each grade gets both.
 */
function withCorpsAndRank(parts: string[]): string[] {
  let corps = '';
  const ranked = parts.map((part) => {
    const match = RANKED.exec(part);
    if (!match) {
      corps = '';
      return { part };
    }
    corps = (match[1] as string) || corps;
    return { part, corps, rank: match[2] as string, word: match[3] };
  });
  // The word said after the last rank of a run goes to the ranks of the same corps before it.
  let word: string | undefined;
  for (let i = ranked.length - 1; i >= 0; i--) {
    const entry = ranked[i] as (typeof ranked)[number];
    if (entry.rank === undefined) word = undefined;
    else word = entry.word ?? (ranked[i + 1]?.corps === entry.corps ? word : undefined);
    if (entry.rank !== undefined) entry.part = [entry.corps, entry.rank, word].filter(Boolean).join(' ');
  }
  return ranked.map(({ part }) => part);
}

/** The units of a direction, which no domain's name starts with. */
const ORGANISATION_UNIT = /^(?:service|bureau|p[ôo]le|cellule|division|d[ée]partement|section|unit[ée]|secr[ée]tariat)\b/iu;
/** A unit run into the domain after it, with its capital: "Statistiques Service du Parc Naturel de la Mer de Corail". */
const UNIT_RUN_IN = /\s(?:Service|Bureau|Pôle|Cellule|Division|Département|Section)\b/u;

/**
 * What the column holds where the domain is: the domain, or several as alternatives ("Domaine économie
 * rurale, équipement ou informatique"), with a direction or a unit run into it ("équipement Direction
 * technique et du biomédical", "Statistiques Service du Parc…"), and a grade of another way in among the
 * alternatives ("économie rurale ou équipement ou Attaché"; alone, "Cadre des sapeurs-pompiers" stays the
 * domain it is filed as). A comma alone is part of a name ("Administration, finance et juridique").
 */
function domainColumn(text: string): { domains: string[]; grades: string[]; direction?: string } {
  let domain = present(text.replace(/^\s*domaines?\s*:?\s*/iu, ''));
  let direction: string | undefined;
  if (domain) {
    const after = withoutDirection(domain);
    if (after.direction) {
      direction = after.direction;
      // What follows the name is the domain the column ran in ("équipement"), not a service under it.
      domain = present(after.grade.replace(/^[\s–-]+/u, ''));
    }
  }
  const found = { domains: [] as string[], grades: [] as string[], ...(direction ? { direction } : {}) };
  // "Direction … (DASSPS)/Service des Métiers de Soins/Bureau dentaire-Centres médico-sociaux": a unit under
  // the direction, where the column's domain would be; no domain.
  if (!domain || ORGANISATION_UNIT.test(domain)) return found;
  const unit = UNIT_RUN_IN.exec(domain);
  if (unit) domain = domain.slice(0, unit.index);
  const alternatives = /\s+ou\s+/iu.test(domain);
  for (const part of alternatives ? domain.split(/\s*,\s*|\s+ou\s+/iu) : [domain]) {
    const name = part.trim();
    if (!/\p{L}{2}/u.test(name)) continue;
    (alternatives && A_CORPS.test(name) ? found.grades : found.domains).push(capitalise(name));
  }
  return found;
}

/** The domains a text of the domain column names, as a posting's is read ("Domaine informatique" → "Informatique"). */
export function domainsNamed(text: string): string[] {
  return domainColumn(text).domains;
}

/** "Ingénieur 2ème grade / Informatique", "Technicien 1er ou 2e grade/informatique": grades, then the domain. */
export function corpsAndDomain(value: string): CorpsAndDomain {
  const slash = value.lastIndexOf('/');
  // The direction first, on the whole field: its name may hold a comma ("de la Vie Citoyenne, Éducative et Sportive").
  const { grade: field, direction: runIn } = withoutDirection((slash >= 0 ? value.slice(0, slash) : value).trim());
  const inside = DOMAIN_INSIDE.exec(field);
  // "Ingénieur 1ᵉʳ et 2ème grade / Direction des Systèmes d’Informations (DSI)": no domain, the direction.
  const column = slash >= 0 ? domainColumn(value.slice(slash + 1)) : undefined;
  // The domain said inside the grade's field, when the column after the slash names none.
  const named = column?.domains.length || !inside ? column : domainColumn(inside[1] ?? '');
  const direction = runIn ?? named?.direction ?? column?.direction;
  const parts = (inside ? field.slice(0, inside.index) : field)
    .split(BETWEEN_GRADES)
    .map((part) => part.replace(AFTER_THE_GRADE, '').replace(STATUTE, '').replace(/\s*[–-]\s*$/u, '').trim())
    .filter((g) => g !== '' && (/\p{L}{2}/u.test(g) || /^\d/.test(g)) && !NO_GRADE.test(g));
  const grades = [...withCorpsAndRank(parts).filter((g) => /\p{L}{2}/u.test(g)).map(capitalise), ...(named?.grades ?? [])];
  return { grades, domains: named?.domains ?? [], ...(direction ? { direction } : {}) };
}

