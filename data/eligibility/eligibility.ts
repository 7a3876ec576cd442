import { DateTime } from 'luxon';
import type { Offer } from '../offers/offer.js';
import { isClosed, lastDay, OFFER_ZONE } from '../offers/openness.js';
import { normalize } from '../search/normalize.js';
import { FACTS, type CandidateProfile, type Fact } from './candidateProfile.js';
import { labelOf, parseEducation } from './educationLevels.js';
import type { RuleId, VerdictKind } from './eligibilityRules.js';

/**
 * Can this candidate apply for this offer? Plain functions over the offer record and the profile:
 * a verdict, every reason (a rule of `eligibility-rules.json` and the values it speaks of) and the
 * facts still missing. The bot asks for those facts one at a time and calls again.
 */
export interface Reason {
  rule: RuleId;
  /** met: in the candidate's favour; notMet: against; unknown: a fact is missing; info: to know. */
  outcome: 'met' | 'notMet' | 'unknown' | 'info';
  params: Record<string, string | number>;
}

export interface Verdict {
  kind: VerdictKind;
  reasons: Reason[];
  missing: Fact[];
}

export interface Application {
  /** The grade applied for, when the offer's residence condition differs by grade. */
  grade?: string;
  /** Facts the candidate could not give: not asked again (the verdict then says it cannot tell). */
  unanswerable?: readonly Fact[];
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const FACT_ORDER: readonly Fact[] = FACTS;

/**
 * The residence the offer requires for a grade, or the grades to choose from when it depends.
 * `underUnstated`: "inférieure à 3 ans", a requirement under `years` whose exact value is not stated.
 */
export function residenceRequirement(
  offer: Offer,
  grade: string | undefined,
): { years?: number; underUnstated?: boolean; route?: string; grades?: string[]; notStatedFor?: string } {
  const requirements = offer.residence?.requirements ?? [];
  if (requirements.length === 0) return {};
  const of = (r: Requirement) => ({
    years: r.years,
    ...(r.comparison === 'lessThan' ? { underUnstated: true } : {}),
    // "recrutement direct d'un adjoint administratif": the years are that route's, not "sur titre"'s.
    ...(r.route ? { route: r.route } : {}),
  });
  const byGrade = requirementsByGrade(offer);
  if (!byGrade) return of(requirements[0] as Requirement);
  const chosen = grade ? byGrade.find((entry) => sameWords(entry.grade, grade)) : undefined;
  if (chosen) return chosen.requirement ? of(chosen.requirement) : { notStatedFor: chosen.grade };
  return { grades: byGrade.map((entry) => entry.grade) };
}

type Requirement = NonNullable<Offer['residence']>['requirements'][number];

/**
 * The residence required grade by grade, when it differs by grade: "1er grade : 10 ans ; 2ème grade :
 * 5 ans", or years stated for one corps of an offer of two ("rédacteur ou adjoint administratif …
 * pour le recrutement direct d'un adjoint administratif : 10 ans": the rédacteur's are not stated,
 * an entry without requirement). Undefined when one requirement stands for the whole offer.
 */
export function requirementsByGrade(offer: Offer): Array<{ grade: string; requirement?: Requirement }> | undefined {
  const requirements = offer.residence?.requirements ?? [];
  const distinct = new Set(requirements.map((r) => `${r.years}${r.comparison ?? ''}`));
  if (distinct.size > 1) {
    // Told apart by grade, or else by route ("sur titre : 5 ans ; recrutement direct : 10 ans").
    const labelled = requirements.filter((r) => r.grade ?? r.route).map((r) => ({ grade: (r.grade ?? r.route) as string, requirement: r }));
    if (labelled.length >= 2) return labelled;
  }
  // One requirement whose route names a corps of the offer, on an offer of several corps.
  const named = (label: string) => requirements.find((r) => r.route && ` ${normalize(r.route)} `.includes(` ${normalize(label)} `));
  const corps = [...new Set(offer.corpsGrades)];
  if (corps.length < 2 || !corps.some(named) || corps.every(named)) return undefined;
  return corps.map((label) => ({ grade: label, requirement: named(label) }));
}

/** Years lived in New Caledonia at `now`: the least and the most the answer allows. */
export function residenceYears(profile: CandidateProfile, now: Date): { least: number; most: number } | undefined {
  if (!profile.residenceSince) return undefined;
  const since = DateTime.fromISO(profile.residenceSince, { zone: OFFER_ZONE });
  const years = (from: DateTime) => Math.max(0, (now.getTime() - from.toMillis()) / YEAR_MS);
  if (profile.residencePrecision === 'year') return { least: years(since.endOf('year')), most: years(since.startOf('year')) };
  const exact = years(since);
  return { least: exact, most: exact };
}

function sameWords(a: string, b: string): boolean {
  return normalize(a) === normalize(b);
}

/** A civil servant of "Ingénieur" belongs to the corps of an offer for "Ingénieur 2ème grade". */
export function inOfferCorps(offer: Offer, corps: string): boolean {
  const wanted = normalize(corps);
  if (!wanted) return false;
  return offer.corpsGrades.some((label) => {
    const folded = normalize(label);
    return ` ${folded} `.includes(` ${wanted} `) || ` ${wanted} `.includes(` ${folded} `);
  });
}

/** " (https://…)" when the posting is on the web: where the condition the record lacks is written. */
function postingLink(offer: Offer): string {
  return offer.source && /^https?:\/\//.test(offer.source) ? ` (${offer.source})` : '';
}

/** " : Mme X, 26 79 28, drh@opt.nc" when the offer names someone to ask. */
function contactOf(offer: Offer): string {
  const who = [offer.contact?.name, offer.contact?.phone, offer.contact?.email ?? offer.applyTo?.email].filter(Boolean).join(', ');
  return who ? ` (${who})` : '';
}

function yearsText(years: number): number {
  return Math.floor(years * 10) / 10;
}

export function assessEligibility(offer: Offer, profile: CandidateProfile, now: Date, application: Application = {}): Verdict {
  const reasons: Reason[] = [];
  const missing: Fact[] = [];
  const cannot = new Set(application.unanswerable ?? []);
  const need = (fact: Fact) => {
    if (!missing.includes(fact)) missing.push(fact);
  };
  const corpsList = offer.corpsGrades.join(', ');

  if (isClosed(offer, now)) {
    return { kind: 'notEligible', reasons: [{ rule: 'closed', outcome: 'notMet', params: { date: lastDay(offer) } }], missing: [] };
  }

  // A civil servant of the offer's corps moves by transfer: no residence or diploma condition.
  if (profile.status === undefined) need('status');
  if (profile.status === 'civilServant') {
    if (!profile.corps) need('corps');
    else if (inOfferCorps(offer, profile.corps)) {
      return { kind: 'eligibleOtherRoute', reasons: [{ rule: 'civilServantOfCorps', outcome: 'met', params: { corps: profile.corps } }], missing: [] };
    } else {
      reasons.push({ rule: 'civilServantOtherCorps', outcome: 'info', params: { corps: profile.corps, offerCorps: corpsList } });
    }
  }
  if (profile.status === 'contract') reasons.push({ rule: 'contractStaff', outcome: 'info', params: {} });
  // A laureate of the offer's corps comes by the concours: a route of its own, to confirm with HR.
  if (profile.status === 'laureate') {
    if (!profile.corps) need('corps');
    else if (inOfferCorps(offer, profile.corps)) {
      return { kind: 'eligibleOtherRoute', reasons: [{ rule: 'laureateOfCorps', outcome: 'met', params: { corps: profile.corps, contact: contactOf(offer) } }], missing: [] };
    } else {
      reasons.push({ rule: 'laureateOtherCorps', outcome: 'info', params: { corps: profile.corps, offerCorps: corpsList } });
    }
  }

  // Residence, for recruitment "sur titre": citizens and long-enough residents have priority.
  let residenceOutcome: Reason['outcome'] = 'met';
  const requirement = residenceRequirement(offer, application.grade);
  if (offer.residence && offer.residence.requirements.length === 0) {
    // The posting itself says "/": no condition announced.
    reasons.push({ rule: 'residenceNotStated', outcome: 'info', params: {} });
  } else if (profile.citizen === true) {
    reasons.push({ rule: 'citizen', outcome: 'met', params: {} });
  } else if (profile.citizen === undefined && !cannot.has('citizen')) {
    // Asked first: a citizen needs no grade and no years of residence.
    need('citizen');
    residenceOutcome = 'unknown';
  } else if (!offer.residence) {
    // The record is silent: the posting states the condition, the bot does not know it.
    reasons.push({ rule: 'residenceSilent', outcome: 'unknown', params: { posting: postingLink(offer), contact: contactOf(offer) } });
    residenceOutcome = 'unknown';
  } else if (requirement.grades && !cannot.has('grade')) {
    need('grade');
    residenceOutcome = 'unknown';
  } else if (requirement.grades) {
    // The grade is not known: the residence decides grade by grade ("2ème grade : prioritaire ; 1er grade : sans priorité").
    const lived = residenceYears(profile, now);
    if (!lived) {
      need('residence');
      residenceOutcome = 'unknown';
    } else {
      const byGrade = requirementsByGrade(offer) ?? [];
      // Three years or more meet an "inférieure à 3 ans"; under it, or where the years of a grade are
      // not stated, neither is sure: to confirm with the employer.
      const withPriority = byGrade.filter((e) => e.requirement && lived.least >= e.requirement.years).map((e) => e.grade);
      const without = byGrade.filter((e) => e.requirement && e.requirement.comparison !== 'lessThan' && lived.most < e.requirement.years).map((e) => e.grade);
      const open = byGrade.map((e) => e.grade).filter((g) => !withPriority.includes(g) && !without.includes(g));
      reasons.push({
        rule: 'residenceByGrade',
        outcome: withPriority.length > 0 ? 'met' : open.length > 0 ? 'unknown' : 'notMet',
        params: { years: yearsText(lived.most), withPriority: withPriority.join(', ') || '—', without: [...without, ...open].join(', ') || '—' },
      });
      residenceOutcome = withPriority.length > 0 ? 'met' : open.length > 0 ? 'unknown' : 'notMet';
    }
  } else if (requirement.notStatedFor) {
    // Years stated for another corps of the offer only: for this one the posting says none, which is not "no condition".
    reasons.push({ rule: 'residenceNotStatedForGrade', outcome: 'unknown', params: { grade: requirement.notStatedFor, posting: postingLink(offer), contact: contactOf(offer) } });
    residenceOutcome = 'unknown';
  } else {
    const required = requirement.years as number;
    const lived = residenceYears(profile, now);
    const forGrade = application.grade ?? '';
    const forRoute: Record<string, string> = requirement.route ? { forRoute: requirement.route } : {};
    if (!lived) {
      need('residence');
      residenceOutcome = 'unknown';
    } else if (lived.least >= required) {
      reasons.push({ rule: 'residenceMet', outcome: 'met', params: { years: yearsText(lived.least), required, forGrade, ...forRoute } });
    } else if (requirement.underUnstated) {
      // "Inférieure à 3 ans": under three years, the value is the employer's to say.
      reasons.push({ rule: 'residenceUnderUnstated', outcome: 'unknown', params: { years: yearsText(lived.most), required, forGrade, contact: contactOf(offer), ...forRoute } });
      residenceOutcome = 'unknown';
    } else if (lived.most < required) {
      reasons.push({ rule: 'residenceShort', outcome: 'notMet', params: { years: yearsText(lived.most), required, forGrade, ...forRoute } });
      // Short of the years, but perhaps a citizen (who could not say): no conclusion.
      if (profile.citizen === undefined) {
        residenceOutcome = 'unknown';
        need('citizen');
      } else residenceOutcome = 'notMet';
    } else {
      residenceOutcome = 'unknown';
      need('residence');
      reasons.push({ rule: 'residenceUncertain', outcome: 'unknown', params: { year: (profile.residenceSince ?? '').slice(0, 4), required, forGrade, ...forRoute } });
    }
  }

  // Nationality: a civil servant's post asks for French nationality (with exceptions the texts list).
  // A citizen of New Caledonia is French; a civil servant already holds such a post.
  let nationalityOutcome: Reason['outcome'] = 'met';
  if (profile.citizen !== true && profile.status !== 'civilServant' && profile.french !== true) {
    nationalityOutcome = 'unknown';
    if (profile.french === false) reasons.push({ rule: 'nationalityRequired', outcome: 'unknown', params: { contact: contactOf(offer) } });
    else if (cannot.has('french')) reasons.push({ rule: 'nationalityUnknown', outcome: 'unknown', params: {} });
    else need('french');
  }

  // Diploma: recruitment "sur titre" means holding the diploma the post requires.
  let educationOutcome: Reason['outcome'] = 'met';
  const required = offer.education ? parseEducation(offer.education) : undefined;
  if (!required) {
    reasons.push({ rule: 'educationNotStated', outcome: 'info', params: { corps: corpsList } });
  } else if (profile.education === undefined) {
    need('education');
    educationOutcome = 'unknown';
  } else {
    const met = profile.education >= required.level;
    educationOutcome = met ? 'met' : 'notMet';
    reasons.push({
      rule: met ? 'educationMet' : 'educationShort',
      outcome: educationOutcome,
      params: { candidate: labelOf(profile.education), required: required.label },
    });
  }

  const stillMissing = FACT_ORDER.filter((f) => missing.includes(f));
  let kind: VerdictKind;
  // Short of the residence is short of priority, not of the right to apply; short of the diploma is.
  if (educationOutcome === 'notMet') kind = 'notEligible';
  else if (stillMissing.length > 0 || residenceOutcome === 'unknown' || nationalityOutcome === 'unknown') kind = 'cannotTell';
  else if (residenceOutcome === 'notMet') kind = 'noPriority';
  else kind = 'eligible';
  return { kind, reasons, missing: kind === 'notEligible' ? [] : stillMissing };
}

/** The next question to ask for this offer, or undefined when the verdict is complete. */
export function nextFact(offer: Offer, profile: CandidateProfile, now: Date, application: Application = {}): Fact | undefined {
  const cannot = new Set(application.unanswerable ?? []);
  return assessEligibility(offer, profile, now, application).missing.find((fact) => !cannot.has(fact));
}

const RANK: Record<VerdictKind, number> = { eligible: 4, eligibleOtherRoute: 3, noPriority: 2, cannotTell: 1, notEligible: 0 };

/**
 * The verdict for the most favourable grade when the residence required depends on the grade and
 * none was chosen: "can I apply at all?", as a check against every open offer asks.
 */
export function assessBestGrade(offer: Offer, profile: CandidateProfile, now: Date, application: Application = {}): Verdict {
  const grades = application.grade ? undefined : residenceRequirement(offer, undefined).grades;
  if (!grades || grades.length === 0) return assessEligibility(offer, profile, now, application);
  const verdicts = grades.map((grade) => assessEligibility(offer, profile, now, { ...application, grade }));
  return verdicts.reduce((best, v) => (RANK[v.kind] > RANK[best.kind] ? v : best));
}

/** The next question for a check against several offers: the first fact any of them still needs. */
export function nextFactForAll(offers: readonly Offer[], profile: CandidateProfile, now: Date, application: Application = {}): Fact | undefined {
  const cannot = new Set(application.unanswerable ?? []);
  const needed = new Set<Fact>();
  for (const offer of offers) for (const fact of assessBestGrade(offer, profile, now, application).missing) needed.add(fact);
  return FACT_ORDER.find((fact) => fact !== 'grade' && needed.has(fact) && !cannot.has(fact));
}
