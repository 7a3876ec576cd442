import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { FACTS, type CandidateProfile } from '../../../data/eligibility/candidateProfile.js';
import { parseEducation } from '../../../data/eligibility/educationLevels.js';
import { assessBestGrade, assessEligibility, nextFact, residenceYears } from '../../../data/eligibility/eligibility.js';
import { offerFromJobPosting } from '../../../data/offers/jobPosting.js';
import type { Offer } from '../../../data/offers/offer.js';
import { closesAt, opensAt } from '../../../data/offers/openness.js';
import { offerFromPostingText } from '../../../data/offers/postingText.js';
import { REAL_OFFERS_DIR } from '../../helpers/offers.js';

/** Every real offer of test/fixtures/real-offers (postings and JobPosting files), read by the importers HR uses. */
function realOffers(): Offer[] {
  const jsonDir = path.join(REAL_OFFERS_DIR, 'jobposting');
  const textDir = path.join(REAL_OFFERS_DIR, 'postings');
  return [
    ...readdirSync(jsonDir).map((f) => offerFromJobPosting(JSON.parse(readFileSync(path.join(jsonDir, f), 'utf8')))),
    ...readdirSync(textDir).map((f) => offerFromPostingText(readFileSync(path.join(textDir, f), 'utf8'))),
  ];
}

const offers = realOffers();
/** Noon on the posting day: the offer is open. */
const openOn = (offer: Offer) => new Date(opensAt(offer).getTime() + 12 * 3600_000);
const yearsAgo = (now: Date, years: number) => new Date(now.getTime() - years * 365.25 * 86_400_000).toISOString().slice(0, 10);

interface ProfileKind {
  name: string;
  profile: (now: Date, offer: Offer) => CandidateProfile;
  /** Of the offer's own corps: only for offers that name one. */
  ofTheCorps?: true;
}

const profiles: ProfileKind[] = [
  { name: 'citizen with a master', profile: () => ({ status: 'external', citizen: true, education: 5 }) },
  { name: 'resident for 12 years, bac+3', profile: (now) => ({ status: 'external', citizen: false, french: true, residenceSince: yearsAgo(now, 12), residencePrecision: 'day', education: 3 }) },
  { name: 'resident for 6 years, bac+3', profile: (now) => ({ status: 'external', citizen: false, french: true, residenceSince: yearsAgo(now, 6), residencePrecision: 'day', education: 3 }) },
  { name: 'resident for 3 years, bac+5', profile: (now) => ({ status: 'external', citizen: false, french: true, residenceSince: yearsAgo(now, 3), residencePrecision: 'day', education: 5 }) },
  { name: 'newcomer with a BTS', profile: (now) => ({ status: 'external', citizen: false, french: true, residenceSince: yearsAgo(now, 0), residencePrecision: 'day', education: 2 }) },
  { name: 'contract staff, resident 6 years, bac+3', profile: (now) => ({ status: 'contract', citizen: false, french: true, residenceSince: yearsAgo(now, 6), residencePrecision: 'day', education: 3 }) },
  { name: 'resident for 2 years, bac+3', profile: (now) => ({ status: 'external', citizen: false, french: true, residenceSince: yearsAgo(now, 2), residencePrecision: 'day', education: 3 }) },
  { name: 'resident for 4 years, bac+3', profile: (now) => ({ status: 'external', citizen: false, french: true, residenceSince: yearsAgo(now, 4), residencePrecision: 'day', education: 3 }) },
  { name: 'resident for 11 years, bac+5', profile: (now) => ({ status: 'external', citizen: false, french: true, residenceSince: yearsAgo(now, 11), residencePrecision: 'day', education: 5 }) },
  { name: 'not French, resident for 11 years, bac+5', profile: (now) => ({ status: 'external', citizen: false, french: false, residenceSince: yearsAgo(now, 11), residencePrecision: 'day', education: 5 }) },
  { name: 'laureate of the corps', ofTheCorps: true, profile: (_now, offer) => ({ status: 'laureate', corps: (offer.corpsGrades[0] ?? '').replace(/\s+\d.*$/, '') }) },
  { name: 'laureate of another corps, citizen, bac+5', profile: () => ({ status: 'laureate', corps: 'Corps imaginaire', citizen: true, education: 5 }) },
  { name: 'civil servant of the corps', ofTheCorps: true, profile: (_now, offer) => ({ status: 'civilServant', corps: (offer.corpsGrades[0] ?? '').replace(/\s+\d.*$/, '') }) },
  { name: 'civil servant of another corps, citizen, bac+3', profile: () => ({ status: 'civilServant', corps: 'Corps imaginaire', citizen: true, education: 3 }) },
];

