import { z } from 'zod';
import type { Offer, Place } from './offer.js';
import { readResidence } from './residence.js';
import { canonicalEmployer } from './employers.js';
import { present, withoutEmpty } from './fieldValues.js';

/**
 * Converts an employer's schema.org JobPosting (as OPT-NC publishes them) to the bot's offer record.
 * Faithful: every field the posting has goes somewhere a job seeker can read it; nothing is made up.
 */

const str = z.string().nullish();
const strOrList = z.union([z.string(), z.array(z.string())]).nullish();

const placeJson = z
  .object({
    name: str,
    address: z
      .object({ streetAddress: str, addressLocality: str, addressRegion: str, addressCountry: str })
      .nullish(),
  })
  .nullish();

const propertyValue = z.object({ name: z.string(), value: z.string().nullish() });

export const jobPostingSchema = z.object({
  identifier: z.string(),
  title: str,
  name: str,
  alternateName: str,
  description: str,
  disambiguatingDescription: str,
  datePosted: z.string(),
  validThrough: z.string(),
  hiringOrganization: z.object({ name: z.string() }).nullish(),
  owner: z.object({ name: z.string() }).nullish(),
  employerOverview: str,
  additionalType: z
    .object({
      corpsDomaine: str,
      direction: str,
      uniteOrganisationnelle: str,
      nbAgentsEncadres: z.number().nullish(),
      superieurHierarchique: str,
      placeOrganigramme: str,
      relationsFonctionnelles: z.array(z.string()).nullish(),
      informationsLibres: z.array(propertyValue).nullish(),
    })
    .nullish(),
  occupationalCategory: strOrList,
  relevantOccupation: z
    .object({
      name: str,
      occupationalCategory: z.object({ codeValue: str, name: str }).nullish(),
    })
    .nullish(),
  jobLocation: placeJson,
  applicantLocationRequirements: placeJson,
  applicationContact: z.object({ telephone: str, email: str }).nullish(),
  educationRequirements: z
    .object({ credentialCategory: str, competencyRequired: z.array(z.string()).nullish() })
    .nullish(),
  responsibilities: z.array(z.string()).nullish(),
  skills: z.array(z.string()).nullish(),
  qualifications: str,
  experienceRequirements: str,
  jobBenefits: str,
  workHours: str,
  employmentType: str,
  totalJobOpenings: z.number().nullish(),
  jobStartDate: str,
  jobImmediateStart: z.boolean().nullish(),
  industry: str,
  url: str,
});

export type JobPosting = z.infer<typeof jobPostingSchema>;

const RESIDENCE_NOTE = 'Durée de résidence exigée pour le recrutement sur titre';
const CONDITIONS_NOTE = 'Conditions de travail';

function list(value: string | string[] | null | undefined): string[] {
  if (value == null) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter((v) => v !== '');
}

function place(json: z.infer<typeof placeJson>): Place | undefined {
  if (!json) return undefined;
  const result: Place = {
    name: present(json.name),
    address: present(json.address?.streetAddress),
    commune: present(json.address?.addressLocality),
    region: present(json.address?.addressRegion),
  };
  const defined = withoutEmpty(result);
  return Object.keys(defined).length > 0 ? defined : undefined;
}

/** "2026-09-01" stays a date; "Dès que possible" stays words; `jobImmediateStart: true` says "immédiatement". */
function start(posting: JobPosting): string | undefined {
  return present(posting.jobStartDate) ?? (posting.jobImmediateStart === true ? 'Immédiatement' : undefined);
}

export function offerFromJobPosting(json: unknown, source?: string): Offer {
  const posting = jobPostingSchema.parse(json);
  const extra = posting.additionalType;
  const notes = extra?.informationsLibres ?? [];
  const note = (name: string) => present(notes.find((n) => n.name === name)?.value);
  const residenceText = note(RESIDENCE_NOTE);
  const conditions = [...list(note(CONDITIONS_NOTE)), ...list(posting.qualifications)];
  const otherNotes = notes
    .filter((n) => ![RESIDENCE_NOTE, CONDITIONS_NOTE].includes(n.name))
    .flatMap((n) => (present(n.value) ? [{ label: n.name, value: present(n.value) as string }] : []));

  // Some published offers have datePosted and validThrough the wrong way round; an offer cannot
  // close before it opens, so the earlier date is the posting date. Said in `corrections`.
  let postedOn = posting.datePosted.slice(0, 10);
  let deadline = posting.validThrough.slice(0, 10);
  const corrections: string[] = [];
  if (deadline < postedOn) {
    [postedOn, deadline] = [deadline, postedOn];
    corrections.push('datesSwapped');
  }

  const occupationCategory = posting.relevantOccupation?.occupationalCategory;
  const contact = posting.applicationContact;
  const organisation = withoutEmpty({
    reportsTo: present(extra?.superieurHierarchique),
    level: present(extra?.placeOrganigramme),
    staffManaged: extra?.nbAgentsEncadres ?? undefined,
    relations: extra?.relationsFonctionnelles?.length ? list(extra.relationsFonctionnelles) : undefined,
  });

  return withoutEmpty<Offer>({
    reference: posting.identifier.trim(),
    title: present(posting.title) ?? present(posting.name) ?? posting.identifier,
    alternateTitle: present(posting.alternateName),
    summary: present(posting.disambiguatingDescription),
    employer: canonicalEmployer(present(posting.hiringOrganization?.name) ?? present(posting.owner?.name) ?? ''),
    presentation: present(posting.employerOverview),
    direction: present(extra?.direction),
    service: present(extra?.uniteOrganisationnelle),
    corpsGrades: list(extra?.corpsDomaine),
    domains: list(posting.occupationalCategory),
    occupation: present(posting.relevantOccupation?.name),
    rome:
      occupationCategory?.codeValue && occupationCategory.name
        ? { code: occupationCategory.codeValue, label: occupationCategory.name }
        : undefined,
    location: place(posting.jobLocation),
    applicantLocation: place(posting.applicantLocationRequirements),
    residence: readResidence(residenceText),
    postedOn,
    deadline,
    start: start(posting),
    openings: posting.totalJobOpenings ?? undefined,
    employmentType: present(posting.employmentType),
    industry: present(posting.industry),
    missions: list(posting.description),
    activities: list(posting.responsibilities),
    knowledge: posting.educationRequirements?.competencyRequired?.length
      ? list(posting.educationRequirements.competencyRequired)
      : undefined,
    skills: posting.skills?.length ? list(posting.skills) : undefined,
    conditions: conditions.length > 0 ? conditions : undefined,
    education: present(posting.educationRequirements?.credentialCategory),
    experience: present(posting.experienceRequirements),
    benefits: present(posting.jobBenefits),
    workingHours: present(posting.workHours),
    organisation: Object.keys(organisation).length > 0 ? organisation : undefined,
    notes: otherNotes.length > 0 ? otherNotes : undefined,
    applyTo:
      contact && (present(contact.email) || present(contact.telephone))
        ? withoutEmpty({ email: present(contact.email), phone: present(contact.telephone) })
        : undefined,
    source: present(posting.url) ?? source,
    corrections: corrections.length > 0 ? corrections : undefined,
  });
}
