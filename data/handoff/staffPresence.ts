/**
 * Who of the support staff has the review page open: each page they load, and the live queue they
 * keep open, marks them seen. Someone seen within the last minutes is signed in for the handoff.
 */
export interface Presence {
  mark(user: string, now: Date): void;
  leave(user: string): void;
  anyone(now: Date): Promise<boolean>;
}

export class StaffPresence implements Presence {
  private readonly seen = new Map<string, number>();

  constructor(private readonly withinMs: number) {}

  mark(user: string, now: Date): void {
    this.seen.set(user, now.getTime());
  }

  leave(user: string): void {
    this.seen.delete(user);
  }

  async anyone(now: Date): Promise<boolean> {
    for (const [user, at] of this.seen) {
      if (now.getTime() - at <= this.withinMs) return true;
      this.seen.delete(user);
    }
    return false;
  }
}
