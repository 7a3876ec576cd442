import type { Offer } from '../../data/offers/offer.js';
import { formatDay, formatDayOrText, t, tryT, type Language } from '../i18n/messages.js';
import {
  adaptiveCard,
  bullets,
  escapeMarkdown,
  facts,
  heading,
  text,
  type CardAttachment,
  type CardElement,
} from './adaptiveCard.js';
import { placeText } from '../offers/offerFacts.js';
import type { OfferLinks } from '../offers/offerLinks.js';
import { deadlineText, offerActions } from './offerActions.js';
import { offerStatusLine } from './offerStatus.js';

/** A section appears only when the offer has something to put in it. */
function section(title: string, ...content: Array<CardElement | undefined>): CardElement[] {
  const present = content.filter((c): c is CardElement => c !== undefined);
  return present.length > 0 ? [heading(title), ...present] : [];
}

function paragraphs(values: readonly string[] | string | undefined): CardElement | undefined {
  const list = typeof values === 'string' ? [values] : (values ?? []);
  return list.length > 0 ? text(list.map(escapeMarkdown).join('\n\n')) : undefined;
}

function residenceText(offer: Offer, language: Language): string {
  return offer.residence?.text ?? t(language, 'card.residenceNone');
}

/** The whole posting, every section the offer has, in the order of the published notice. */
export function offerCard(offer: Offer, now: Date, language: Language, links?: OfferLinks): CardAttachment {
  const l = (key: Parameters<typeof t>[1]) => t(language, key);
  const org = offer.organisation;
  const body: CardElement[] = [
    text(escapeMarkdown(offer.title), { weight: 'Bolder', size: 'Large', style: 'heading' }),
    text(escapeMarkdown(offer.employer), { isSubtle: true, spacing: 'None' }),
    offerStatusLine(offer, now, language),
  ];
  const keyFacts = facts([
    [l('card.reference'), offer.reference],
    [l('card.direction'), offer.direction],
    [l('card.service'), offer.service],
    [l('card.corpsGrades'), offer.corpsGrades.join(', ') || undefined],
    [l('card.domains'), offer.domains.join(', ') || undefined],
    [l('card.respncJob'), offer.respncJob],
    [l('card.occupation'), offer.occupation],
    [l('card.rome'), offer.rome ? `${offer.rome.code} – ${offer.rome.label}` : undefined],
    [l('card.location'), placeText(offer.location)],
    [l('card.applicantLocation'), placeText(offer.applicantLocation)],
    [l('card.residence'), residenceText(offer, language)],
    [l('card.postedOn'), formatDay(offer.postedOn, language)],
    [l('card.deadline'), deadlineText(offer, language)],
    [l('card.start'), offer.start ? formatDayOrText(offer.start, language) : undefined],
    [l('card.openings'), offer.openings?.toString()],
    [
      l('card.employmentType'),
      offer.employmentType ? (tryT(language, `employmentType.${offer.employmentType}`) ?? offer.employmentType) : undefined,
    ],
    [l('card.industry'), offer.industry],
  ]);
  if (keyFacts) body.push(keyFacts);

  body.push(
    ...section(l('card.summary'), paragraphs(offer.summary)),
    ...section(l('card.presentation'), paragraphs(offer.presentation)),
    ...section(l('card.missions'), paragraphs(offer.missions)),
    ...section(l('card.activities'), bullets(offer.activities)),
    ...section(l('card.secondaryActivities'), bullets(offer.secondaryActivities ?? [])),
    ...section(
      l('card.profile'),
      facts([
        [l('card.education'), offer.education],
        [l('card.experience'), offer.experience],
      ]),
    ),
    ...section(l('card.knowledge'), bullets(offer.knowledge ?? [])),
    ...section(l('card.skills'), bullets(offer.skills ?? [])),
    ...section(l('card.behaviours'), bullets(offer.behaviours ?? [])),
    ...section(l('card.conditions'), bullets(offer.conditions ?? [])),
    ...section(l('card.documents'), bullets(offer.documents ?? [])),
    ...section(
      l('card.organisation'),
      facts([
        [l('card.reportsTo'), org?.reportsTo],
        [l('card.level'), org?.level],
        [l('card.staffManaged'), org?.staffManaged?.toString()],
        [l('card.relations'), org?.relations?.join(', ')],
        [l('card.workingHours'), offer.workingHours],
        [l('card.benefits'), offer.benefits],
      ]),
    ),
    ...section(
      l('card.notes'),
      facts((offer.notes ?? []).map((n) => [n.label, n.value] as [string, string])),
    ),
    ...section(
      l('card.contact'),
      facts([
        [l('card.contact'), offer.contact?.name],
        [l('card.phone'), offer.contact?.phone],
        [l('card.email'), offer.contact?.email],
      ]),
    ),
    ...section(
      l('card.applyTo'),
      facts([
        [l('card.email'), offer.applyTo?.email],
        [l('card.phone'), offer.applyTo?.phone],
        [l('card.address'), offer.applyTo?.address],
      ]),
    ),
    ...section(
      l('card.source'),
      text(escapeMarkdown(offer.source ?? ''), { isSubtle: true, size: 'Small' }),
      bullets((offer.corrections ?? []).map((c) => t(language, 'text.labelled', { label: l('card.corrections'), value: tryT(language, `correction.${c}`) ?? c }))),
    ),
  );

  const actions = offerActions(offer, now, language, links, { source: true });
  return adaptiveCard(body.filter((b) => !(b.type === 'TextBlock' && b.text === '')), actions);
}
