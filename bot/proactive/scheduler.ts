import type { Clock } from '../../data/clock.js';
import type { OfferSnapshot } from '../../data/offers/offerCatalog.js';
import type { SendOutcome } from '../../data/reminders/delivery.js';
import { forgetOld, sendDue, settleInterrupted, type DispatchReport } from '../../data/reminders/dispatch.js';
import { followUpOffers } from '../../data/reminders/offersFollowUp.js';
import type { Outgoing } from '../../data/reminders/proactiveRecords.js';
import { offersSeen, type ProactiveStore } from '../../data/reminders/proactiveStore.js';
import type { Logger } from '../logger.js';

/**
 * Sends reminders and alerts when they are due: every `intervalMs`, at start-up (what fell due
 * while the bot was down) and at once when poked (a reminder asked for "now"). One round at a time.
 */
export class ReminderScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<DispatchReport> | undefined;
  private again = false;

  constructor(
    private readonly store: ProactiveStore,
    private readonly send: (message: Outgoing) => Promise<SendOutcome>,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly intervalMs: number,
    /** The offers in force and HR's confirmed removals, for offers gone from the file within the grace period. */
    private readonly offers?: { current: () => OfferSnapshot; removedByHr: () => Promise<ReadonlySet<string>> },
  ) {}

  /** After a restart: settles sends a crash interrupted, catches up with offers changed meanwhile, sends what is due. */
  async start(snapshot: OfferSnapshot): Promise<void> {
    const interrupted = await settleInterrupted(this.store);
    if (interrupted > 0) this.logger.warn('messages interrupted mid-send by a stop: counted as sent, not sent again', { interrupted });
    await this.offersChanged(snapshot);
    this.timer = setInterval(() => void this.tick({ again: false }), this.intervalMs);
    this.timer.unref();
    await this.tick();
  }

  /** The offers changed (HR's file reloaded): alerts for new offers; reminders follow their offer. */
  async offersChanged(snapshot: OfferSnapshot): Promise<void> {
    const removedByHr = (await this.offers?.removedByHr().catch(() => undefined)) ?? new Set<string>();
    const report = await followUpOffers(this.store, snapshot, this.clock.now(), { removedByHr });
    if (report.newOffers + report.remindersMoved + report.remindersDropped > 0) this.logger.info('offers followed up', { ...report });
    if (report.alertsSent + report.remindersMoved + report.remindersDropped > 0) this.poke();
  }

  poke(): void {
    setImmediate(() => void this.tick());
  }

  /**
   * One round: sends what is due now. A call during a round asks for another round after it (what it
   * asked for may have come too late for this one); the timer's tick during a round is dropped, or a
   * round slower than the timer would never end.
   */
  async tick(options: { again?: boolean } = {}): Promise<DispatchReport> {
    if (this.running) {
      if (options.again !== false) this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let report: DispatchReport;
      do {
        this.again = false;
        // Shared by instances: what the others wrote (a reminder set there, a send claimed there).
        await this.store.refresh?.().catch((error: unknown) => this.logger.warn('reminders not refreshed from the shared store', { error: String(error) }));
        const now = this.clock.now();
        // Offers gone from the file: once their grace period is over (or HR confirmed), their reminders are settled.
        if (this.offers && Object.keys(offersSeen(this.store)?.missing ?? {}).length > 0) await this.offersChanged(this.offers.current());
        report = await sendDue(this.store, now, this.send);
        await forgetOld(this.store, now);
        if (report.sent + report.retried + report.failed + report.expired > 0) this.logger.info('proactive round', { ...report });
      } while (this.again);
      return report;
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    await this.store.flush();
  }
}
