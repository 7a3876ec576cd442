import type { Activity } from 'botbuilder';
import type { Offer } from '../../data/offers/offer.js';
import { isClosed, lastDay, offerPhase } from '../../data/offers/openness.js';
import { offerCard } from '../cards/offerCard.js';
import { formatDay, t, type Language } from '../i18n/messages.js';
import { formatted } from '../replies.js';
import { contactLine, whomToAsk } from './offerContacts.js';
import type { OfferLinks } from './offerLinks.js';

/** The answers about one offer: the whole posting, its deadline, how to apply, its pay. */

export function offerDetailsReply(offer: Offer, now: Date, language: Language, links?: OfferLinks): Partial<Activity> {
  const notice = isClosed(offer, now) ? t(language, 'offer.closedNotice', { date: formatDay(lastDay(offer), language) }) : '';
  return formatted(notice, [offerCard(offer, now, language, links)]);
}

export function deadlineReply(offer: Offer, now: Date, language: Language): Partial<Activity> {
  const reply = deadlineAnswer(offer, now, language);
  if (!offer.originalDeadline) return reply;
  return { ...reply, text: `${reply.text ?? ''} ${t(language, 'deadline.extended', { original: formatDay(offer.originalDeadline, language) })}` };
}

function deadlineAnswer(offer: Offer, now: Date, language: Language): Partial<Activity> {
  const params = { reference: offer.reference, title: offer.title, date: formatDay(offer.deadline, language) };
  const phase = offerPhase(offer, now);
  switch (phase.phase) {
    case 'closed':
      return formatted(t(language, 'deadline.closed', { ...params, date: formatDay(phase.lastDay, language) }));
    case 'notYetOpen':
      return formatted(t(language, 'deadline.notYetOpen', { ...params, posted: formatDay(offer.postedOn, language) }));
    case 'closesToday':
      return formatted(t(language, 'deadline.today', params));
    case 'closesTomorrow':
      return formatted(t(language, 'deadline.tomorrow', params));
    case 'open':
      return formatted(t(language, 'deadline.days', { ...params, days: phase.daysLeft }));
  }
}

export function howToApplyReply(offer: Offer, now: Date, language: Language): Partial<Activity> {
  const params = { reference: offer.reference, title: offer.title, employer: offer.employer };
  const ways: string[] = [];
  if (offer.applyTo?.email) ways.push(t(language, 'apply.email', { ...params, email: offer.applyTo.email }));
  if (offer.applyTo?.address) ways.push(t(language, 'apply.address', { address: offer.applyTo.address }));
  if (offer.applyTo?.phone) ways.push(t(language, 'apply.phone', { phone: offer.applyTo.phone }));
  const contact = contactLine(offer);
  if (contact) ways.push(t(language, 'apply.contact', { contact }));
  if (ways.length === 0) ways.push(t(language, 'apply.noChannel', params));
  if (offer.source && /^https?:/.test(offer.source)) ways.push(t(language, 'apply.source', { source: offer.source }));

  const date = formatDay(offer.deadline, language);
  const closing = isClosed(offer, now)
    ? t(language, 'apply.closed', { date: formatDay(lastDay(offer), language) })
    : t(language, 'apply.deadline', { date });
  const lines = [
    t(language, 'apply.intro', params),
    '',
    ...ways.map((w) => `- ${w}`),
    '',
    t(language, 'apply.documents'),
    '',
    closing,
  ];
  return formatted(lines.join('\n'));
}

/**
 * What the offer says about pay, and nothing it does not say: most postings give the grade, not an
 * amount, so the bot names the grade and who can tell the amount rather than guessing one.
 */
/**
 * "J'ai postulé, où en est mon dossier ?": the bot never sees applications (the employer receives and
 * examines them), so it says so, where the offer stands, and whom to ask; never a delay it cannot know.
 */
export function progressReply(offer: Offer, now: Date, language: Language): Partial<Activity> {
  const params = { reference: offer.reference, title: offer.title, employer: offer.employer };
  const contact = whomToAsk(offer);
  const standing = applicationsStanding(offer, now, language);
  const lines = [
    t(language, 'progress.notSeen', params),
    ...(standing ? [standing] : []),
    contact ? t(language, 'progress.askContact', { ...params, contact }) : t(language, 'progress.askEmployer', params),
  ];
  return formatted(lines.join('\n\n'));
}

/** Until when applications are received, or since when they are closed; nothing before the offer opens. */
function applicationsStanding(offer: Offer, now: Date, language: Language): string | undefined {
  const phase = offerPhase(offer, now);
  if (phase.phase === 'closed') return t(language, 'progress.closed', { date: formatDay(phase.lastDay, language) });
  if (phase.phase === 'notYetOpen') return undefined;
  return t(language, 'progress.open', { date: formatDay(offer.deadline, language) });
}

export function salaryReply(offer: Offer, language: Language): Partial<Activity> {
  const params = { reference: offer.reference, title: offer.title, employer: offer.employer };
  const contact = whomToAsk(offer);
  const lines = [
    offer.benefits ? t(language, 'salary.published', { ...params, benefits: offer.benefits }) : t(language, 'salary.unpublished', params),
    ...(offer.corpsGrades.length > 0 ? [t(language, 'salary.grades', { grades: offer.corpsGrades.join(t(language, 'text.listSeparator')) })] : []),
    contact ? t(language, 'salary.askContact', { ...params, contact }) : t(language, 'salary.askEmployer', params),
  ];
  return formatted(lines.join('\n\n'));
}