/**
 * The rules, said plainly from the offer's own fields and the DRHFPNC's pages, independently of the
 * code under test: closed → no; civil servant of the corps → another route; a diploma short of the
 * post's → no; then the residence for recruitment "sur titre" gives *priority*, it does not exclude:
 * citizens and residents with the years (for the most favourable grade) have it; others may apply
 * without it; where the record is silent the posting states the condition, so no conclusion; an
 * "inférieure à N ans" below N years is for the employer to say. A civil servant's post asks for French
 * nationality, save for exceptions the texts list: a candidate who is not French (and neither a citizen,
 * who is French, nor already a civil servant) gets no conclusion but whom to ask.
 */
function expected(offer: Offer, profile: CandidateProfile, now: Date): string {
  if (now.getTime() >= closesAt(offer).getTime()) return 'notEligible';
  // Civil servants of the corps (mutation, détachement) and laureates of its concours (a first posting) come by other routes.
  if ((profile.status === 'civilServant' || profile.status === 'laureate') && profile.corps !== 'Corps imaginaire') return 'eligibleOtherRoute';
  const diploma = offer.education ? parseEducation(offer.education) : undefined;
  if (diploma && (profile.education ?? -2) < diploma.level) return 'notEligible';
  if (profile.citizen === true) return 'eligible';
  if (profile.status !== 'civilServant' && profile.french !== true) return 'cannotTell';
  if (!offer.residence) return 'cannotTell';
  const requirements = offer.residence.requirements;
  if (requirements.length === 0) return 'eligible';
  const lived = profile.residenceSince ? (now.getTime() - Date.parse(profile.residenceSince)) / (365.25 * 86_400_000) : 0;
  if (requirements.some((r) => lived >= r.years)) return 'eligible';
  // Short of a plainly stated requirement: no priority, but a sure right to apply (the most favourable
  // sure answer). Only "inférieure à" requirements, all short: for the employer to say.
  if (requirements.every((r) => r.comparison === 'lessThan')) return 'cannotTell';
  return 'noPriority';
}

/** The 385 real postings of every employer (test/fixtures/real-offers/avp-text), those the importer reads. */
function avpTextOffers(): Offer[] {
  const dir = path.join(REAL_OFFERS_DIR, 'avp-text');
  return readdirSync(dir).flatMap((f) => {
    try {
      return [offerFromPostingText(readFileSync(path.join(dir, f), 'utf8'), `avp-text/${f}`)];
    } catch {
      return []; // A posting whose text lacks its deadline or title: the importer names it; nothing to check.
    }
  });
}

/**
 * The grade not known ("je ne sais pas"): priority when the years of some grade are met; short of
 * every grade's stated years, no priority; but a grade or corps whose years the posting does not
 * state (years given for one corps of two), or an "inférieure à", leaves it to the employer.
 */
