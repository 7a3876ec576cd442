import { access } from 'node:fs/promises';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Offer } from './offer.js';
import { validateOffers, type OfferProblem } from './offerValidation.js';

/** Where the offers HR publishes are kept. The embedded default is the JSON file HR edits. */
export interface OfferStore {
  /** Reads and validates every offer; throws InvalidOffersError naming each bad offer and field. */
  load(): Promise<Offer[]>;
  /** Replaces the offers, atomically (a crash never leaves half a file). */
  save(offers: Offer[]): Promise<void>;
}

export class InvalidOffersError extends Error {
  constructor(
    readonly file: string,
    readonly problems: OfferProblem[],
  ) {
    super(
      `${file}: ${problems.length} problem(s)\n` +
        problems.map((p) => `  offer ${p.offer}, field ${p.field}: ${p.message}`).join('\n'),
    );
    this.name = 'InvalidOffersError';
  }
}

interface OffersFile {
  offers: unknown[];
}

/**
 * lowdb over the HR file. `new Low(new JSONFile())` rather than JSONFilePreset, which silently
 * keeps data in memory when NODE_ENV=test. lowdb's JSONFile writes through a temporary file and a
 * rename, so a write is atomic.
 */
export class JsonFileOfferStore implements OfferStore {
  constructor(readonly file: string) {}

  async load(): Promise<Offer[]> {
    try {
      await access(this.file);
    } catch {
      // lowdb would quietly start from an empty list: a missing HR file is an error, not "no offers".
      throw new InvalidOffersError(this.file, [{ offer: '-', field: '-', code: 'missing', message: 'file not found' }]);
    }
    const db = new Low<OffersFile>(new JSONFile<OffersFile>(this.file), { offers: [] });
    try {
      await db.read();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new InvalidOffersError(this.file, [{ offer: '-', field: '-', code: 'notOffersFile', message: `not valid JSON (${reason})` }]);
    }
    const result = validateOffers(db.data);
    if (!result.ok) throw new InvalidOffersError(this.file, result.problems);
    return result.offers;
  }

  async save(offers: Offer[]): Promise<void> {
    const db = new Low<OffersFile>(new JSONFile<OffersFile>(this.file), { offers });
    await db.write();
  }
}
