import type { Offer } from '../../data/offers/offer.js';

/**
 * A condition of the post a job seeker asks about before applying ("faut-il le permis ?", "c'est
 * logé ?", "y a-t-il des astreintes ?"). Postings state these in free text, in no fixed field, so the
 * answer is the posting's own lines on the subject, quoted, or that it says nothing of it.
 */
export type ConditionTopic =
  | 'licence'
  | 'vehicle'
  | 'housing'
  | 'onCall'
  | 'travel'
  | 'remoteWork'
  | 'unsocialHours'
  | 'languages'
  | 'criminalRecord'
  | 'medicalFitness';

/** Every condition of the post the offer lists, when the question names none ("quelles sont les conditions ?"). */
export type ConditionQuestion = ConditionTopic | 'conditions';

/**
 * A pattern whose \b and \w know accented letters: JavaScript's are ASCII-only, so "\blogé\b" never
 * matched "logé " (é is not a word character to them) and "exig\w*\b" failed on "exigé".
 */
function letterPattern(source: string): RegExp {
  const boundary = String.raw`(?:(?<=[\p{L}\p{N}_])(?![\p{L}\p{N}_])|(?<![\p{L}\p{N}_])(?=[\p{L}\p{N}_]))`;
  return new RegExp(source.replaceAll(String.raw`\b`, boundary).replaceAll(String.raw`\w`, String.raw`[\p{L}\p{N}_]`), 'iu');
}

interface Topic {
  /** Words of a question about it, French or English. */
  asked: RegExp;
  /** Words of a posting's line about it (postings are in French). */
  said: RegExp;
  /**
   * Whether the duties may state it too ("Assurer les astreintes", a licence misfiled by a layout);
   * not housing, whose duties are the work ("entretien des logements", "demandes de logement").
   */
  inDuties: boolean;
}

/**
 * Short alternations over a message already capped in length: linear, nothing to backtrack. The
 * order matters where a question names two ("un véhicule et le permis" asks about the licence).
 * "permis" is a licence unless it is what the job handles: "permis de construire", "examinateurs au
 * permis" (the transport department's postings).
 */
const TOPICS: ReadonlyArray<readonly [ConditionTopic, Topic]> = [
  ['licence', { asked: letterPattern(String.raw`\bpermis\b|\blicen[cs]e\b`), said: letterPattern(String.raw`(?<!\b(?:au|aux|des|les) )\bpermis\b(?! (?:de |d')?(?:construire|d[ée]molir|lotir|am[ée]nager|exploitation))|\bVL\b`), inDuties: true }],
  ['vehicle', { asked: letterPattern(String.raw`v[ée]hicul\w*|voiture|\bcars?\b|vehicles?`), said: letterPattern(String.raw`v[ée]hicul\w*|voiture`), inDuties: false }],
  ['housing', { asked: letterPattern(String.raw`\blog[ée]e?s?\b|logement|h[ée]berg\w*|housing|accommodation|lodging|\bhouse\b`), said: letterPattern(String.raw`\blog[ée]e?s?\b|logement|h[ée]bergement`), inDuties: false }],
  ['onCall', { asked: letterPattern(String.raw`astreintes?|on[- ]call|standby`), said: letterPattern(String.raw`astreintes?`), inDuties: true }],
  ['remoteWork', { asked: letterPattern(String.raw`t[ée]l[ée][- ]?travail|remote\w*|from home|home ?office`), said: letterPattern(String.raw`t[ée]l[ée][- ]?travail`), inDuties: false }],
  ['travel', { asked: letterPattern(String.raw`d[ée]placements?|se d[ée]placer|\btravel\w*|\btrips?\b|tourn[ée]es?`), said: letterPattern(String.raw`d[ée]placements?|se d[ée]placer|tourn[ée]es?`), inDuties: true }],
  ['unsocialHours', { asked: letterPattern(String.raw`\bnuits?\b|week-?ends?|dimanches?|samedis?|jours? f[ée]ri[ée]s?|horaires d[ée]cal[ée]s|\bnights?\b|\bshifts?\b|sundays?|saturdays?|public holidays?`), said: letterPattern(String.raw`\bnuits?\b|week-?ends?|dimanches?|samedis?|jours? f[ée]ri[ée]s?|horaires d[ée]cal[ée]s|travail post[ée]|\bcycles?\b`), inDuties: true }],
  ['languages', { asked: letterPattern(String.raw`\banglais\b|\blangues?\b|english|languages?|bilingu\w*`), said: letterPattern(String.raw`\banglais\b|\blangues? (?:[ée]trang|vivant|kanak|oc[ée]anien)\w*|bilingu\w*`), inDuties: false }],
  ['criminalRecord', { asked: letterPattern(String.raw`casier|criminal record|background check`), said: letterPattern(String.raw`casier judiciaire|bulletin n?°? ?[23]\b|moralit[ée]`), inDuties: false }],
  ['medicalFitness', { asked: letterPattern(String.raw`aptitude (?:m[ée]dicale|physique)|visite m[ée]dicale|condition physique|certificat m[ée]dical|medical|physical(?:ly)? fit\w*`), said: letterPattern(String.raw`aptitude (?:m[ée]dicale|physique)|visite m[ée]dicale|condition physique|certificat m[ée]dical`), inDuties: false }],
];

