import { foldAccents } from '../search/normalize.js';

/**
 * The employers that publish through the DRHFPNC, with the names people and postings use for them.
 * Postings spell one employer many ways ("PROVINCE NORD", "Province-Nord"; "Centre Hospitalier
 * Territorial GASTON-BOURRET", "Médipôle"; "Mairie de Nouméa", "Ville de Nouméa"): the readers file
 * them under one name, search finds them by any. An employer not listed keeps the name its posting
 * gives: the list helps, it does not filter.
 */
export interface Employer {
  name: string;
  /** Acronyms and everyday names, matched as whole words ("OPT", "CHT", "Médipôle", "gouvernement"). */
  aliases: readonly string[];
  /** Beginnings of the names postings write (folded), the most specific employers first. */
  prefixes: readonly string[];
}

export const EMPLOYERS: readonly Employer[] = [
  { name: 'Nouvelle-Calédonie', aliases: ['gouvernement', 'gouvernement de la Nouvelle-Calédonie', 'GNC', 'government'], prefixes: ['gouvernement de la nouvelle caledonie'] },
  { name: 'Province Sud', aliases: ['province sud', 'PS'], prefixes: ['province sud'] },
  { name: 'Province Nord', aliases: ['province nord', 'PN'], prefixes: ['province nord'] },
  { name: 'Province des îles Loyauté', aliases: ['PIL', 'îles Loyauté', 'iles loyaute', 'province des îles'], prefixes: ['province des iles loyaute', 'province iles loyaute', 'province des iles'] },
  {
    name: 'Centre hospitalier territorial Gaston-Bourret',
    aliases: ['CHT', 'Médipôle', 'Medipole', 'hôpital de Nouméa', 'Gaston-Bourret', 'centre hospitalier territorial'],
    prefixes: ['centre hospitalier territorial', 'cht gaston bourret', 'medipole'],
  },
  { name: 'Centre hospitalier du Nord', aliases: ['CHN', 'hôpital du Nord', 'pôle sanitaire du Nord'], prefixes: ['centre hospitalier du nord'] },
  { name: 'Centre hospitalier spécialisé Albert-Bousquet', aliases: ['CHS', 'Albert-Bousquet', 'Albert Bousquet'], prefixes: ['centre hospitalier specialise'] },
  { name: 'Office des postes et télécommunications', aliases: ['OPT', 'OPT-NC'], prefixes: ['office des postes'] },
  { name: 'Vice-rectorat de la Nouvelle-Calédonie', aliases: ['vice-rectorat', 'vice rectorat', 'éducation nationale'], prefixes: ['vice rectorat'] },
  { name: 'Congrès de la Nouvelle-Calédonie', aliases: ['congrès'], prefixes: ['congres'] },
  { name: 'Université de la Nouvelle-Calédonie', aliases: ['UNC', 'université'], prefixes: ['universite'] },
  { name: 'Ville de Nouméa', aliases: ['mairie de Nouméa', 'ville de Nouméa'], prefixes: ['ville de noumea', 'mairie de noumea', 'maire de noumea', 'commune de noumea'] },
  { name: 'Ville de Dumbéa', aliases: ['mairie de Dumbéa'], prefixes: ['ville de dumbea', 'mairie de dumbea', 'commune de dumbea'] },
  { name: 'Ville du Mont-Dore', aliases: ['mairie du Mont-Dore'], prefixes: ['ville du mont dore', 'mairie du mont dore', 'commune du mont dore'] },
  { name: 'Ville de Païta', aliases: ['mairie de Païta'], prefixes: ['ville de paita', 'mairie de paita', 'commune de paita'] },
  { name: 'Agence sanitaire et sociale de la Nouvelle-Calédonie', aliases: ['ASS-NC', 'ASSNC', 'agence sanitaire'], prefixes: ['agence sanitaire et sociale'] },
  { name: 'Agence de développement de la culture kanak', aliases: ['ADCK', 'centre culturel Tjibaou'], prefixes: ['agence de developpement de la culture kanak', 'adck'] },
  { name: 'Syndicat mixte des transports urbains du Grand Nouméa', aliases: ['SMTU'], prefixes: ['syndicat mixte des transports urbains'] },
  { name: 'Direction de l’aviation civile', aliases: ['DAC', 'aviation civile'], prefixes: ['direction de l aviation civile'] },
];

/** Folded, without punctuation: "Centre Hospitalier Territorial – Gaston Bourret" → "centre hospitalier territorial gaston bourret". */
function key(text: string): string {
  return foldAccents(text).replace(/[’']/g, ' ').replace(/[^a-z0-9]+/g, ' ').trim().replace(/^(?:la|le|l) /, '');
}

/** The employer's name as the bot files it: the listed name when one matches, otherwise as written. */
export function canonicalEmployer(written: string): string {
  const folded = key(written);
  for (const employer of EMPLOYERS) {
    if (employer.prefixes.some((prefix) => folded === prefix || folded.startsWith(`${prefix} `))) return employer.name;
    if (employer.aliases.some((alias) => key(alias) === folded)) return employer.name;
  }
  if (folded === 'nouvelle caledonie') return 'Nouvelle-Calédonie';
  return written.trim();
}

/** The other names of an employer, for search and for the language model's entity list. */
export function employerAliases(name: string): readonly string[] {
  return EMPLOYERS.find((employer) => employer.name === name)?.aliases ?? [];
}
