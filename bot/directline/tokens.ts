import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Direct Line tokens for the built-in local channel: a conversation and a user, signed, with an
 * expiry. The key lives only in this process, so a restart invalidates every token, as a
 * regenerated secret does on Azure.
 */
export interface TokenClaims {
  conversationId: string;
  userId: string;
  /** The page's language, so the greeting that opens the conversation is in it. */
  locale?: string;
  expiresAt: number;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'invalid' | 'expired' };

export class TokenSigner {
  private readonly key = randomBytes(32);

  constructor(
    readonly lifetimeSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(conversationId: string, userId: string, locale?: string): { token: string; expiresIn: number } {
    const claims: TokenClaims = { conversationId, userId, locale, expiresAt: this.now() + this.lifetimeSeconds * 1000 };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { token: `${payload}.${this.sign(payload)}`, expiresIn: this.lifetimeSeconds };
  }

  check(token: string | undefined): TokenCheck {
    if (!token) return { ok: false, reason: 'invalid' };
    const [payload, signature] = token.split('.');
    if (!payload || !signature) return { ok: false, reason: 'invalid' };
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    if (claims.expiresAt <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

export function newId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}
