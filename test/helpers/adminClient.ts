import { hashPassword } from '../../bot/admin/passwords.js';

export const STAFF = { name: 'agent.support', password: 'Correct horse battery 687' };
export const SESSION_SECRET = 'test-session-secret-of-at-least-32-characters';

/** The settings that turn the review page on, with one staff account. */
export async function adminEnv(): Promise<Record<string, string>> {
  return { ADMIN_USERS: `${STAFF.name}:${await hashPassword(STAFF.password)}`, ADMIN_SESSION_SECRET: SESSION_SECRET };
}

/** A browser-like client for /admin: keeps cookies, does not follow redirects. */
export class AdminClient {
  readonly jar = new Map<string, string>();
  constructor(readonly url: string) {}

  private remember(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const eq = (pair ?? '').indexOf('=');
      const name = (pair ?? '').slice(0, eq);
      const value = decodeURIComponent((pair ?? '').slice(eq + 1));
      if (/Max-Age=0/.test(header) || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  private cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  }

  async get(path: string): Promise<Response> {
    const response = await fetch(`${this.url}${path}`, { redirect: 'manual', headers: { cookie: this.cookieHeader() } });
    this.remember(response);
    return response;
  }

  async post(path: string, form: Record<string, string>): Promise<Response> {
    const response = await fetch(`${this.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    this.remember(response);
    return response;
  }

  /** The CSRF token of the last form the page gave. */
  static csrfOf(html: string): string {
    return /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  }

  async login(name = STAFF.name, password = STAFF.password): Promise<Response> {
    const form = await (await this.get('/admin/login')).text();
    return this.post('/admin/login', { csrf: AdminClient.csrfOf(form), username: name, password });
  }
}
