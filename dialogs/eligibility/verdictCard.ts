import type { Verdict } from '../../data/eligibility/eligibility.js';
import type { EligibilityRules } from '../../data/eligibility/eligibilityRules.js';
import type { Offer } from '../../data/offers/offer.js';
import { isOpen } from '../../data/offers/openness.js';
import { adaptiveCard, bullets, escapeMarkdown, heading, text, type Action, type CardAttachment, type CardElement, submit } from '../cards/adaptiveCard.js';
import { formatDay, t, type Language } from '../i18n/messages.js';
import { factNames, reasonText, sourceLine } from './reasonText.js';

type Sourced = EligibilityRules['nextSteps']['recourse'];

/** A sentence of the rules file with its source line under it. */
function sourced(sentence: Sourced, rules: EligibilityRules, language: Language): CardElement[] {
  const source = rules.sources[sentence.source] as EligibilityRules['sources'][string];
  return [text(escapeMarkdown(sentence[language]), { spacing: 'Small' }), text(sourceLine(source, language), { isSubtle: true, size: 'Small', spacing: 'None' })];
}

const COLOURS = { eligible: 'Good', eligibleOtherRoute: 'Good', noPriority: 'Warning', notEligible: 'Attention', cannotTell: 'Warning' } as const;
const MARKS = { met: '✓', notMet: '✗', unknown: '?', info: 'ℹ' } as const;

/**
 * The verdict for one offer: what it is, each reason in plain words with its source, what to do
 * next (documents, where, by when) and that the employer decides. Buttons: a reminder, the offer.
 */
export function verdictCard(offer: Offer, verdict: Verdict, rules: EligibilityRules, now: Date, language: Language): CardAttachment {
  const body: CardElement[] = [
    text(rules.verdicts[verdict.kind][language], { weight: 'Bolder', size: 'Large', style: 'heading', color: COLOURS[verdict.kind] }),
    text(escapeMarkdown(t(language, 'eligibility.card.offer', { reference: offer.reference, title: offer.title })), { isSubtle: true, spacing: 'None' }),
    heading(t(language, 'eligibility.card.why')),
  ];
  for (const reason of verdict.reasons) {
    const { text: sentence, source } = reasonText(reason, rules, language);
    body.push(text(`${MARKS[reason.outcome]} ${escapeMarkdown(sentence)}`, { spacing: 'Small' }));
    body.push(text(sourceLine(source, language), { isSubtle: true, size: 'Small', spacing: 'None' }));
  }
  if (verdict.kind === 'cannotTell' && verdict.missing.length > 0) {
    body.push(text(t(language, 'eligibility.card.missing', { facts: factNames(verdict.missing, language) }), { spacing: 'Small' }));
  }
  const open = isOpen(offer, now);
  if (open && verdict.kind !== 'notEligible') {
    body.push(heading(t(language, 'eligibility.card.next')));
    // The posting's own list when it has one, as it words it; else the usual documents, and the posting may ask more.
    const listed = offer.documents && offer.documents.length > 0;
    body.push(text(t(language, listed ? 'eligibility.card.documentsListed' : 'eligibility.card.documents'), { weight: 'Bolder', spacing: 'Small' }));
    const documents = bullets(listed ? (offer.documents as string[]) : rules.nextSteps.documents[language]);
    if (documents) body.push(documents);
    if (!listed) body.push(text(t(language, 'eligibility.card.documentsMore'), { isSubtle: true, spacing: 'None' }));
    body.push(...sourced(rules.nextSteps.incomplete, rules, language));
    const where = [offer.applyTo?.email, offer.applyTo?.address].filter((w): w is string => !!w);
    if (where.length > 0) {
      body.push(text(t(language, 'eligibility.card.where'), { weight: 'Bolder', spacing: 'Small' }));
      body.push(text(where.map(escapeMarkdown).join('\n\n'), { spacing: 'None' }));
    }
    body.push(text(t(language, 'eligibility.card.deadline', { date: formatDay(offer.deadline, language) }), { spacing: 'Small' }));
    // The two months to refer a recruitment sur titre to the CPELFP: not the route of a civil servant or a laureate.
    if (verdict.kind !== 'eligibleOtherRoute') body.push(...sourced(rules.nextSteps.recourse, rules, language));
  }
  body.push(text(escapeMarkdown(rules.nextSteps.decision[language]), { isSubtle: true, size: 'Small', separator: true }));

  const actions: Action[] = [];
  if (open) actions.push(submit(t(language, 'card.action.remind'), { action: 'remind', reference: offer.reference }));
  actions.push(submit(t(language, 'eligibility.card.seeOffer'), { action: 'details', reference: offer.reference }));
  actions.push(submit(t(language, 'eligibility.card.profile'), { action: 'profile' }));
  return adaptiveCard(body, actions);
}
