import { offerFromJobPosting } from './jobPosting.js';
import { offerFromPostingText, PostingTextError } from './postingText.js';
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
      | 'invalidRow',
    readonly detail = '',
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
      return [offerFromPostingText(content, path(file))];
    } catch (error) {
      if (error instanceof PostingTextError) throw new ImportError(file, 'incompleteText', error.missing.join(', '));
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
