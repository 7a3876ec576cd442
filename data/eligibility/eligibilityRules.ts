import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/**
 * The eligibility rules' texts and sources, in the file HR maintains (`data/eligibility-rules.json`).
 * The logic is code (`eligibility.ts`); what it says, and which public page says so, is data HR can
 * correct without a developer.
 */
export const RULE_IDS = [
  'closed',
  'civilServantOfCorps',
  'civilServantOtherCorps',
  'contractStaff',
  'laureateOfCorps',
  'laureateOtherCorps',
  'citizen',
  'nationalityRequired',
  'nationalityUnknown',
  'residenceMet',
  'residenceShort',
  'residenceUncertain',
  'residenceNotStated',
  'residenceSilent',
  'residenceUnderUnstated',
  'residenceByGrade',
  'residenceNotStatedForGrade',
  'educationMet',
  'educationShort',
  'educationNotStated',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const VERDICTS = ['eligible', 'eligibleOtherRoute', 'noPriority', 'notEligible', 'cannotTell'] as const;
export type VerdictKind = (typeof VERDICTS)[number];

const inBothLanguages = z.object({ fr: z.string().min(1), en: z.string().min(1) });

const rulesFileSchema = z
  .object({
    // `texts`: the legal texts a page explains, cited by name next to the page (HR keeps them exact).
    sources: z.record(z.string(), z.object({ title: z.string().min(1), url: z.url({ protocol: /^https$/ }), texts: inBothLanguages.optional() })),
    verdicts: z.object(Object.fromEntries(VERDICTS.map((v) => [v, inBothLanguages])) as Record<VerdictKind, typeof inBothLanguages>),
    rules: z.object(
      Object.fromEntries(RULE_IDS.map((id) => [id, inBothLanguages.extend({ source: z.string() })])) as Record<
        RuleId,
        ReturnType<typeof inBothLanguages.extend<{ source: z.ZodString }>>
      >,
    ),
    // What a question means, said when the candidate asks ("c'est quoi, être citoyen ?").
    explanations: z.object({ citizenship: inBothLanguages.extend({ source: z.string() }) }),
    nextSteps: z.object({
      documents: z.object({ fr: z.array(z.string().min(1)).min(1), en: z.array(z.string().min(1)).min(1) }),
      // Said with every list of documents, and after a check that concerns recruitment sur titre.
      incomplete: inBothLanguages.extend({ source: z.string() }),
      recourse: inBothLanguages.extend({ source: z.string() }),
      decision: inBothLanguages,
    }),
  })
  .superRefine((file, context) => {
    for (const id of RULE_IDS) {
      if (!(file.rules[id].source in file.sources)) {
        context.addIssue({ code: 'custom', path: ['rules', id, 'source'], message: `names no source of "sources": "${file.rules[id].source}"` });
      }
    }
    for (const id of ['incomplete', 'recourse'] as const) {
      if (!(file.nextSteps[id].source in file.sources)) {
        context.addIssue({ code: 'custom', path: ['nextSteps', id, 'source'], message: `names no source of "sources": "${file.nextSteps[id].source}"` });
      }
    }
    for (const [id, explanation] of Object.entries(file.explanations)) {
      if (!(explanation.source in file.sources)) {
        context.addIssue({ code: 'custom', path: ['explanations', id, 'source'], message: `names no source of "sources": "${explanation.source}"` });
      }
    }
  });

export type EligibilityRules = z.infer<typeof rulesFileSchema>;

export class InvalidRulesError extends Error {
  override name = 'InvalidRulesError';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

export function parseEligibilityRules(value: unknown, file = 'eligibility rules'): EligibilityRules {
  const parsed = rulesFileSchema.safeParse(value);
  if (!parsed.success) {
    throw new InvalidRulesError(
      file,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`),
    );
  }
  return parsed.data;
}

export async function loadEligibilityRules(file: string): Promise<EligibilityRules> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new InvalidRulesError(file, [error instanceof SyntaxError ? `not JSON: ${error.message}` : String(error)]);
  }
  return parseEligibilityRules(value, file);
}
