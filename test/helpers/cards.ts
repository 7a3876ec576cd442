import * as AdaptiveCards from 'adaptivecards';

// Under jest the package loads as its UMD build, whose exports arrive as a default export.
const AC = (AdaptiveCards as unknown as { default?: typeof AdaptiveCards }).default ?? AdaptiveCards;

/**
 * Parses a card with the Adaptive Cards SDK and returns every complaint: unknown elements or
 * actions, invalid property values, and validation failures. An empty list means the card renders.
 */
export function cardProblems(content: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(content, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`parse: ${event.message}`);
  }
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}