/** The condition a question names, or nothing. */
export function askedCondition(text: string): ConditionTopic | undefined {
  return TOPICS.find(([, topic]) => topic.asked.test(text))?.[0];
}

/** Where postings state the post's conditions and requirements, whatever the layout put them under. */
function requirementLines(offer: Offer): string[] {
  return [
    ...(offer.conditions ?? []),
    ...(offer.workingHours ? [offer.workingHours] : []),
    ...(offer.benefits ? [offer.benefits] : []),
    ...(offer.notes ?? []).map((note) => `${note.label} : ${note.value}`),
    ...(offer.knowledge ?? []),
    ...(offer.skills ?? []),
    ...(offer.behaviours ?? []),
    ...(offer.education ? [offer.education] : []),
    ...(offer.experience ? [offer.experience] : []),
    ...(offer.documents ?? []),
  ];
}

/**
 * A line of the duties that states a condition rather than a task ("Poste soumis à astreintes",
 * "Être titulaire du permis B" misfiled by a layout): the duties also speak of housing and licences
 * as the work itself ("entretien des logements", "suivi des examens du permis").
 */
const STATES_A_CONDITION = letterPattern(String.raw`\b(?:obligatoire|exig\w*|requis\w*|n[ée]cessaires?|titulaires?|soumis\w*|devra|impos\w*|possibles?|fr[ée]quent\w*|r[ée]guli[eè]r\w*|assur\w* (?:les|des) astreintes)\b`);

const MAX_LINES = 4;
const MAX_LINE_CHARS = 300;

/** A posting's line in sentences: a paragraph of conditions speaks of several things. */
function sentences(lines: readonly string[]): string[] {
  return lines.flatMap((line) => line.split(/(?<=[.;!?])\s+/u));
}

/** The posting's sentences on the topic, as published (cut when very long), at most a few. */
export function conditionLines(offer: Offer, question: ConditionQuestion): string[] {
  if (question === 'conditions') return tidy([...(offer.conditions ?? []), ...(offer.workingHours ? [offer.workingHours] : [])]);
  const topic = TOPICS.find(([name]) => name === question)?.[1];
  if (!topic) return [];
  const duties = topic.inDuties ? sentences([...offer.missions, ...offer.activities, ...(offer.secondaryActivities ?? [])]).filter((line) => STATES_A_CONDITION.test(line)) : [];
  return tidy([...sentences(requirementLines(offer)), ...duties].filter((line) => topic.said.test(line)));
}

function tidy(lines: string[]): string[] {
  const cut = lines
    .map((line) => line.trim().replace(/\s*[;,]$/, ''))
    .filter((line) => line.length > 0)
    .map((line) => (line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS - 1).trimEnd()}…` : line));
  return [...new Set(cut)].slice(0, MAX_LINES);
}
