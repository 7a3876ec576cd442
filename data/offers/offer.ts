import { z } from 'zod';
import { REFERENCE_PATTERN } from './reference.js';

/**
 * The bot's offer record: a normalised form of the AVP open-data columns and of the employers'
 * schema.org JobPosting (see DESIGN.md, "The offer"). Optional fields stay absent when the source
 * does not state them: the bot never invents a value.
 */


const text = z.string().trim().min(1);
const isoDate = z.iso.date();

export const residenceRequirementSchema = z.object({
  /** The grade the duration applies to; absent when the posting states one duration for all. */
  grade: text.optional(),
  years: z.number().min(0).max(100),
  /**
   * "inférieure à 3 ans": the requirement is under `years`, its exact value not stated. Absent: at
   * least `years` ("au moins égale à 5 ans").
   */
  comparison: z.literal('lessThan').optional(),
  /** The way of recruiting it applies to when not "sur titre": "recrutement direct d'un adjoint administratif". */
  route: text.optional(),
});

export const residenceSchema = z.object({
  /** The sentence as published, kept because it is what the candidate will read elsewhere. */
  text,
  requirements: z.array(residenceRequirementSchema),
});

export const placeSchema = z.object({
  name: text.optional(),
  address: text.optional(),
  commune: text.optional(),
  region: text.optional(),
});

export const contactSchema = z.object({
  name: text.optional(),
  phone: text.optional(),
  email: z.email().optional(),
});

export const applyToSchema = z.object({
  email: z.email().optional(),
  phone: text.optional(),
  address: text.optional(),
  url: z.url().optional(),
});

export const noteSchema = z.object({ label: text, value: text });

export const offerSchema = z
  .object({
    reference: z.string().regex(REFERENCE_PATTERN, 'reference must look like 3134-25-0966/SR or 24-54956/MPRH'),
    title: text,
    alternateTitle: text.optional(),
    summary: text.optional(),
    employer: text,
    presentation: text.optional(),
    direction: text.optional(),
    service: text.optional(),
    corpsGrades: z.array(text),
    domains: z.array(text),
    respncJob: text.optional(),
    occupation: text.optional(),
    rome: z.object({ code: text, label: text }).optional(),
    location: placeSchema.optional(),
    applicantLocation: placeSchema.optional(),
    residence: residenceSchema.optional(),
    postedOn: isoDate,
    deadline: isoDate,
    /** The deadline first published, when the employer has since extended it ("initialement prévue le …"). */
    originalDeadline: isoDate.optional(),
    /** Closed early by HR (`offers close`): no applications from that day on, whatever the deadline. */
    closedOn: isoDate.optional(),
    start: text.optional(),
    openings: z.number().int().positive().optional(),
    employmentType: text.optional(),
    industry: text.optional(),
    missions: z.array(text),
    activities: z.array(text),
    secondaryActivities: z.array(text).optional(),
    knowledge: z.array(text).optional(),
    skills: z.array(text).optional(),
    behaviours: z.array(text).optional(),
    conditions: z.array(text).optional(),
    /** The documents the posting asks applicants to send ("fiche de renseignements", "copie du diplôme"), as it words them. */
    documents: z.array(text).optional(),
    education: text.optional(),
    experience: text.optional(),
    benefits: text.optional(),
    workingHours: text.optional(),
    organisation: z
      .object({
        reportsTo: text.optional(),
        level: text.optional(),
        staffManaged: z.number().int().min(0).optional(),
        relations: z.array(text).optional(),
      })
      .optional(),
    notes: z.array(noteSchema).optional(),
    contact: contactSchema.optional(),
    applyTo: applyToSchema.optional(),
    source: text.optional(),
    /** Corrections made to the published data on import, said out loud rather than hidden (codes: datesSwapped). */
    corrections: z.array(text).optional(),
  })
  .strict()
  .refine((offer) => offer.deadline >= offer.postedOn, {
    message: 'deadline is before the posting date',
    path: ['deadline'],
  });

export type Offer = z.infer<typeof offerSchema>;
export type Place = z.infer<typeof placeSchema>;
export type ResidenceRequirement = z.infer<typeof residenceRequirementSchema>;
export type Residence = z.infer<typeof residenceSchema>;

export const offersFileSchema = z.object({ offers: z.array(z.unknown()) });
