import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a posting's PDF, as lines rebuilt from the positions of its text (pdf.js gives pieces
 * of text with where they stand, not lines). Pieces on one baseline make one line, left to right, so
 * the header's two columns read as the text converters write them ("Employeur : Province Sud   Date
 * limite de candidature : …"), which the posting reader knows; a wider gap between lines is a blank
 * line. Written on pdf.js rather than by hand: PDF text is compressed, encoded and positioned.
 */
export class PdfError extends Error {
  override name = 'PdfError';
}

/** A posting is a few pages; more is not a posting (and bounds the work a hostile file can ask). */
const MAX_PAGES = 30;

interface Piece {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function textOfPdf(data: Uint8Array): Promise<string> {
  let document: PDFDocumentProxy;
  try {
    document = await getDocument({ data, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  } catch (error) {
    throw new PdfError(error instanceof Error ? error.message : String(error));
  }
  try {
    if (document.numPages > MAX_PAGES) throw new PdfError(`${document.numPages} pages`);
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const pieces: Piece[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [, , , scale = 10, x = 0, y = 0] = item.transform as number[];
        pieces.push({ text: item.str, x, y, width: item.width, height: item.height || Math.abs(scale) });
      }
      pages.push(linesOf(pieces).join('\n'));
    }
    return pages.join('\n\n');
  } finally {
    await document.destroy();
  }
}

/** Pieces grouped by baseline (within a third of their height), top to bottom, left to right. */
function linesOf(pieces: Piece[]): string[] {
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<{ y: number; height: number; pieces: Piece[] }> = [];
  for (const piece of sorted) {
    const line = lines.find((l) => Math.abs(l.y - piece.y) <= Math.max(2, l.height / 3));
    if (line) line.pieces.push(piece);
    else lines.push({ y: piece.y, height: piece.height, pieces: [piece] });
  }
  lines.sort((a, b) => b.y - a.y);
  const out: string[] = [];
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    // A gap of more than a line and a half between baselines: a new paragraph.
    if (previous && previous.y - line.y > line.height * 1.8) out.push('');
    const row = line.pieces.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const piece of row) {
      const gap = piece.x - end;
      text += text === '' ? piece.text : gap > piece.height * 0.15 ? ` ${piece.text.trimStart()}` : piece.text;
      end = piece.x + piece.width;
    }
    out.push(text.replace(/\s+/g, ' ').trim());
  });
  return out;
}
