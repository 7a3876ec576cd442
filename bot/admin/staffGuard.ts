import { LoginThrottle } from './loginThrottle.js';
import { EndedSessions, type Session } from './sessions.js';

/**
 * What keeps the review page's login safe, behind one interface so that several instances can share
 * it: the lockout counters (an attempt is counted before its password is checked) and the sessions
 * ended by a logout. The embedded default keeps both in this process's memory.
 */
export interface StaffGuard {
  /** Minutes left of a lockout of any of these keys (nothing counted), or 0 and the attempt counted. */
  begin(...keys: string[]): Promise<number>;
  succeed(...keys: string[]): Promise<void>;
  end(session: Session): Promise<void>;
  isEnded(session: Session): Promise<boolean>;
}

export class MemoryStaffGuard implements StaffGuard {
  private readonly throttle: LoginThrottle;
  private readonly ended = new EndedSessions();

  constructor(private readonly now: () => number) {
    this.throttle = new LoginThrottle(now);
  }

  async begin(...keys: string[]): Promise<number> {
    return this.throttle.begin(...keys);
  }
  async succeed(...keys: string[]): Promise<void> {
    this.throttle.succeed(...keys);
  }
  async end(session: Session): Promise<void> {
    this.ended.end(session, this.now());
  }
  async isEnded(session: Session): Promise<boolean> {
    return this.ended.has(session);
  }
}
