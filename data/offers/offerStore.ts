import { access } from 'node:fs/promises';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Offer } from './offer.js';
import { checkOffers, type OfferProblem, type SetAsideOffer } from './offerValidation.js';

/** What a store holds: the offers that can be served, and those set aside until HR corrects them. */
export interface LoadedOffers {
  offers: Offer[];
  setAside: SetAsideOffer[];
}

/** Where the offers HR publishes are kept. The embedded default is the JSON file HR edits. */
export interface OfferStore {
  /**
   * Reads every offer: an invalid one is set aside, the others are served. Throws InvalidOffersError
   * when the file itself cannot be read as offers (missing, not JSON, `null`, another shape).
   */
  load(): Promise<LoadedOffers>;
  /** Replaces the offers, atomically (a crash never leaves half a file); `setAside` stays in the file as it was. */
  save(offers: Offer[], setAside?: readonly unknown[]): Promise<void>;
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

  async load(): Promise<LoadedOffers> {
    try {
      await access(this.file);
    } catch {
      // lowdb would quietly start from an empty list: a missing HR file is an error, not "no offers".
      throw new InvalidOffersError(this.file, [{ offer: '-', field: '-', code: 'missing', message: 'file not found' }]);
    }
    const db = new Low<unknown>(new JSONFile<unknown>(this.file), null);
    try {
      await db.read();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new InvalidOffersError(this.file, [{ offer: '-', field: '-', code: 'notOffersFile', message: `not valid JSON (${reason})` }]);
    }
    // An emptied file reads as null (lowdb's default here), `0`, `false` or `""`: not an offers file.
    const check = checkOffers(db.data);
    if (check.fileProblem) throw new InvalidOffersError(this.file, [check.fileProblem]);
    return { offers: check.offers, setAside: check.setAside };
  }

  save(offers: Offer[], setAside: readonly unknown[] = []): Promise<void> {
    const db = new Low<OffersFile>(new JSONFile<OffersFile>(this.file), { offers: [...offers, ...setAside] });
    return db.write();
  }
}

/** The offers of a file's text (a blob's): the same checks as the file's, the same errors. */
export function offersOfText(source: string, text: string): LoadedOffers {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidOffersError(source, [{ offer: '-', field: '-', code: 'notOffersFile', message: `not valid JSON (${reason})` }]);
  }
  const check = checkOffers(data);
  if (check.fileProblem) throw new InvalidOffersError(source, [check.fileProblem]);
  return { offers: check.offers, setAside: check.setAside };
}

/** The text an offers file holds: the offers served, then those set aside as they were. */
export function offersFileText(offers: Offer[], setAside: readonly unknown[] = []): string {
  return JSON.stringify({ offers: [...offers, ...setAside] }, null, 2);
}

/** Another writer changed the offers between this one's read and its write: nothing was written. */
export class OffersChangedError extends Error {
  constructor(readonly source: string) {
    super(`${source}: the offers changed since they were read; nothing written`);
    this.name = 'OffersChangedError';
  }
}
