import { offerFromJobPosting } from './jobPosting.js';
import { readPostingText, PostingTextError } from './postingText.js';
import { looksLikeOpenDataCsv, offersFromOpenDataCsv, OpenDataError } from './openDataCsv.js';
import type { Offer } from './offer.js';

/**
 * Reads the offers in a file HR was given, whatever its format. Detected by content, not by name.
 * Supported: schema.org JobPosting JSON or JSON-LD (one posting, a list, or an @graph) and the text
 * of a posting (as published, or taken out of its PDF), and the open-data CSV (its header names it).
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
      | 'unknownColumns'
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

/** A posting is a few kilobytes; a file this large is not one HR meant to import. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

function postingsIn(json: unknown): unknown[] {
  if (Array.isArray(json)) return json.flatMap(postingsIn);
  if (json && typeof json === 'object') {
    const record = json as Record<string, unknown>;
    if (record['@type'] === 'JobPosting' || 'identifier' in record) return [record];
    if (Array.isArray(record['@graph'])) return postingsIn(record['@graph']);
  }
  return [];
}

/** An offer read from a file, with the line each of its key facts stands on (for HR's warnings). */
export interface ImportedOffer {
  offer: Offer;
  file: string;
  lineOf(field: string): number | undefined;
}

/** The line where an offer starts in a JSON text, found by its reference. */
export function jsonLineOf(raw: string, reference: string): number | undefined {
  const escaped = reference.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const at = new RegExp(`"(?:reference|identifier)"\\s*:\\s*"${escaped}"`).exec(raw)?.index;
  return at === undefined ? undefined : raw.slice(0, at).split('\n').length;
}

/** Every offer of a file, whatever its format, each with the lines of its facts. */
export function importOffers(file: string, content: string): ImportedOffer[] {
  if (!looksLikeOpenDataCsv(content) && !/^\s*[[{]/.test(content) && content.trim() !== '' && Buffer.byteLength(content, 'utf8') <= MAX_IMPORT_BYTES) {
    if (!/r[ée]f[ée]rence|\d{2}[-‐‑]\d{4,5}\s*\/\s*[A-Z]{2,5}/i.test(content)) throw new ImportError(file, 'unknownFormat');
    try {
      const { offer, lines } = readPostingText(content, path(file));
      return [{ offer, file, lineOf: (field) => lines[field as keyof typeof lines] }];
    } catch (error) {
      if (error instanceof PostingTextError) throw new ImportError(file, 'incompleteText', error.missing.join(', '), error.line);
      throw error;
    }
  }
  const offers = readOffersFrom(file, content);
  return offers.map((offer) => ({ offer, file, lineOf: () => jsonLineOf(content, offer.reference) ?? csvLineOf(content, offer.reference) }));
}

function csvLineOf(content: string, reference: string): number | undefined {
  const short = reference.replace(/^\d{4}-/, '').replace(/\/SR$/, '');
  const at = content.split('\n').findIndex((line) => line.includes(reference) || line.includes(`,${short},`) || line.includes(`;${short};`));
  return at >= 0 ? at + 1 : undefined;
}

export function readOffersFrom(file: string, content: string): Offer[] {
  if (Buffer.byteLength(content, 'utf8') > MAX_IMPORT_BYTES) throw new ImportError(file, 'tooLarge');
  if (content.trim() === '') throw new ImportError(file, 'empty');
  if (looksLikeOpenDataCsv(content)) {
    try {
      return offersFromOpenDataCsv(content);
    } catch (error) {
      if (error instanceof OpenDataError) throw new ImportError(file, error.reason, error.detail);
      throw new ImportError(file, 'invalidCsv', error instanceof Error ? error.message : String(error));
    }
  }
  if (!/^\s*[[{]/.test(content)) {
    if (!/r[ée]f[ée]rence\s*:/i.test(content)) throw new ImportError(file, 'unknownFormat');
    try {
      return [readPostingText(content, path(file)).offer];
    } catch (error) {
      if (error instanceof PostingTextError) throw new ImportError(file, 'incompleteText', error.missing.join(', '), error.line);
      throw error;
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw new ImportError(file, 'invalidJson', error instanceof Error ? error.message : String(error));
  }
  const postings = postingsIn(json);
  if (postings.length === 0) throw new ImportError(file, 'unknownFormat');
  return postings.map((posting, index) => {
    try {
      return offerFromJobPosting(posting, path(file));
    } catch (error) {
      throw new ImportError(file, 'invalidPosting', `#${index + 1}: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
    }
  });
}

function path(file: string): string {
  return file.split(/[\\/]/).slice(-2).join('/');
}
