import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Bot processes and a stand-in for the Bot Connector, for the benchmark, the load run and the
 * multi-process tests: activities are POSTed to /api/messages as Azure Bot Service does, and the
 * replies come back to `serviceUrl` in the Bot Framework's REST wire format.
 */
export interface BotProcess {
  url: string;
  child: ChildProcess;
  /** Everything it wrote, stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/** A bot not listening after this long will not: its output says why. */
const START_TIMEOUT_MS = 30_000;

export async function startBotProcess(env: NodeJS.ProcessEnv, script = 'dist/bot/index.js'): Promise<BotProcess> {
  const child = spawn(process.execPath, [script], { env: { PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const began = Date.now();
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const listening = /"url":"(http:\/\/localhost:\d+)"/.exec(out);
      if (listening?.[1]) {
        clearInterval(timer);
        resolve(listening[1]);
      } else if (Date.now() - began > START_TIMEOUT_MS) {
        clearInterval(timer);
        child.kill('SIGKILL');
        reject(new Error(`bot not listening after ${START_TIMEOUT_MS / 1000} s:\n${out}`));
      }
    }, 20);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`bot exited with ${code}:\n${out}`));
    });
  });
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    child,
    output: () => out,
    stop: async () => {
      child.kill('SIGTERM');
      await ended;
    },
    kill: async () => {
      child.kill('SIGKILL');
      await ended;
    },
  };
}

/** What the stand-in connector received: each activity the bot posted, with its conversation. */
export interface PostedActivity {
  conversationId: string;
  type?: string;
  text?: string;
  attachments?: unknown[];
  [key: string]: unknown;
}

export interface FakeConnector {
  serviceUrl: string;
  received: PostedActivity[];
  close(): Promise<void>;
}

/**
 * Answers every POST of the Connector API (`/v3/conversations/{id}/activities[/{replyTo}]`) as the service
 * does; keeps what it received unless `keep: false` (the benchmark).
 */
export async function fakeConnector(options: { delayMs?: number; keep?: boolean } = {}): Promise<FakeConnector> {
  const received: PostedActivity[] = [];
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const conversationId = decodeURIComponent(/\/v3\/conversations\/([^/]+)/.exec(req.url ?? '')?.[1] ?? '');
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
        if (options.keep !== false) received.push({ ...body, conversationId });
      } catch {
        // Not JSON: not an activity, nothing to keep.
      }
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `posted-${(next += 1)}` }));
      }, options.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A user's message as Azure Bot Service posts it. */
export function userMessage(options: { serviceUrl: string; conversationId: string; userId: string; text: string; id: string; locale?: string }) {
  return {
    type: 'message',
    id: options.id,
    channelId: 'webchat',
    serviceUrl: options.serviceUrl,
    text: options.text,
    locale: options.locale ?? 'fr-FR',
    timestamp: new Date().toISOString(),
    from: { id: options.userId, role: 'user' },
    recipient: { id: 'bot', role: 'bot' },
    conversation: { id: options.conversationId },
  };
}

/**
 * POSTs one activity on a connection of its own (no keep-alive): Node's cluster hands each
 * connection to a worker, so each turn may go to another process, as behind a load balancer.
 */
export function postActivity(url: string, activity: object, timeoutMs = 30_000): Promise<number> {
  const body = JSON.stringify(activity);
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/messages`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

/** One turn: the user's message to `url`, and what the bot posted back in that conversation (text and cards). */
export async function say(url: string, connector: FakeConnector, conversationId: string, userId: string, text: string, id: string): Promise<string> {
  const before = connector.received.length;
  const status = await postActivity(url, userMessage({ serviceUrl: connector.serviceUrl, conversationId, userId, text, id }));
  if (status >= 300) throw new Error(`turn "${text}" answered ${status}`);
  return repliesSince(connector, before, conversationId);
}

/** What the bot posted in a conversation since the connector's `before`-th activity: texts and cards. */
export function repliesSince(connector: FakeConnector, before: number, conversationId: string): string {
  return connector.received
    .slice(before)
    .filter((a) => a.conversationId === conversationId && a.type === 'message')
    .map((a) => `${a.text ?? ''}${a.attachments ? JSON.stringify(a.attachments) : ''}`)
    .join('\n');
}
