import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { offerFromPostingText } from '../../data/offers/postingText.js';
import { PdfError, textOfPdf } from '../../data/offers/pdfText.js';
import { REAL_OFFERS_DIR } from '../helpers/offers.js';
import { postingPdf } from '../helpers/postingPdf.js';

const posting = (file: string) => readFileSync(path.join(REAL_OFFERS_DIR, 'avp-text', file), 'utf8');

/** Real postings of several employers, each laid out as a PDF with the two-column header, read back. */
describe('postings as PDF files', () => {
  it.each(['54118.md', '55520.md', '52352.md', '55314.md', '57219.md', '56245.md', '55310.md'])('%s reads from its PDF as from its text', async (file) => {
    const text = posting(file);
    const fromPdf = offerFromPostingText(await textOfPdf(await postingPdf(text)), file);
    const fromText = offerFromPostingText(text, file);
    for (const field of ['reference', 'employer', 'postedOn', 'deadline', 'originalDeadline'] as const) {
      expect([field, fromPdf[field]]).toEqual([field, fromText[field]]);
    }
    expect(fromPdf.title.replace(/\?/g, '')).toBe(fromText.title.replace(/[^\u0020-\u00ff’–—]/g, ''));
    expect(fromPdf.activities.length + fromPdf.missions.length).toBeGreaterThan(0);
  });

  it('rebuilds the two columns of the header on one line each, as the text converters do', async () => {
    const text = await textOfPdf(await postingPdf(posting('54118.md')));
    expect(text.split('\n')).toEqual(expect.arrayContaining([expect.stringMatching(/^Employeur : Province Sud Date de dépôt de l’offre : Vendredi 04 octobre 2024$/)]));
  });

  it('refuses a file that is not a PDF, saying so', async () => {
    await expect(textOfPdf(new TextEncoder().encode('%PDF-1.7\nnot really'))).rejects.toBeInstanceOf(PdfError);
  });
});
