import { readFile } from 'node:fs/promises';
import type { Clock } from '../data/clock.js';
import { FeedError, syncFeed, type SyncReport } from '../data/offers/feedSync.js';
import { jsonLineOf } from '../data/offers/importFormats.js';
import { referenceAnswers, referenceQuery } from '../data/offers/reference.js';
import { jobPostingOf } from '../data/offers/jobPostingExport.js';
import type { Offer } from '../data/offers/offer.js';
import { compareOffers, hasChanges, mergeOffers, type OfferChanges } from '../data/offers/offerChanges.js';
import type { OffersHome } from '../data/offers/offersHome.js';
import type { OfferStore } from '../data/offers/offerStore.js';
import { checkOffers, problemsOf, validateOffers, type OfferProblem } from '../data/offers/offerValidation.js';
import { importPaths, readFileOffers, type FileReader } from './importCommand.js';
import { closesWithin, isClosed, isOpen, noumeaDay } from '../data/offers/openness.js';
import { say, type CliLanguage } from './messages.js';

/** What the command line was asked: a command, its arguments, flags and valued options. */
export interface Options {
  command?: string;
  args: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

/**
 * The HR commands over the offers file. Every write goes through the validated store (atomic: a
 * temporary file renamed over the old one) and into the change log.
 */
/** The offer HR names: "3134-25-0966/SR", "24-54956/MPRH", or a short form that names one offer only. */
function findOffer(offers: readonly Offer[], typed: string | undefined): Offer | undefined {
  const query = typed ? referenceQuery(typed) : undefined;
  if (!query) return undefined;
  const matches = offers.filter((offer) => referenceAnswers(offer.reference, query));
  return matches.length === 1 ? matches[0] : undefined;
}

export class OffersCommands {
  private readonly store: OfferStore;

  constructor(
    private readonly home: OffersHome,
    private readonly language: CliLanguage,
    private readonly clock: Clock,
    private readonly out: (line: string) => void,
    /** How a file becomes offers (the command line adds the PDF reader). */
    private readonly readFile: FileReader = readFileOffers,
  ) {
    this.store = home.store;
  }

  private say(key: Parameters<typeof say>[1], params: Record<string, string | number> = {}): void {
    this.out(say(this.language, key, params));
  }

  /** A file named, or the offers where they live (the file, or the shared blob). */
  async validate(file?: string): Promise<number> {
    const target = file ?? this.home.name;
    const raw = file ? await readFile(file, 'utf8').catch(() => undefined) : await this.home.readText();
    if (raw === undefined) {
      this.say('missing', { file: target });
      return 1;
    }
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (error) {
      this.say('notJson', { file: target, detail: error instanceof Error ? error.message : String(error) });
      return 1;
    }
    const check = checkOffers(data);
    const problems = problemsOf(check);
    if (problems.length === 0) {
      this.say('valid', { file: target, count: check.offers.length });
      return 0;
    }
    this.say('problems', { file: target, count: problems.length });
    for (const problem of problems) this.sayProblem(problem, jsonLineOf(raw, problem.offer));
    if (check.setAside.length > 0 && !check.fileProblem) this.say('valid', { file: target, count: check.offers.length });
    return 1;
  }

  async list(options: Options): Promise<number> {
    const now = this.clock.now();
    const within = options.values.has('--closing-within') ? Number(options.values.get('--closing-within')) : undefined;
    const offers = (await this.store.load()).offers
      .filter((o) => !options.flags.has('--open') || isOpen(o, now))
      .filter((o) => !options.flags.has('--closed') || isClosed(o, now))
      .filter((o) => within === undefined || closesWithin(o, within, now))
      .sort((a, b) => a.deadline.localeCompare(b.deadline));
    if (offers.length === 0) this.say('none');
    for (const offer of offers) {
      const status = isOpen(offer, now) ? 'statusOpen' : isClosed(offer, now) ? 'statusClosed' : 'statusSoon';
      this.say('listLine', { reference: offer.reference, status: say(this.language, status), deadline: offer.deadline, title: offer.title });
    }
    return 0;
  }

