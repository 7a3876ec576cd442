import type { StatePropertyAccessor, TurnContext } from 'botbuilder';

/**
 * A state property whose stored value is parsed on every read: what storage hands back is data
 * from outside the process (another version of the bot, a hand-edited store), not a typed value.
 */
export class ParsedProperty<T> implements StatePropertyAccessor<T> {
  constructor(
    private readonly stored: StatePropertyAccessor<unknown>,
    private readonly parse: (value: unknown) => T,
  ) {}

  async get(context: TurnContext, defaultValue?: T): Promise<T> {
    const value = await this.stored.get(context);
    if (value === undefined && defaultValue !== undefined) {
      await this.stored.set(context, defaultValue);
      return defaultValue;
    }
    const parsed = this.parse(value);
    // The parsed value is the one the dialogs change: it goes back in place of the raw one.
    await this.stored.set(context, parsed);
    return parsed;
  }

  set(context: TurnContext, value: T): Promise<void> {
    return this.stored.set(context, value);
  }

  delete(context: TurnContext): Promise<void> {
    return this.stored.delete(context);
  }
}
