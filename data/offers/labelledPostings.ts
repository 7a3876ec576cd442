import type { Offer } from './offer.js';

/**
 * How well a reader reads real postings: its findings compared with the facts as published
 * (test/fixtures/real-offers/avp-text-labels.json), for the test and `scripts/postingsReport.ts`.
 */
export interface PostingLabel {
  file: string;
  reference?: string;
  postedOn?: string;
  deadline?: string;
  originalDeadline?: string;
  employer?: string;
  title?: string;
}

export const CHECKED_FIELDS = ['reference', 'postedOn', 'deadline', 'originalDeadline'] as const;

export interface LabelMiss {
  file: string;
  field: (typeof CHECKED_FIELDS)[number];
  expected?: string;
  read?: string;
  error?: string;
}

export interface LabelReport {
  checked: number;
  right: number;
  unreadable: number;
  misses: LabelMiss[];
}

/** A fact counts when the label has it (what could not be checked against the export is absent). */
export function compareWithLabels(labels: readonly PostingLabel[], read: (file: string) => Offer | undefined): LabelReport {
  const report: LabelReport = { checked: 0, right: 0, unreadable: 0, misses: [] };
  for (const label of labels) {
    let offer: Offer | undefined;
    let error: string | undefined;
    try {
      offer = read(label.file);
    } catch (caught) {
      error = (caught as Error).message;
      report.unreadable += 1;
    }
    for (const field of CHECKED_FIELDS) {
      const expected = label[field];
      if (expected === undefined) continue;
      report.checked += 1;
      const value = offer?.[field];
      if (value === expected) report.right += 1;
      else report.misses.push({ file: label.file, field, expected, read: value, error });
    }
  }
  return report;
}
