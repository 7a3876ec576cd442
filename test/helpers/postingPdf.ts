import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * A real posting laid out as the DRHFPNC's PDFs are: the title in large type, then the header in two
 * columns side by side (labels and values on the left, dates on the right, each line of one column on
 * the baseline of a line of the other), then the body, wrapped. Drawn with pdf-lib's standard fonts.
 */
const WIDTH = 595;
const HEIGHT = 842;
const MARGIN = 40;

/** What WinAnsi (the standard fonts' encoding) cannot draw becomes its closest character. */
function drawable(text: string): string {
  return text.replace(/[\u2010\u2011\u2212]/g, '-').replace(/[⁽⁾¹ᵉʳ]/g, '').replace(/[^\u0020-\u007e\u00a0-\u00ff’‘“”–—…œŒ€•]/g, '?');
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export async function postingPdf(posting: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const lines = posting
    .split(/\r?\n/)
    .map((l) => drawable(l.replace(/^#+\s*/, '').replace(/\*\*/g, '').trim()))
    .filter((l) => l !== '');
  const bodyAt = lines.findIndex((l) => /^D[ée]tails de l.offre/i.test(l));
  const [title = '', ...rest] = lines;
  const header = rest.slice(0, bodyAt > 0 ? bodyAt - 1 : 12);
  const body = rest.slice(header.length);

  let page: PDFPage = pdf.addPage([WIDTH, HEIGHT]);
  let y = HEIGHT - MARGIN - 18;
  for (const line of wrap(title, bold, 16, WIDTH - 2 * MARGIN)) {
    page.drawText(line, { x: MARGIN, y, size: 16, font: bold });
    y -= 22;
  }
  y -= 10;
  // The header's fields (a label with the lines of its value) in two columns, each flowing on its own:
  // the first half on the left, the second half on the right, from the same top.
  const fields: string[][] = [];
  for (const line of header) {
    const isLabel = !/^[-•]/.test(line) && /^[^:]{3,80}:|^(Employeur|Référence|Corps|Direction|Lieu de travail|Durée de résidence|Poste à pourvoir|Date)/i.test(line);
    if (isLabel || fields.length === 0) fields.push([line]);
    else fields[fields.length - 1]?.push(line);
  }
  const half = Math.ceil(fields.length / 2);
  const column = (WIDTH - 2 * MARGIN) / 2 - 10;
  const top = y;
  let lowest = y;
  for (const [x, items] of [[MARGIN, fields.slice(0, half)], [WIDTH / 2 + 10, fields.slice(half)]] as const) {
    let at = top;
    for (const field of items) {
      for (const line of field.flatMap((l) => wrap(l, regular, 9, column))) {
        page.drawText(line, { x, y: at, size: 9, font: regular });
        at -= 12;
      }
      at -= 4;
    }
    lowest = Math.min(lowest, at);
  }
  y = lowest - 10;
  for (const paragraph of body) {
    const heading = paragraph.length < 60 && !/[.;]$/.test(paragraph);
    const font = heading ? bold : regular;
    for (const line of wrap(paragraph, font, 9, WIDTH - 2 * MARGIN)) {
      if (y < MARGIN) {
        page = pdf.addPage([WIDTH, HEIGHT]);
        y = HEIGHT - MARGIN;
      }
      page.drawText(line, { x: MARGIN, y, size: 9, font });
      y -= 12;
    }
    y -= 8;
  }
  return pdf.save();
}
