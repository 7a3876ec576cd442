import type { CardAction } from './cardActions.js';

/**
 * The few Adaptive Card elements the bot uses, typed, so cards are built as data and never as
 * strings. Schema 1.5: what Web Chat and Teams both render.
 */
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  weight?: 'Default' | 'Bolder';
  size?: 'Small' | 'Default' | 'Medium' | 'Large';
  isSubtle?: boolean;
  color?: 'Default' | 'Good' | 'Warning' | 'Attention' | 'Accent';
  spacing?: 'None' | 'Small' | 'Medium' | 'Large';
  separator?: boolean;
  style?: 'heading';
}

export interface FactSet {
  type: 'FactSet';
  facts: Array<{ title: string; value: string }>;
  spacing?: 'Small' | 'Medium';
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  separator?: boolean;
  spacing?: 'Small' | 'Medium' | 'Large';
}

/** Buttons inside the body: one row per reminder on a list, each with its own "cancel". */
export interface ActionSet {
  type: 'ActionSet';
  actions: Action[];
  spacing?: 'None' | 'Small' | 'Medium';
}

export type CardElement = TextBlock | FactSet | Container | ActionSet;

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: CardAction;
}

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export type Action = SubmitAction | OpenUrlAction;

/** A card button whose tap sends a card action back to the bot. */
export function submit(title: string, data: CardAction): SubmitAction {
  return { type: 'Action.Submit', title, data };
}

export function openUrl(title: string, url: string): OpenUrlAction {
  return { type: 'Action.OpenUrl', title, url };
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  speak?: string;
  body: CardElement[];
  actions?: Action[];
}

export interface CardAttachment {
  contentType: typeof CARD_CONTENT_TYPE;
  content: AdaptiveCard;
}

/**
 * No `lang` on cards: the Adaptive Cards SDK checks it with a global regular expression whose
 * state survives between cards, so every second card with a valid "fr" is refused. The text is
 * already in the user's language.
 */
export function adaptiveCard(body: CardElement[], actions: Action[]): CardAttachment {
  return {
    contentType: CARD_CONTENT_TYPE,
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body,
      ...(actions.length > 0 ? { actions } : {}),
    },
  };
}

export function text(value: string, options: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

export function heading(value: string): TextBlock {
  return text(value, { weight: 'Bolder', size: 'Medium', spacing: 'Medium', separator: true });
}

/** Facts with no value are left out: a card shows what the offer says, never an empty line. */
export function facts(entries: Array<[string, string | undefined]>): FactSet | undefined {
  const present = entries.filter((e): e is [string, string] => e[1] !== undefined && e[1].trim() !== '');
  return present.length > 0 ? { type: 'FactSet', facts: present.map(([title, value]) => ({ title, value })) } : undefined;
}

/** A bulleted list, one line per item (Adaptive Cards' markdown knows "- " lists). */
export function bullets(items: readonly string[]): TextBlock | undefined {
  if (items.length === 0) return undefined;
  return text(items.map((item) => `- ${escapeMarkdown(item)}`).join('\r'), { spacing: 'Small' });
}

/**
 * Offer text goes into cards as text: the characters that markdown reads as links, emphasis or
 * code are escaped. Only those: Teams shows a needless backslash literally.
 */
export function escapeMarkdown(value: string): string {
  return value.replace(/([\\`*[\]])/g, '\\$1');
}