function expectedWithoutGrade(offer: Offer, profile: CandidateProfile, now: Date): string {
  const verdict = expected(offer, profile, now);
  if (verdict !== 'noPriority') return verdict;
  const requirements = offer.residence?.requirements ?? [];
  const corps = [...new Set(offer.corpsGrades.map((c) => c.toLowerCase()))];
  const namesCorps = (c: string) => requirements.some((r) => (r.route ?? '').toLowerCase().replace(/[’']/g, ' ').includes(c));
  const someCorpsUnstated = corps.length > 1 && requirements.every((r) => r.route && !r.grade) && corps.some(namesCorps) && !corps.every(namesCorps);
  return someCorpsUnstated ? 'cannotTell' : 'noPriority';
}

describe('eligibility over the 385 real postings of every employer and each kind of candidate', () => {
  const postings = avpTextOffers();

  it('reads nearly all of them', () => {
    expect(postings.length).toBeGreaterThan(370);
  });

  it.each(profiles.map((kind) => [kind.name, kind] as const))('%s', (_name, kind) => {
    const wrong: string[] = [];
    for (const offer of postings) {
      if (kind.ofTheCorps && offer.corpsGrades.length === 0) continue;
      const now = openOn(offer);
      const profile = kind.profile(now, offer);
      const verdict = assessBestGrade(offer, profile, now);
      const want = expected(offer, profile, now);
      if (verdict.kind !== want || verdict.missing.length > 0 || verdict.reasons.length === 0) {
        wrong.push(`${offer.reference}: ${verdict.kind} (missing ${verdict.missing.join(', ') || 'nothing'}), expected ${want}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a resident of 6 years who cannot say the grade: judged grade by grade against the rules', () => {
    const wrong: string[] = [];
    for (const offer of postings) {
      const now = openOn(offer);
      const profile: CandidateProfile = { status: 'external', citizen: false, french: true, residenceSince: yearsAgo(now, 6), residencePrecision: 'day', education: 8 };
      const verdict = assessEligibility(offer, profile, now, { unanswerable: ['grade'] });
      const want = expectedWithoutGrade(offer, profile, now);
      if (verdict.kind !== want || verdict.missing.length > 0) wrong.push(`${offer.reference}: ${verdict.kind}, expected ${want}`);
    }
    expect(wrong).toEqual([]);
  });

  it('years stated for one corps of two (25-57263/MPRH, rédacteur ou adjoint administratif): the other corps is not "no condition"', () => {
    const offer = postings.find((o) => o.reference === '25-57263/MPRH') as Offer;
    const now = openOn(offer);
    const resident = (years: number): CandidateProfile => ({ status: 'external', citizen: false, french: true, residenceSince: yearsAgo(now, years), residencePrecision: 'day', education: 3 });
    expect(nextFact(offer, resident(11), now)).toBe('grade');
    expect(assessEligibility(offer, resident(11), now, { grade: 'Adjoint administratif' }).kind).toBe('eligible');
    expect(assessEligibility(offer, resident(4), now, { grade: 'Adjoint administratif' }).kind).toBe('noPriority');
    const redacteur = assessEligibility(offer, resident(11), now, { grade: 'Rédacteur' });
    expect(redacteur.kind).toBe('cannotTell');
    expect(redacteur.reasons).toContainEqual(expect.objectContaining({ rule: 'residenceNotStatedForGrade', outcome: 'unknown', params: expect.objectContaining({ grade: 'Rédacteur' }) }));
    // An offer of one corps whose route names it keeps one requirement for the whole offer.
    const single = postings.find((o) => o.reference === '25-57575/MPRH') as Offer;
    expect(nextFact(single, resident(11), openOn(single))).not.toBe('grade');
  });
});

describe('eligibility over every real offer and each kind of candidate', () => {
  it('reads the 21 real offers', () => {
    expect(offers).toHaveLength(21);
  });

  const cases = offers.flatMap((offer) => profiles.map((kind) => [offer.reference, kind.name, offer, kind] as const));
  it.each(cases)('%s, %s', (_reference, _name, offer, kind) => {
    const now = openOn(offer);
    const profile = kind.profile(now, offer);
    const verdict = assessBestGrade(offer, profile, now);
    expect(verdict.kind).toBe(expected(offer, profile, now));
    expect(verdict.missing).toEqual([]);
    // Every verdict gives its reasons.
    expect(verdict.reasons.length).toBeGreaterThan(0);
  });

  it.each(offers.map((o) => [o.reference, o] as const))('%s the day after its deadline: not eligible, with the date', (_ref, offer) => {
    const verdict = assessEligibility(offer, { citizen: true }, closesAt(offer));
    expect(verdict).toEqual({ kind: 'notEligible', reasons: [{ rule: 'closed', outcome: 'notMet', params: { date: offer.closedOn ?? offer.deadline } }], missing: [] });
  });
});

describe('the rules, one at a time', () => {
  const engineer = offers.find((o) => o.reference === '3134-26-0975/SR') as Offer;
  const opt = offers.find((o) => o.reference === '3134-26-0939/SR') as Offer;
  const now = openOn(engineer);

  it('asks only what this offer needs, in order: status, citizenship, nationality, grade, residence, diploma', () => {
    const asked: string[] = [];
    let profile: CandidateProfile = {};
    const answers: Record<string, CandidateProfile> = {
      status: { status: 'external' },
      citizen: { citizen: false },
      french: { french: true },
      residence: { residenceSince: yearsAgo(now, 7), residencePrecision: 'day' },
      education: { education: 3 },
    };
    let grade: string | undefined;
    // Bounded: a question the rules keep asking fails the test rather than hanging it.
    for (let fact = nextFact(engineer, profile, now); fact && asked.length <= FACTS.length; fact = nextFact(engineer, profile, now, { grade })) {
      asked.push(fact);
      if (fact === 'grade') grade = 'Ingénieur 2ème grade';
      else profile = { ...profile, ...answers[fact] };
    }
    expect(asked).toEqual(['status', 'citizen', 'french', 'grade', 'residence', 'education']);
    expect(assessEligibility(engineer, profile, now, { grade }).kind).toBe('eligible');
    // Seven years are not ten: for the first grade, no priority (the candidate may still apply), with the reason.
    const first = assessEligibility(engineer, profile, now, { grade: 'Ingénieur 1er grade' });
    expect(first.kind).toBe('noPriority');
    expect(first.reasons).toContainEqual({ rule: 'residenceShort', outcome: 'notMet', params: { years: 7, required: 10, forGrade: 'Ingénieur 1er grade' } });
  });

  it('a grade the candidate cannot give: the residence is asked, and judged grade by grade', () => {
    const application = { unanswerable: ['grade' as const] };
    const base: CandidateProfile = { status: 'external', citizen: false, french: true, education: 5 };
    expect(nextFact(engineer, base, now, application)).toBe('residence');
    const seven = assessEligibility(engineer, { ...base, residenceSince: yearsAgo(now, 7), residencePrecision: 'day' }, now, application);
    expect(seven.kind).toBe('eligible');
    expect(seven.reasons).toContainEqual({ rule: 'residenceByGrade', outcome: 'met', params: { years: 7, withPriority: 'Ingénieur 2ème grade', without: 'Ingénieur 1er grade' } });
    const two = assessEligibility(engineer, { ...base, residenceSince: yearsAgo(now, 2), residencePrecision: 'day' }, now, application);
    expect(two.kind).toBe('noPriority');
  });

  it('nationality: asked of a candidate who is neither a citizen nor a civil servant; not French is no "no", but whom to ask', () => {
    const grade = 'Ingénieur 2ème grade';
    const resident: CandidateProfile = { status: 'external', citizen: false, residenceSince: yearsAgo(now, 11), residencePrecision: 'day', education: 5 };
    expect(nextFact(engineer, resident, now, { grade })).toBe('french');
    // A citizen of New Caledonia is French; a civil servant already holds such a post.
    expect(nextFact(engineer, { status: 'external', citizen: true }, now)).not.toBe('french');
    expect(assessEligibility(engineer, { status: 'civilServant', corps: 'Corps imaginaire', citizen: false, residenceSince: yearsAgo(now, 11), residencePrecision: 'day', education: 5 }, now, { grade }).missing).not.toContain('french');
    const notFrench = assessEligibility(engineer, { ...resident, french: false }, now, { grade });
    expect(notFrench.kind).toBe('cannotTell');
    expect(notFrench.missing).toEqual([]);
    expect(notFrench.reasons).toContainEqual({ rule: 'nationalityRequired', outcome: 'unknown', params: { contact: expect.any(String) } });
    const unsure = assessEligibility(engineer, resident, now, { grade, unanswerable: ['french'] });
    expect(unsure).toMatchObject({ kind: 'cannotTell', missing: [] });
    expect(unsure.reasons.map((r) => r.rule)).toContain('nationalityUnknown');
    expect(assessEligibility(engineer, { ...resident, french: true }, now, { grade }).kind).toBe('eligible');
  });

  it('a citizen is asked neither grade nor years', () => {
    expect(nextFact(engineer, { status: 'external', citizen: true }, now)).toBe('education');
  });

  it('an offer whose record is silent on residence is no "no condition": the posting states it, see it or ask HR', () => {
    const verdict = assessEligibility(opt, { status: 'external', citizen: false, french: true }, openOn(opt));
    expect(verdict.kind).toBe('cannotTell');
    expect(verdict.reasons.map((r) => r.rule)).toEqual(['residenceSilent', 'educationNotStated']);
    expect(verdict.missing).toEqual([]);
    // Only the posting's "/" says there is none.
    const none = { ...opt, residence: { text: '/', requirements: [] } };
    expect(assessEligibility(none, { status: 'external', french: true }, openOn(opt))).toMatchObject({ kind: 'eligible', reasons: [{ rule: 'residenceNotStated' }, { rule: 'educationNotStated' }] });
  });

  it('"inférieure à 3 ans": three years or more meet it; under three, the employer says (cannot tell, with whom to ask)', () => {
    const under = { ...opt, residence: { text: 'inférieure à 3 ans', requirements: [{ years: 3, comparison: 'lessThan' as const }] } };
    const at = openOn(opt);
    const resident = (years: number): CandidateProfile => ({ status: 'external', citizen: false, french: true, residenceSince: yearsAgo(at, years), residencePrecision: 'day' });
    expect(assessEligibility(under, resident(4), at).kind).toBe('eligible');
    const short = assessEligibility(under, resident(1), at);
    expect(short.kind).toBe('cannotTell');
    expect(short.reasons.map((r) => r.rule)).toContain('residenceUnderUnstated');
  });

  it('"depuis 2019": sure when both ends of the year agree, "cannot tell" when they straddle the requirement', () => {
    const profile = (year: string): CandidateProfile => ({ status: 'external', citizen: false, french: true, residenceSince: `${year}-01-01`, residencePrecision: 'year', education: 3 });
    const at = new Date('2026-07-01T00:00:00Z');
    expect(residenceYears(profile('2019'), at)).toEqual({ least: expect.closeTo(6.5, 1), most: expect.closeTo(7.5, 1) });
    expect(assessEligibility(engineer, profile('2019'), at, { grade: 'Ingénieur 2ème grade' }).kind).toBe('eligible');
    expect(assessEligibility(engineer, profile('2023'), at, { grade: 'Ingénieur 2ème grade' }).kind).toBe('noPriority');
    const straddling = assessEligibility(engineer, profile('2021'), at, { grade: 'Ingénieur 2ème grade' });
    expect(straddling.kind).toBe('cannotTell');
    expect(straddling.missing).toEqual(['residence']);
  });

  it('a fact the candidate cannot give ends in "cannot tell", naming it', () => {
    const profile: CandidateProfile = { status: 'external', citizen: false, french: true, education: 3 };
    const application = { grade: 'Ingénieur 2ème grade', unanswerable: ['residence' as const] };
    expect(nextFact(engineer, profile, now, application)).toBeUndefined();
    expect(assessEligibility(engineer, profile, now, application)).toMatchObject({ kind: 'cannotTell', missing: ['residence'] });
  });

  it('a candidate who cannot say whether they are a citizen is asked the residence instead', () => {
    const profile: CandidateProfile = { status: 'external', french: true, education: 3 };
    const application = { unanswerable: ['citizen' as const], grade: 'Ingénieur 2ème grade' };
    expect(nextFact(engineer, profile, now, application)).toBe('residence');
    const long = { ...profile, residenceSince: yearsAgo(now, 8), residencePrecision: 'day' as const };
    expect(assessEligibility(engineer, long, now, application).kind).toBe('eligible');
    const short = { ...profile, residenceSince: yearsAgo(now, 2), residencePrecision: 'day' as const };
    expect(assessEligibility(engineer, short, now, application)).toMatchObject({ kind: 'cannotTell', missing: ['citizen'] });
  });

  it('a citizen living away (studies, family, work, health) is a citizen: priority, no contradiction, no years asked', () => {
    const away: CandidateProfile = { status: 'external', citizen: true, residenceSince: '2026-07-01', residencePrecision: 'day', education: 5 };
    const verdict = assessEligibility(engineer, away, now, { grade: 'Ingénieur 1er grade' });
    expect(verdict.kind).toBe('eligible');
    expect(verdict.reasons).toContainEqual({ rule: 'citizen', outcome: 'met', params: {} });
  });

  it('reads diploma levels as postings and people write them', () => {
    expect(['Bac+3', 'bac + 5', 'Licence', 'master 2', 'BTS', 'CAP', 'Doctorat', 'aucun diplôme', 'Non spécifié'].map((t) => parseEducation(t)?.level)).toEqual([
      3, 5, 3, 5, 2, -1, 8, -2, undefined,
    ]);
  });
});
