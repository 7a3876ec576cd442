import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A staff session is a signed cookie (HMAC-SHA256 with ADMIN_SESSION_SECRET): who, until when, and
 * the CSRF token every form of the session must send back (and that names the session). The server
 * keeps only the sessions ended by a logout.
 */
export interface Session {
  user: string;
  /** Milliseconds since the epoch. */
  expires: number;
  csrf: string;
}

export class SessionSigner {
  constructor(private readonly secret: string) {}

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.secret).update(payload).digest();
  }

  sign(session: Session): string {
    const payload = Buffer.from(JSON.stringify(session)).toString('base64url');
    return `${payload}.${this.mac(payload).toString('base64url')}`;
  }

  /** The session of a cookie, if it is ours and not expired at `now`. */
  verify(token: string | undefined, now: number): Session | 'expired' | undefined {
    if (!token) return undefined;
    const [payload, signature] = token.split('.');
    if (!payload || !signature) return undefined;
    const expected = this.mac(payload);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Session;
      return session.expires > now ? session : 'expired';
    } catch {
      return undefined;
    }
  }
}

export function randomToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Equal tokens, compared in constant time. */
export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The cookies of a request; one that cannot be decoded ("%E0%A4%A") is ignored, as if absent. */
export function cookies(header: string | undefined): Record<string, string> {
  const jar: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    try {
      jar[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // A malformed cookie is no session: the user logs in afresh.
    }
  }
  return jar;
}

/**
 * Sessions ended by a logout before their expiry, until then: a signed cookie stays valid by itself,
 * so the server remembers the ones it must refuse.
 */
export class EndedSessions {
  private readonly ended = new Map<string, number>();

  end(session: Session, now: number): void {
    for (const [id, expires] of this.ended) if (expires <= now) this.ended.delete(id);
    this.ended.set(session.csrf, session.expires);
  }

  has(session: Session): boolean {
    return this.ended.has(session.csrf);
  }
}
