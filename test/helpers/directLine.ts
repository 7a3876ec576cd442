import { expect } from '@jest/globals';
import type { Activity } from 'botbuilder';
import { waitUntil } from './servers.js';

export interface TokenAnswer {
  token: string;
  conversationId: string;
  userId: string;
  domain?: string;
  expires_in: number;
}

/** A Direct Line 3.0 client, as botframework-directlinejs talks to the service. */
export class DirectLineClient {
  watermark = '0';
  constructor(
    readonly domain: string,
    public token: string,
    readonly conversationId: string,
  ) {}

  private headers() {
    return { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' };
  }

  start() {
    return fetch(`${this.domain}/conversations`, { method: 'POST', headers: this.headers() });
  }

  send(activity: Record<string, unknown>) {
    return fetch(`${this.domain}/conversations/${this.conversationId}/activities`, {
      method: 'POST',
      headers: this.headers(),
      body: JSON.stringify(activity),
    });
  }

  async poll(): Promise<Array<Partial<Activity>>> {
    const response = await fetch(`${this.domain}/conversations/${this.conversationId}/activities?watermark=${this.watermark}`, {
      headers: this.headers(),
    });
    const body = (await response.json()) as { activities: Array<Partial<Activity>>; watermark: string };
    this.watermark = body.watermark;
    return body.activities;
  }

  /** Polls until a bot activity arrives; returns everything received meanwhile. */
  async untilBotSays(): Promise<Array<Partial<Activity>>> {
    const seen: Array<Partial<Activity>> = [];
    return waitUntil(async () => {
      seen.push(...(await this.poll()));
      return seen.some((a) => a.from?.role === 'bot') ? seen : undefined;
    });
  }
}

export async function connect(url: string): Promise<DirectLineClient> {
  const answer = (await (await fetch(`${url}/api/directline/token`, { method: 'POST' })).json()) as TokenAnswer;
  expect(answer.domain).toBe('/v3/directline');
  return new DirectLineClient(`${url}${answer.domain}`, answer.token, answer.conversationId);
}

