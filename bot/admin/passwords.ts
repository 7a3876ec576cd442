import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, length: number, options: { N: number; r: number; p: number }) => Promise<Buffer>;

/**
 * Staff passwords are kept as salted scrypt hashes ("scrypt$N$salt$hash", base64url), never as
 * text: `npm run admin:hash` makes one for ADMIN_USERS.
 */
const COST = { N: 16384, r: 8, p: 1 };
const LENGTH = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, LENGTH, COST);
  return `scrypt$${COST.N}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, { ...COST, N: Number(n) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A hash no password matches, checked for an unknown name so that a wrong name takes as long to
 * refuse as a wrong password (the time would tell which names exist).
 */
let decoy: Promise<string> | undefined;
export async function verifyUnknownUser(password: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(24).toString('base64url'));
  await verifyPassword(password, await decoy);
  return false;
}

export function isPasswordHash(value: string): boolean {
  return /^scrypt\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/.test(value);
}

/** ADMIN_USERS: "alice:scrypt$…,bob:scrypt$…". */
export function parseAccounts(value: string): Map<string, string> {
  const accounts = new Map<string, string>();
  for (const entry of value.split(',').map((e) => e.trim()).filter(Boolean)) {
    const colon = entry.indexOf(':');
    const name = entry.slice(0, colon).trim();
    const hash = entry.slice(colon + 1).trim();
    if (colon <= 0 || !isPasswordHash(hash)) throw new Error(`ADMIN_USERS: "${name || entry.slice(0, 20)}" needs name:hash, the hash from npm run admin:hash`);
    accounts.set(name, hash);
  }
  return accounts;
}
