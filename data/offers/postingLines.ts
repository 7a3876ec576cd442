import { foldAccents } from '../search/normalize.js';

/**
 * The text of a posting as lines a reader can work on, whatever converter produced it: markdown
 * headings and bold markers dropped, table rows split into their cells, bullets ("-", "- -", "•",
 * "➢", "1.") marked, non-breaking and repeated spaces made one space.
 */
export interface PostingLine {
  text: string;
  /** Lower case, no accents, straight apostrophes: what labels are matched against. */
  folded: string;
  /** The line was a list item. */
  bullet: boolean;
  /** The line was a markdown heading ("# Missions"). */
  heading: boolean;
}

/** Labels are matched without case, accents or typographic apostrophes ("Date de dépôt de l’offre"). */
export function foldLabel(text: string): string {
  return foldAccents(text).replace(/[’`´]/g, "'").replace(/\s+/g, ' ');
}

const BULLET = /^(?:[-–—•·▪◦➢➤►✓*o]\s+|[-–—•]\s*[-–—•]\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+)/;
/** The longest line a reader looks at: the texts are prose, a longer one is cut (a hostile or broken file). */
const MAX_LINE = 5000;

export function postingLines(text: string): PostingLine[] {
  const lines: PostingLine[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    // Non-breaking hyphens ("24‑54789/MPRH") and spaces, as PDF converters leave them.
    let line = raw.slice(0, MAX_LINE).replace(/[\u00a0\u2007\u202f\t]/g, ' ').replace(/[\u2010\u2011\u2212]/g, '-');
    const heading = /^\s*#+\s/.test(line);
    line = line.replace(/^\s*#+\s*/, '').replace(/\*\*|__/g, '').replace(/\\([-*_#|().])/g, '$1');
    if (/^\s*\|.*\|\s*$/.test(line)) {
      // A table row: each cell is a line; the |---| row says nothing.
      for (const cell of line.trim().slice(1, -1).split('|')) {
        const value = cell.trim();
        if (value && !/^:?-{2,}:?$/.test(value)) lines.push(make(value, false, heading));
      }
      continue;
    }
    line = line.replace(/\s+/g, ' ').trim();
    if (line === '') continue;
    const bullet = BULLET.exec(line);
    lines.push(bullet ? make(line.slice(bullet[0].length).trim(), true, heading) : make(line, false, heading));
  }
  return lines.filter((l) => l.text !== '');
}

function make(text: string, bullet: boolean, heading: boolean): PostingLine {
  const clean = text.replace(/^[-–—•]\s+/, '').trim();
  return { text: clean, folded: foldLabel(clean), bullet, heading };
}
