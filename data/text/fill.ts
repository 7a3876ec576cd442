/**
 * Messages with named placeholders, "{reference}", and plurals in the ICU form,
 * "{count, plural, =0 {aucune offre} one {# offre} other {# offres}}", chosen by Intl.PluralRules for
 * the message's language (French says "1 offre" and "0 offre", English "1 offer" and "0 offers").
 * The catalogs of the bot, the command line and the review page, and the rules file HR writes, use it.
 *
 * Written here rather than taken from an ICU library: the catalogs are French prose full of
 * apostrophes, which ICU MessageFormat reads as quoting; this reads only the two forms above.
 */
export type MessageParams = Record<string, string | number>;

const rulesByLocale = new Map<string, Intl.PluralRules>();

function pluralRules(locale: string): Intl.PluralRules {
  let rules = rulesByLocale.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    rulesByLocale.set(locale, rules);
  }
  return rules;
}

/** The template with its placeholders filled; an unknown placeholder stays visible, as written. */
export function fill(template: string, params: MessageParams, locale = 'fr'): string {
  if (!template.includes('{')) return template;
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const close = matchingBrace(template, open);
    if (close < 0) break;
    out += template.slice(i, open) + placeholder(template.slice(open + 1, close), template.slice(open, close + 1), params, locale);
    i = close + 1;
  }
  return out + template.slice(i);
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

const SIMPLE = /^\s*(\w+)\s*$/;
const PLURAL = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/;

function placeholder(inside: string, whole: string, params: MessageParams, locale: string): string {
  const simple = SIMPLE.exec(inside);
  if (simple) {
    const name = simple[1] as string;
    return name in params ? String(params[name]) : whole;
  }
  const plural = PLURAL.exec(inside);
  if (!plural) return whole;
  const name = plural[1] as string;
  const value = params[name];
  const count = typeof value === 'number' ? value : Number(value);
  if (value === undefined || !Number.isFinite(count)) return whole;
  const branches = pluralBranches(plural[2] as string);
  const branch = branches.get(`=${count}`) ?? branches.get(pluralRules(locale).select(count)) ?? branches.get('other');
  if (branch === undefined) return whole;
  return fill(branch.replace(/#/g, String(count)), params, locale);
}

/** "=0 {aucune} one {# offre} other {# offres}" → selector → text. */
function pluralBranches(text: string): Map<string, string> {
  const branches = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const selector = text.slice(i, open).trim();
    const close = matchingBrace(text, open);
    if (close < 0 || !/^(=\d+|zero|one|two|few|many|other)$/.test(selector)) break;
    branches.set(selector, text.slice(open + 1, close));
    i = close + 1;
  }
  return branches;
}

/** The placeholder names a template uses, plurals included (for the catalogs' tests). */
export function placeholderNames(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(/\{\s*(\w+)\s*(?:\}|,\s*plural\s*,)/g)) names.add(match[1] as string);
  return [...names].sort();
}
