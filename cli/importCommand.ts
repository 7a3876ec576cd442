import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ImportError, importOffers, type ImportedFile, type ImportedOffer } from '../data/offers/importFormats.js';
import type { Offer } from '../data/offers/offer.js';
import { textOfPdf } from '../data/offers/pdfText.js';
import { checkOffers, type OfferProblem } from '../data/offers/offerValidation.js';

/**
 * `offers import PATH…`: every file of the paths (folders are read whole) turned into offers, each
 * file on its own: one that cannot be read is reported with its reason and line and the others go
 * on. An offer with impossible data (a deadline before its posting date, a date that does not
 * exist) is kept with a warning and set aside in the file, not published, until HR corrects it.
 */
export interface FileFailure {
  file: string;
  error: ImportError;
}

export interface OfferWarning {
  imported: ImportedOffer;
  problems: OfferProblem[];
}

export interface ImportResult {
  files: number;
  valid: Offer[];
  warned: OfferWarning[];
  failures: FileFailure[];
}

/** The files of the paths, folders read recursively; hidden files are skipped. */
export async function filesOf(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    const info = await stat(given).catch(() => undefined);
    if (!info?.isDirectory()) {
      files.push(given);
      continue;
    }
    const entries = await readdir(given, { withFileTypes: true, recursive: true });
    files.push(
      ...entries
        .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
        .map((entry) => path.join(entry.parentPath, entry.name))
        .sort(),
    );
  }
  return files;
}

/** Reads a file's offers; a PDF goes through the PDF reader first. */
export type FileReader = (file: string) => Promise<ImportedFile>;

export const readFileOffers: FileReader = async (file) => {
  const bytes = await readFile(file);
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return importOffers(file, bytes.toString('utf8'));
  // A posting's PDF: its text, lines rebuilt from positions, then read as a posting text.
  let text: string;
  try {
    text = await textOfPdf(new Uint8Array(bytes));
  } catch (error) {
    throw new ImportError(file, 'pdf', error instanceof Error ? error.message.slice(0, 200) : String(error));
  }
  return importOffers(file, text);
};

/** Reads every file; a few at a time, so that 1,600 postings take seconds, not minutes. */
export async function importPaths(paths: readonly string[], read: FileReader = readFileOffers): Promise<ImportResult> {
  const files = await filesOf(paths);
  const result: ImportResult = { files: files.length, valid: [], warned: [], failures: [] };
  const perFile: Array<ImportedFile | FileFailure> = new Array<ImportedFile | FileFailure>(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index] as string;
      try {
        perFile[index] = await read(file);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const failure = error instanceof ImportError ? error : code === 'ENOENT' ? new ImportError(file, 'notFound') : new ImportError(file, 'unknownFormat', errorText(error));
        perFile[index] = { file, error: failure };
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  for (const outcome of perFile) {
    if ('error' in outcome) {
      result.failures.push(outcome);
      continue;
    }
    // Rows of a feed that could not be read are failures too, each with its line; the others go on.
    for (const error of outcome.skipped) result.failures.push({ file: error.file, error });
    for (const imported of outcome.offers) {
      const check = checkOffers({ offers: [imported.offer] });
      const [valid] = check.offers;
      if (valid) result.valid.push(valid);
      else result.warned.push({ imported, problems: check.setAside.flatMap((s) => s.problems) });
    }
  }
  return result;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 200) : String(error);
}
