import type { Offer } from './offer.js';
import { withoutEmpty } from './fieldValues.js';

/**
 * An offer as schema.org JobPosting JSON-LD, for employers' web pages (search engines read it).
 * The reverse of jobPosting.ts for the fields both know: an exported offer imports back the same.
 */
export function jobPostingOf(offer: Offer): Record<string, unknown> {
  // JSON-LD leaves out what the offer does not say, empty lists included.
  const compact = (value: Record<string, unknown>) =>
    withoutEmpty(Object.fromEntries(Object.entries(value).filter(([, v]) => !(Array.isArray(v) && v.length === 0))));
  const location = offer.location;
  return compact({
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    identifier: offer.reference,
    title: offer.title,
    alternateName: offer.alternateTitle,
    disambiguatingDescription: offer.summary,
    description: offer.missions.join('\n\n') || offer.title,
    datePosted: offer.postedOn,
    validThrough: offer.closedOn && offer.closedOn < offer.deadline ? offer.closedOn : offer.deadline,
    hiringOrganization: { '@type': 'Organization', name: offer.employer },
    employerOverview: offer.presentation,
    jobLocation: location
      ? {
          '@type': 'Place',
          ...(location.name ? { name: location.name } : {}),
          address: compact({
            '@type': 'PostalAddress',
            streetAddress: location.address,
            addressLocality: location.commune,
            addressRegion: location.region,
            addressCountry: 'NC',
          }),
        }
      : undefined,
    occupationalCategory: offer.domains.length > 0 ? offer.domains : undefined,
    responsibilities: offer.activities,
    skills: offer.skills,
    qualifications: offer.conditions?.join(' ; '),
    educationRequirements:
      offer.education || offer.knowledge ? compact({ credentialCategory: offer.education, competencyRequired: offer.knowledge }) : undefined,
    experienceRequirements: offer.experience,
    employmentType: offer.employmentType,
    totalJobOpenings: offer.openings,
    jobBenefits: offer.benefits,
    workHours: offer.workingHours,
    applicationContact:
      offer.applyTo?.email || offer.applyTo?.phone
        ? compact({ '@type': 'ContactPoint', email: offer.applyTo.email, telephone: offer.applyTo.phone })
        : undefined,
    additionalType: compact({
      corpsDomaine: offer.corpsGrades.join(' ou ') || undefined,
      direction: offer.direction,
      uniteOrganisationnelle: offer.service,
      informationsLibres: offer.residence
        ? [{ '@type': 'PropertyValue', name: 'Durée de résidence exigée pour le recrutement sur titre', value: offer.residence.text }]
        : undefined,
    }),
    url: offer.source && /^https?:/.test(offer.source) ? offer.source : undefined,
  });
}
