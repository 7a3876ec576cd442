import { forget, type CandidateProfile, type Fact } from '../../data/eligibility/candidateProfile.js';
import { requirementsByGrade } from '../../data/eligibility/eligibility.js';
import type { EligibilityRules } from '../../data/eligibility/eligibilityRules.js';
import type { Offer } from '../../data/offers/offer.js';
import { t, type Language, type MessageKey } from '../i18n/messages.js';
import {
  asksWhatItMeans,
  isControlWord,
  isDontKnow,
  parseCorps,
  parseEducationAnswer,
  parseGrade,
  parseResidenceAnswer,
  parseStatus,
  parseYesNo,
  type Answer,
  type Question,
} from './answers.js';

/**
 * Every question of the eligibility check in one table: how its answer is read, where it is kept,
 * how it is asked, and whether a message reads as its answer. A question is added here, and
 * nowhere else in the dialogs (the rules that need it are in `data/eligibility/eligibility.ts`).
 */
/** What reading an answer may need. */
export interface AnswerContext {
  now: Date;
  /** The grades of the offer, when the residence required differs by grade. */
  grades: readonly string[];
}

/** What asking may need. */
export interface QuestionContext extends AnswerContext {
  offer?: Offer;
  language: Language;
  /** What is known already (the corps is asked of a civil servant and of a laureate in other words). */
  profile?: CandidateProfile;
}

/** What an answer changes: the profile (kept between conversations), or this application's grade. */
export interface Answered {
  profile: CandidateProfile;
  grade?: string;
}

export interface QuestionSpec<T = unknown> {
  parse(text: string, context: AnswerContext): Answer<T>;
  store(answered: Answered, value: T): Answered;
  /** The question's words and the buttons under it (their titles are typed back as the answer). */
  prompt(context: QuestionContext): { text: string; buttons: string[] };
  /** Whether a message answers the question, so that it is not taken for a new request. Default: it parses. */
  isAnswer?(text: string, context: AnswerContext): boolean;
  /** Asked "c'est quoi ?" about this question: this explanation of the rules file, then the question again. */
  explanation?: keyof EligibilityRules['explanations'];
}

/** Each entry is typed by its own answer (method parameters are bivariant, so the table holds them all). */
const question = <T>(spec: QuestionSpec<T>): QuestionSpec => spec;
const label = (language: Language, key: MessageKey) => t(language, key);
const yesNoButtons = (language: Language) => (['eligibility.button.yes', 'eligibility.button.no', 'eligibility.button.dontKnow'] as const).map((k) => label(language, k));
/** The most corps offered as buttons; "another corps" is always there. */
const MAX_CORPS_BUTTONS = 4;

export const QUESTIONS: { readonly [Q in Question]: QuestionSpec } = {
  status: question({
    parse: (text) => parseStatus(text),
    // The corps is a civil servant's or a laureate's: another situation forgets it.
    store: ({ profile, grade }, status) => ({ grade, profile: status === profile.status ? profile : { ...forget(profile, 'status'), status } }),
    prompt: ({ language }) => ({
      text: label(language, 'eligibility.ask.status'),
      buttons: (['eligibility.button.civilServant', 'eligibility.button.contract', 'eligibility.button.laureate', 'eligibility.button.external'] as const).map((k) =>
        label(language, k),
      ),
    }),
  }),
  corps: question({
    parse: (text) => parseCorps(text),
    store: ({ profile, grade }, corps) => ({ grade, profile: { ...profile, corps } }),
    prompt: ({ language, offer, profile }) => ({
      text: label(language, profile?.status === 'laureate' ? 'eligibility.ask.laureateCorps' : 'eligibility.ask.corps'),
      buttons: [...[...new Set(offer?.corpsGrades ?? [])].slice(0, MAX_CORPS_BUTTONS), label(language, 'eligibility.button.otherCorps')],
    }),
    isAnswer: (text) => !isControlWord(text),
  }),
  grade: question({
    parse: (text, { grades }) => parseGrade(text, grades),
    // The grade belongs to this application, not to the person.
    store: ({ profile }, grade) => ({ profile, grade }),
    prompt: ({ language, offer, grades }) => ({
      text: t(language, 'eligibility.ask.grade', {
        requirements: (offer ? (requirementsByGrade(offer) ?? []) : [])
          .map((e) => t(language, 'text.labelled', { label: e.grade, value: e.requirement ? e.requirement.years : t(language, 'eligibility.notStated') }))
          .join(t(language, 'text.listSeparator')),
      }),
      buttons: [...grades],
    }),
  }),
  citizen: question({
    parse: (text) => parseYesNo(text),
    store: ({ profile, grade }, citizen) => ({ grade, profile: { ...profile, citizen } }),
    prompt: ({ language }) => ({
      text: label(language, 'eligibility.ask.citizen'),
      buttons: [...yesNoButtons(language), label(language, 'eligibility.button.whatIsCitizen')],
    }),
    explanation: 'citizenship',
  }),
  french: question({
    parse: (text) => parseYesNo(text),
    store: ({ profile, grade }, french) => ({ grade, profile: { ...profile, french } }),
    prompt: ({ language }) => ({ text: label(language, 'eligibility.ask.french'), buttons: yesNoButtons(language) }),
  }),
  residence: question({
    parse: (text, { now }) => parseResidenceAnswer(text, now),
    store: ({ profile, grade }, since) => ({ grade, profile: { ...profile, ...since } }),
    prompt: ({ language }) => ({
      text: label(language, 'eligibility.ask.residence'),
      buttons: [label(language, 'eligibility.button.notResident'), label(language, 'eligibility.button.dontKnow')],
    }),
    // "dans 3 ans", "-2 ans": wrong, but meant as an answer (the bot says what is wrong with it).
    isAnswer: (text, { now }) => {
      const parsed = parseResidenceAnswer(text, now);
      return parsed.ok || parsed.problem !== 'notUnderstood';
    },
  }),
  education: question({
    parse: (text) => parseEducationAnswer(text),
    store: ({ profile, grade }, education) => ({ grade, profile: { ...profile, education } }),
    prompt: ({ language }) => ({
      text: label(language, 'eligibility.ask.education'),
      buttons: [label(language, 'eligibility.button.noDiploma'), 'CAP/BEP', 'Bac', 'Bac+2', 'Bac+3', label(language, 'eligibility.button.masterOrMore')],
    }),
  }),
} satisfies { readonly [F in Fact]: QuestionSpec };

/** Whether a message reads as the answer to the question on screen (not as a new request). */
export function answers(asked: Question, text: string, context: AnswerContext): boolean {
  const spec = QUESTIONS[asked];
  if (isDontKnow(text)) return true;
  if (spec.explanation && asksWhatItMeans(text)) return true;
  return spec.isAnswer ? spec.isAnswer(text, context) : spec.parse(text, context).ok;
}