  async close(typed: string | undefined): Promise<number> {
    const now = this.clock.now();
    const closed: string[] = [];
    return this.change('close', (offers) => {
      const offer = findOffer(offers, typed);
      if (!offer) return this.unknown(typed);
      const reference = offer.reference;
      if (isClosed(offer, now)) {
        this.say('alreadyClosed', { reference });
        return undefined;
      }
      const today = noumeaDay(now);
      this.say('closed', { reference, date: today });
      closed.push(reference);
      return offers.map((o) => (o === offer ? { ...o, closedOn: today } : o));
    }, closed);
  }

  async remove(typed: string | undefined): Promise<number> {
    return this.change('remove', (offers) => {
      const offer = findOffer(offers, typed);
      if (!offer) return this.unknown(typed);
      this.say('removed', { reference: offer.reference });
      return offers.filter((o) => o !== offer);
    });
  }

  async import(paths: string[], options: { write: boolean; atomic: boolean }): Promise<number> {
    if (paths.length === 0) {
      this.say('usage');
      return 2;
    }
    const result = await importPaths(paths, this.readFile);
    for (const { file, error } of result.failures) {
      const line = error.line ? say(this.language, 'line', { line: error.line }) : '';
      this.say('importError', { file, line, reason: say(this.language, `reason.${error.reason}`, { detail: error.detail }) });
    }
    const { offers: current, setAside } = await this.store.load();
    const published = new Set(current.map((o) => o.reference));
    // An offer with impossible data goes into the file set aside, unless a good version is published.
    const kept = result.warned.filter((w) => !published.has(w.imported.offer.reference));
    for (const warning of result.warned) {
      const key = published.has(warning.imported.offer.reference) ? 'importWarningKept' : 'importWarning';
      for (const problem of warning.problems) {
        const at = warning.imported.lineOf(problem.field);
        this.say(key, {
          reference: warning.imported.offer.reference,
          file: warning.imported.file,
          line: at ? say(this.language, 'line', { line: at }) : '',
          field: problem.field,
          message: say(this.language, `problem.${problem.code}`),
        });
      }
    }
    this.say('importSummary', { files: result.files, offers: result.valid.length + result.warned.length, failed: result.failures.length, warned: result.warned.length });
    const failed = result.failures.length > 0 ? 1 : 0;
    if (failed && options.atomic && options.write) {
      this.say('atomicRefused', { failed: result.failures.length });
      return 1;
    }
    const next = mergeOffers(current, result.valid);
    const incomingRefs = new Set([...result.valid, ...kept.map((w) => w.imported.offer)].map((o) => o.reference));
    // A corrected or re-imported offer replaces the version set aside before.
    const nextSetAside = [...setAside.filter((s) => !incomingRefs.has(s.offer)).map((s) => s.raw), ...kept.map((w) => w.imported.offer)];
    const changes = compareOffers(current, next);
    if (!hasChanges(changes) && kept.length === 0) {
      this.say('nothingChanges');
      return failed;
    }
    if (!options.write) {
      this.say('preview');
      this.describe(changes, next, current);
      return failed;
    }
    const written = await this.change('import', () => next, [], nextSetAside);
    return written || failed;
  }

  /** `offers sync [URL|FILE]`: the open-data feed into the file; HR's own edits stay (see data/offers/feedSync.ts). */
  async sync(source: string | undefined, options: { write: boolean }): Promise<number> {
    if (!source) {
      this.say('syncNoSource');
      return 2;
    }
    let report: SyncReport;
    try {
      report = await syncFeed({ home: this.home, source, clock: this.clock, dryRun: !options.write });
    } catch (error) {
      if (!(error instanceof FeedError)) throw error;
      this.say('syncFailed', { source, reason: say(this.language, `feed.${error.reason}`, { detail: error.detail }) });
      return 1;
    }
    for (const row of report.skipped) {
      this.say('importError', { file: source, line: row.line ? say(this.language, 'line', { line: row.line }) : '', reason: say(this.language, `reason.${row.reason}`, { detail: row.detail }) });
    }
    for (const { reference, fields } of report.kept) this.say('syncKept', { reference, fields: fields.join(', ') });
    for (const reference of report.refused) this.say('syncRefused', { reference });
    this.say(options.write ? 'syncDone' : 'syncPreview', { read: report.read, added: report.added.length, changed: report.changed.length, skipped: report.skipped.length });
    return 0;
  }

