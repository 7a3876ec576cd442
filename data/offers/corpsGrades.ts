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
  domain?: string;
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

/** "Ingénieur 2ème grade / Informatique", "Technicien 1er ou 2e grade/informatique": grades, then the domain. */
export function corpsAndDomain(value: string): CorpsAndDomain {
  const slash = value.lastIndexOf('/');
  const domain = slash >= 0 ? present(value.slice(slash + 1).replace(/^domaines?\s*:?\s*/i, '')) : undefined;
  let direction: string | undefined;
  const parts = (slash >= 0 ? value.slice(0, slash) : value)
    .split(/\s+ou\s+|\s*,\s*/i)
    .map((part) => {
      const cleaned = withoutDirection(part.trim());
      direction ??= cleaned.direction;
      return cleaned.grade.replace(AFTER_THE_GRADE, '').replace(STATUTE, '').trim();
    })
    .filter((g) => g !== '' && /\p{L}{2}/u.test(g) && !NO_GRADE.test(g));
  // "Technicien 1er ou 2e grade": the second grade is the first's corps at another rank.
  const corps = /^(\D+?)\s+\d/.exec(parts[0] ?? '')?.[1];
  const grades = parts.map((part) => (corps && /^\d/.test(part) ? `${corps} ${part}` : part)).map(capitalise);
  return { grades, ...(domain ? { domain: capitalise(domain) } : {}), ...(direction ? { direction } : {}) };
}

