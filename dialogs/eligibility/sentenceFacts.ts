import type { CandidateProfile } from '../../data/eligibility/candidateProfile.js';
import { parseEducation } from '../../data/eligibility/educationLevels.js';
import { foldAccents } from '../../data/search/normalize.js';
import { quickTimes } from '../recognition/quickTimes.js';
import { parseResidenceAnswer } from './answers.js';

/**
 * The facts a request for a check already states: "j'habite en Calédonie depuis 5 ans, c'est bon ?",
 * "je suis fonctionnaire, je peux postuler ?", "j'ai un bac+3 ça passe ?". Only clear statements:
 * a doubt is asked, not guessed.
 */
export function factsInSentence(text: string, now: Date): Partial<CandidateProfile> {
  const folded = foldAccents(text).replace(/[’‘]/g, "'");
  const facts: Partial<CandidateProfile> = {};
  if (/\b(je suis|i am|i'm) (fonctionnaire|titulaire|a civil servant)\b/.test(folded)) facts.status = 'civilServant';
  else if (/\b(je suis|i am|i'm) (laureate?|a laureate)\b|\bj'ai (reussi|eu) (le|un) concours\b|\bi passed (the|a) (concours|competitive exam)\b/.test(folded)) facts.status = 'laureate';
  else if (/\b(je suis|i am|i'm) (contractuel(le)?|agent contractuel|contract staff|on a contract)\b/.test(folded)) facts.status = 'contract';
  if (/\b(je ne suis pas|i am not|i'm not) (citoyen|a citizen)/.test(folded)) facts.citizen = false;
  else if (/\b(je suis|i am|i'm) (citoyen|a citizen)/.test(folded)) facts.citizen = true;
  if (/\b(je ne suis pas|pas|i am not|i'm not|not) (francaise?|french|a french (national|citizen))\b|\bn'ai pas la nationalite francaise\b/.test(folded)) facts.french = false;
  else if (/\b(je suis|i am|i'm) (francaise?|french|a french (national|citizen))\b|\bj'ai la nationalite francaise\b/.test(folded)) facts.french = true;
  const lives = /\b(habite|reside|vis|vit|residence|live|lived|living|here|ici)\b/.test(folded);
  const time = quickTimes(text).find((q) => q.kind === 'duration' || q.kind === 'date');
  if (lives && time) {
    const residence = parseResidenceAnswer(text.slice(time.start, time.start + time.length), now);
    if (residence.ok) Object.assign(facts, residence.value);
  }
  const education = parseEducation(text);
  if (education && /\b(j'ai|i have|i've got|diplome|degree|bac)\b/.test(folded)) facts.education = education.level;
  return facts;
}
