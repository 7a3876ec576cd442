import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../bot/config.js';
import { SAMPLE_OFFERS_FILE } from './offers.js';

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

/**
 * A stand-in for a channel's Bot Connector service (or Azure's Direct Line): records what it is
 * sent and answers as the real one does.
 */
export async function fakeService(
  answer: (request: Received) => { status: number; body: unknown } | Promise<{ status: number; body: unknown }> = () => ({
    status: 200,
    body: { id: 'reply-1' },
  }),
): Promise<{ url: string; received: Received[]; close(): Promise<void>; waitFor(count: number, ms?: number): Promise<Received[]> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: (raw ? JSON.parse(raw) : {}) as Record<string, unknown> };
      received.push(request);
      void Promise.resolve(answer(request)).then(({ status, body }) => {
        if (res.destroyed) return;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    async waitFor(count, ms = 5000) {
      const until = Date.now() + ms;
      while (received.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      return received;
    },
  };
}

/** A configuration for a bot on a free port with its own state folder and the shipped offers. */
export async function testConfig(env: Record<string, string> = {}): Promise<Config> {
  const stateDir = await mkdtemp(path.join(tmpdir(), 'bot-state-'));
  return loadConfig({ PORT: '0', STATE_DIR: stateDir, OFFERS_FILE: SAMPLE_OFFERS_FILE, ...env });
}

export async function waitUntil<T>(probe: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}
