import { offerFromJobPosting } from './jobPosting.js';
import { readPostingText, PostingTextError, type FactLines } from './postingText.js';
import { looksLikeOpenDataCsv, offersFromOpenDataCsv, offersFromOpenDataRows, openDataRecordsIn, OpenDataError, type OpenDataOffers } from './openData.js';
import type { Offer } from './offer.js';

/**
 * Reads the offers in a file HR was given, whatever its format. Detected by content, not by name:
 * schema.org JobPosting JSON or JSON-LD (one posting, a list, or an @graph), the text of a posting
 * (as published, or taken out of its PDF), and the open data's CSV or JSON export (its columns name it).
 */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly reason:
      | 'empty'
      | 'invalidJson'
      | 'unknownFormat'
      | 'tooLarge'
      | 'invalidPosting'
      | 'incompleteText'
      | 'invalidCsv'
      | 'noRows'
      | 'missingColumns'
      | 'invalidRow'
      | 'notFound'
      | 'pdf',
    readonly detail = '',
    /** The line of the file where the reader stopped or looked for what is missing. */
    readonly line?: number,
  ) {
    super(`${file}: ${reason}${detail ? ` (${detail})` : ''}`);
    this.name = 'ImportError';
  }
}

/** A posting is a few kilobytes, an export of the whole data set a few megabytes: larger is not what HR meant. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** An offer read from a file, with the line each of its key facts stands on (for HR's warnings). */
export interface ImportedOffer {
  offer: Offer;
  file: string;
  lineOf(field: string): number | undefined;
}

/** What a file gives: its offers, and the parts of it that could not be read (rows of a feed). */
export interface ImportedFile {
  offers: ImportedOffer[];
  skipped: ImportError[];
}

function postingsIn(json: unknown): unknown[] {
  if (Array.isArray(json)) return json.flatMap(postingsIn);
  if (json && typeof json === 'object') {
    const record = json as Record<string, unknown>;
    if (record['@type'] === 'JobPosting' || 'identifier' in record) return [record];
    if (Array.isArray(record['@graph'])) return postingsIn(record['@graph']);
  }
  return [];
}

/** The line where an offer starts in a JSON text, found by its reference. */
export function jsonLineOf(raw: string, reference: string): number | undefined {
  const escaped = reference.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const at = new RegExp(`"(?:reference|identifier|numero|numero_avp)"\\s*:\\s*"${escaped}"`).exec(raw)?.index;
  return at === undefined ? undefined : raw.slice(0, at).split('\n').length;
}

/** Every offer of a file, whatever its format, each with the lines of its facts. */
export function importOffers(file: string, content: string): ImportedFile {
  if (Buffer.byteLength(content, 'utf8') > MAX_IMPORT_BYTES) throw new ImportError(file, 'tooLarge');
  if (content.trim() === '') throw new ImportError(file, 'empty');
  if (looksLikeOpenDataCsv(content)) return fromFeed(file, content, () => offersFromOpenDataCsv(content), 'invalidCsv');
  if (!/^\s*[[{]/.test(content)) return { offers: [fromPostingText(file, content)], skipped: [] };
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw new ImportError(file, 'invalidJson', error instanceof Error ? error.message : String(error));
  }
  // The open data's JSON export (an array of records) or an API answer ({ total_count, results }).
  const records = openDataRecordsIn(json);
  if (records) return fromFeed(file, content, () => offersFromOpenDataRows(records), 'invalidJson');
  const postings = postingsIn(json);
  if (postings.length === 0) throw new ImportError(file, 'unknownFormat');
  const offers = postings.map((posting, index) => {
    try {
      return offerFromJobPosting(posting, shortPath(file));
    } catch (error) {
      throw new ImportError(file, 'invalidPosting', `#${index + 1}: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
    }
  });
  return { offers: offers.map((offer) => ({ offer, file, lineOf: () => jsonLineOf(content, offer.reference) })), skipped: [] };
}

/** The offers of a file, without the lines: what the tools that only want offers ask. */
export function readOffersFrom(file: string, content: string): Offer[] {
  return importOffers(file, content).offers.map((imported) => imported.offer);
}

function fromPostingText(file: string, content: string): ImportedOffer {
  // A posting names its reference: "Référence : …", or a reference of every employer near the top.
  if (!/r[ée]f[ée]rence|\d{2}[-‐‑]\d{4,5}\s*\/\s*[A-Z]{2,5}/i.test(content)) throw new ImportError(file, 'unknownFormat');
  try {
    const { offer, lines } = readPostingText(content, shortPath(file));
    return { offer, file, lineOf: (field) => lines[field as keyof FactLines] };
  } catch (error) {
    if (error instanceof PostingTextError) throw new ImportError(file, 'incompleteText', error.missing.join(', '), error.line);
    throw error;
  }
}

function fromFeed(file: string, content: string, read: () => OpenDataOffers, unreadable: 'invalidCsv' | 'invalidJson'): ImportedFile {
  let feed: OpenDataOffers;
  try {
    feed = read();
  } catch (error) {
    if (error instanceof OpenDataError) throw new ImportError(file, error.reason, error.detail, error.line);
    throw new ImportError(file, unreadable, error instanceof Error ? error.message.slice(0, 300) : String(error));
  }
  if (feed.offers.length === 0 && feed.skipped.length === 0) throw new ImportError(file, 'noRows');
  const lineOfReference = (reference: string) => jsonLineOf(content, reference) ?? csvLineOf(content, reference);
  return {
    offers: feed.offers.map((offer) => ({ offer, file, lineOf: () => lineOfReference(offer.reference) })),
    skipped: feed.skipped.map((row) => new ImportError(file, row.reason, row.detail, row.line)),
  };
}

function csvLineOf(content: string, reference: string): number | undefined {
  const short = reference.replace(/^\d{4}-/, '').replace(/\/SR$/, '');
  const at = content.split('\n').findIndex((line) => line.includes(reference) || line.includes(`,${short},`) || line.includes(`;${short};`));
  return at >= 0 ? at + 1 : undefined;
}

function shortPath(file: string): string {
  return file.split(/[\\/]/).slice(-2).join('/');
}
