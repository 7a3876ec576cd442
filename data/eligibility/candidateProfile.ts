import { z } from 'zod';

/**
 * What the bot knows of a candidate, kept between conversations (the Bot Framework's UserState) so a
 * second check asks nothing already known. Every field is optional: unknown until the user says.
 */
export const candidateProfileSchema = z.object({
  /**
   * Civil servant of New Caledonia (of some corps), contract staff, laureate of a concours waiting for
   * a first posting, or none of these.
   */
  status: z.enum(['civilServant', 'contract', 'laureate', 'external']).optional(),
  /** The corps of a civil servant, or of a laureate's concours, as they named it ("Ingénieur"). */
  corps: z.string().max(120).optional(),
  citizen: z.boolean().optional(),
  /** Of French nationality: asked of those who are not citizens (a citizen of New Caledonia is French). */
  french: z.boolean().optional(),
  /**
   * Since when they live in New Caledonia (ISO day). With precision "year" only the year is known:
   * "depuis 2019" counts from the end of 2019 at the least and the start at the most.
   */
  residenceSince: z.iso.date().optional(),
  residencePrecision: z.enum(['year', 'day']).optional(),
  /** Highest diploma, in years after the bac (-1 CAP/BEP, -2 none). */
  education: z.number().int().min(-2).max(8).optional(),
});
export type CandidateProfile = z.infer<typeof candidateProfileSchema>;

/**
 * A profile read back from storage, checked field by field: a field that no longer fits (an older
 * version's value, a hand-edited store) is dropped, the others are kept.
 */
export function readProfile(stored: unknown): CandidateProfile {
  if (!stored || typeof stored !== 'object') return {};
  const whole = candidateProfileSchema.safeParse(stored);
  if (whole.success) return whole.data;
  const profile: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(candidateProfileSchema.shape)) {
    const parsed = schema.safeParse((stored as Record<string, unknown>)[field]);
    if (parsed.success && parsed.data !== undefined) profile[field] = parsed.data;
  }
  return profile;
}

/** The facts a check can need, in the order the bot asks them. */
export const FACTS = ['status', 'corps', 'citizen', 'french', 'grade', 'residence', 'education'] as const;
export type Fact = (typeof FACTS)[number];

/** Facts the profile holds (grade belongs to one application, not to the person). */
export const PROFILE_FACTS = ['status', 'corps', 'citizen', 'french', 'residence', 'education'] as const satisfies readonly Fact[];

export function forget(profile: CandidateProfile, fact: Fact): CandidateProfile {
  const next = { ...profile };
  if (fact === 'residence') {
    delete next.residenceSince;
    delete next.residencePrecision;
  } else if (fact === 'status') {
    delete next.status;
    delete next.corps;
  } else if (fact !== 'grade') {
    delete next[fact];
  }
  return next;
}