  /** JobPosting JSON-LD of every open offer, for employers' pages. */
  async export(options: Options): Promise<number> {
    if (!options.flags.has('--jsonld')) {
      this.say('usage');
      return 2;
    }
    const now = this.clock.now();
    const open = (await this.store.load()).offers.filter((o) => isOpen(o, now));
    this.out(JSON.stringify({ '@context': 'https://schema.org', '@graph': open.map(jobPostingOf) }, null, 2));
    return 0;
  }

  async history(): Promise<number> {
    const entries = await this.home.readChanges();
    if (entries.length === 0) this.say('noHistory');
    for (const e of entries) {
      this.say('historyLine', {
        at: e.at,
        command: e.command,
        added: e.added.join(', ') || '-',
        changed: e.changed.map((c) => `${c.reference} (${c.fields.join(', ')})`).join(', ') || '-',
        removed: e.removed.join(', ') || '-',
        closed: e.closed.join(', ') || '-',
      });
    }
    return 0;
  }

  private sayProblem(problem: OfferProblem, line?: number): void {
    this.say('problem', { ...problem, message: say(this.language, `problem.${problem.code}`), line: line ? say(this.language, 'line', { line }) : '' });
  }

  private unknown(reference: string | undefined): undefined {
    this.say('unknownReference', { reference: reference ?? '' });
    return undefined;
  }

  /** The changes as HR reads them: each new offer, and each changed field with its old and new value. */
  private describe(changes: OfferChanges, offers: readonly Offer[], before: readonly Offer[] = []): void {
    for (const reference of changes.added) {
      this.say('added', { reference, title: offers.find((o) => o.reference === reference)?.title ?? '' });
    }
    const shown = (value: unknown) => {
      const text = value === undefined ? '∅' : typeof value === 'string' ? value : JSON.stringify(value);
      return text.length > 70 ? `${text.slice(0, 69)}…` : text;
    };
    for (const change of changes.changed) {
      this.say('changed', { reference: change.reference, fields: change.fields.join(', ') });
      const old = before.find((o) => o.reference === change.reference) as Record<string, unknown> | undefined;
      const now = offers.find((o) => o.reference === change.reference) as Record<string, unknown> | undefined;
      if (!old || !now) continue;
      for (const field of change.fields) this.out(`      ${field} : ${shown(old[field])} → ${shown(now[field])}`);
    }
  }

  /** Applies a change, validates the result, writes it atomically and logs it; nothing on refusal. */
  private async change(
    command: string,
    apply: (offers: Offer[]) => Offer[] | undefined,
    closed: string[] = [],
    setAsideAfter?: readonly unknown[],
  ): Promise<number> {
    const { offers: current, setAside } = await this.store.load();
    const next = apply(current);
    if (!next) return 1;
    const result = validateOffers({ offers: next });
    if (!result.ok) {
      this.say('refusedWrite');
      for (const problem of result.problems) this.sayProblem(problem);
      return 1;
    }
    const changes = compareOffers(current, result.offers);
    // The offers set aside stay in the file, as they were, for HR to correct.
    await this.store.save(result.offers, setAsideAfter ?? setAside.map((s) => s.raw));
    await this.home.appendChange({ at: this.clock.now().toISOString(), command, ...changes, closed });
    if (command === 'import') {
      this.describe(changes, result.offers, current);
      this.say('written', { added: changes.added.length, changed: changes.changed.length });
    }
    return 0;
  }
}

