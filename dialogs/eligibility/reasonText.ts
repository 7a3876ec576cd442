import type { Fact } from '../../data/eligibility/candidateProfile.js';
import type { Reason } from '../../data/eligibility/eligibility.js';
import type { EligibilityRules } from '../../data/eligibility/eligibilityRules.js';
import { fill } from '../../data/text/fill.js';
import { escapeMarkdown } from '../cards/adaptiveCard.js';
import { formatDay, t, type Language } from '../i18n/messages.js';

/** "5 ans", "5,5 ans", "moins d'un an": a number of years as people say it. */
export function yearsPhrase(years: number, language: Language): string {
  if (years < 1) return t(language, 'eligibility.lessThanYear');
  if (years === 1) return t(language, 'eligibility.year');
  return t(language, 'eligibility.years', { years: years.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }) });
}

type Source = EligibilityRules['sources'][string];

/** "Source : [page](url) — loi du pays …": the page a rule is taken from, and the legal texts it explains. */
export function sourceLine(source: Source, language: Language): string {
  const page = t(language, 'eligibility.card.source', { title: escapeMarkdown(source.title), url: source.url });
  return source.texts ? t(language, 'eligibility.card.sourceTexts', { page, texts: escapeMarkdown(source.texts[language]) }) : page;
}

/** What a question means, from the rules file, with its source line. */
export function explanationText(id: keyof EligibilityRules['explanations'], rules: EligibilityRules, language: Language): string {
  const explanation = rules.explanations[id];
  return `${escapeMarkdown(explanation[language])}\n\n${sourceLine(rules.sources[explanation.source] as Source, language)}`;
}

/** One reason in plain words, from the rules file HR keeps, with the source it is taken from. */
export function reasonText(reason: Reason, rules: EligibilityRules, language: Language): { text: string; source: Source } {
  const rule = rules.rules[reason.rule];
  const params: Record<string, string | number> = { ...reason.params };
  if (typeof reason.params.date === 'string') params.date = formatDay(reason.params.date, language);
  if (typeof reason.params.years === 'number') params.years = yearsPhrase(reason.params.years, language);
  if (typeof reason.params.required === 'number') params.required = yearsPhrase(reason.params.required, language);
  // Every residence text has the place for a route; most offers have none ("sur titre" goes unsaid).
  params.forRoute = typeof reason.params.forRoute === 'string' ? t(language, 'eligibility.forRoute', { route: reason.params.forRoute }) : '';
  if ('forGrade' in reason.params) params.forGrade = reason.params.forGrade ? t(language, 'eligibility.forGrade', { grade: reason.params.forGrade }) : '';
  return { text: fill(rule[language], params, language), source: rules.sources[rule.source] as Source };
}

export function factNames(facts: readonly Fact[], language: Language): string {
  return facts.map((fact) => t(language, `eligibility.fact.${fact}`)).join(', ');
}
