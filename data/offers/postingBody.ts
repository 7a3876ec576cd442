import { foldAccents } from '../search/normalize.js';
import type { PostingLine } from './postingLines.js';
import { labelsInLine, sectionOf, type Section } from './postingHeader.js';

/** The body of a posting, section by section, as the posting words it. */
export interface PostingBody {
  presentation: string[];
  missions: string[];
  activities: string[];
  secondaryActivities: string[];
  knowledge: string[];
  skills: string[];
  behaviours: string[];
  conditions: string[];
  relations: string[];
  education?: string;
  experience?: string;
  /** Where to send the application, when the body says it (an address, an e-mail). */
  applyTo?: string;
  /** The documents the application must hold, when the posting lists them. */
  documents: string[];
}

/** Words of a diploma: the profile's lines that say what education the post needs. */
const EDUCATION = /\b(?:dipl[oô]mes?|bac(?:calaureat)?|licence|master|doctorat|bts|dut|but|cap|bep|niveau \w+|titulaire|formation)\b/;
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;
/** A document of an application: "CV", "lettre de motivation", "copie du diplôme", "attestation de …". */
const DOCUMENT = /\b(?:cv|curriculum|lettre|copie|attestation|fiche|justificatifs?|certificat|demande|photo(?:graphie)?|releve|arrete|extrait|casier|diplomes?|piece d'identite|carte d'electeur)\b/;

/**
 * An item of the posting's list of documents, worded as it stands: a list item, or a short line, that
 * names a document and is neither where to send it nor how ("à adresser à…", an e-mail).
 */
function isDocument(text: string, bullet: boolean): boolean {
  const folded = foldAccents(text);
  if (!DOCUMENT.test(folded) || EMAIL.test(text) || /\b(adresse[rz]?|envoye[rz]?|depose[rz]?|a l'attention|par courrier|par mail)\b/.test(folded)) return false;
  return bullet || text.length <= 120;
}

export function readPostingBody(lines: readonly PostingLine[]): PostingBody {
  const body: PostingBody = {
    presentation: [],
    missions: [],
    activities: [],
    secondaryActivities: [],
    knowledge: [],
    skills: [],
    behaviours: [],
    conditions: [],
    relations: [],
    documents: [],
  };
  const education: string[] = [];
  const experience: string[] = [];
  const application: string[] = [];
  /** The list under "Missions": the activities, when the posting has no list of its own for them. */
  const missionItems: string[] = [];
  let section: Section | 'none' = 'none';
  for (const line of lines) {
    const heading = sectionOf(line.folded);
    if (heading) {
      section = heading;
      // "Missions : assurer l'accueil…": the heading's own line may carry the section's first text.
      const rest = line.text.includes(':') ? line.text.slice(line.text.indexOf(':') + 1).trim() : '';
      if (!rest || rest.length < 3) continue;
      add(section, rest, false);
      continue;
    }
    // A header label met in the body (Emploi RESPNC, the organisation's labels) is the header's.
    if (labelsInLine(line.folded).some((l) => l.start === 0)) {
      if (/^(?:unite organisationnelle|place dans l'organigramme|fonction du superieur|nb d'agents)/.test(line.folded)) section = 'organisation';
      continue;
    }
    if (/^(?:www\.|https?:)/.test(line.folded) || /^\(\d\)/.test(line.text)) continue;
    add(section, line.text, line.bullet);
  }
  if (body.activities.length === 0) body.activities.push(...missionItems);
  else body.missions.push(...missionItems);
  if (education.length > 0) body.education = education.join(' ');
  if (experience.length > 0) body.experience = experience.join(' ');
  const withEmail = application.find((l) => EMAIL.test(l));
  if (withEmail) body.applyTo = withEmail;
  return body;

  function add(where: Section | 'none', text: string, bullet: boolean): void {
    switch (where) {
      case 'details':
        body.presentation.push(text);
        return;
      case 'missions':
        (bullet ? missionItems : body.missions).push(text);
        return;
      case 'activities':
        body.activities.push(text);
        return;
      case 'secondary':
        body.secondaryActivities.push(text);
        return;
      case 'knowledge':
      case 'skills':
      case 'behaviours':
      case 'conditions':
        body[where].push(text);
        return;
      case 'organisation':
        // "- directs : /" under the number of staff managed says nothing.
        if (!/^(?:directs?|indirects?)\s*:/.test(text)) body.relations.push(text);
        return;
      case 'profile':
        (EDUCATION.test(text.toLowerCase()) ? education : experience).push(text);
        return;
      case 'application':
        application.push(text);
        if (isDocument(text, bullet)) body.documents.push(text.replace(/\s*[;,.]\s*$/, ''));
        return;
      case 'none':
      case 'other':
        return;
    }
  }
}
