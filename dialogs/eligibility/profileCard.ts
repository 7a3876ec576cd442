import { PROFILE_FACTS, type CandidateProfile } from '../../data/eligibility/candidateProfile.js';
import { labelOf } from '../../data/eligibility/educationLevels.js';
import { adaptiveCard, escapeMarkdown, facts, text, type Action, type CardAttachment, type CardElement, submit } from '../cards/adaptiveCard.js';
import { formatDay, t, type Language } from '../i18n/messages.js';

/** What the bot keeps about the user, each with a button to change it, and one to erase all. */
export function profileCard(profile: CandidateProfile, language: Language): CardAttachment | undefined {
  const since = profile.residenceSince
    ? profile.residencePrecision === 'year'
      ? profile.residenceSince.slice(0, 4)
      : formatDay(profile.residenceSince, language)
    : undefined;
  const shown = facts([
    [t(language, 'profile.status'), profile.status ? t(language, `profile.status.${profile.status}`) : undefined],
    [t(language, 'profile.corps'), profile.corps ? escapeMarkdown(profile.corps) : undefined],
    [t(language, 'profile.citizen'), profile.citizen === undefined ? undefined : t(language, profile.citizen ? 'profile.yes' : 'profile.no')],
    [t(language, 'profile.french'), profile.french === undefined ? undefined : t(language, profile.french ? 'profile.yes' : 'profile.no')],
    [t(language, 'profile.residence'), since],
    [t(language, 'profile.education'), profile.education === undefined ? undefined : labelOf(profile.education)],
  ]);
  if (!shown) return undefined;
  const body: CardElement[] = [text(t(language, 'profile.title'), { weight: 'Bolder', size: 'Medium', style: 'heading' }), shown];
  const known = PROFILE_FACTS.filter((fact) =>
    fact === 'residence' ? profile.residenceSince !== undefined : profile[fact] !== undefined,
  );
  const actions: Action[] = known.map((fact) => submit(t(language, 'profile.edit', { fact: t(language, `profile.${fact}`) }), { action: 'editProfile', fact }));
  actions.push(submit(t(language, 'profile.clear'), { action: 'clearProfile' }));
  return adaptiveCard(body, actions);
}
