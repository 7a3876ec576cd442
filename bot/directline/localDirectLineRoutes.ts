import type { Activity } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logger.js';
import { LocalConversations } from './localDirectLine.js';
import { newId, type TokenClaims, type TokenSigner } from './tokens.js';
import { routeParam } from '../routeParam.js';

/**
 * A Direct Line 3.0 channel inside the bot's own server, for running with nothing from Azure:
 * the page starts a conversation, posts activities and polls for new ones with a watermark; the
 * channel relays each user activity to POST /api/messages exactly as Azure's channel does (with a
 * serviceUrl), and receives the bot's replies on the Bot Connector routes of that serviceUrl.
 */
export const LOCAL_BOT_ID = 'job-assistant';
const CHANNEL_ID = 'directline';

export interface LocalDirectLineOptions {
  signer: TokenSigner;
  /** Where this server listens, as the bot must call it back: http://127.0.0.1:PORT */
  selfUrl: () => string;
  logger: Logger;
}

function bearer(req: Request): string | undefined {
  const header = req.header('authorization');
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

function isLoopback(req: Request): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

function fail(res: Response, status: number, code: string, message: string): void {
  res.send(status, { error: { code, message } });
}

export class LocalDirectLine {
  readonly conversations = new LocalConversations();
  /** Turns relayed to the bot and not finished yet: a clean shutdown lets them answer first. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: LocalDirectLineOptions) {}

  /** A token for a new conversation with a new user: what the page gets from /api/directline/token. */
  issueToken(locale?: string): { token: string; conversationId: string; userId: string; expires_in: number } {
    const conversationId = LocalConversations.newConversationId();
    const userId = `user_${newId(12)}`;
    const { token, expiresIn } = this.options.signer.issue(conversationId, userId, locale);
    return { token, conversationId, userId, expires_in: expiresIn };
  }

  register(server: Server): void {
    const base = '/v3/directline';
    server.post(`${base}/tokens/refresh`, async (req, res) =>
      this.withClaims(req, res, (claims) => {
        const { token, expiresIn } = this.options.signer.issue(claims.conversationId, claims.userId, claims.locale);
        res.send(200, { conversationId: claims.conversationId, token, expires_in: expiresIn });
      }),
    );
    server.post(`${base}/conversations`, async (req, res) => this.withClaims(req, res, (claims) => this.startConversation(res, claims)));
    server.get(`${base}/conversations/:conversationId`, async (req, res) =>
      this.withConversation(req, res, (claims) => {
        res.send(200, { conversationId: claims.conversationId, token: bearer(req), expires_in: this.options.signer.lifetimeSeconds });
      }),
    );
    server.post(`${base}/conversations/:conversationId/activities`, async (req, res) =>
      this.withConversation(req, res, (claims) => this.postFromUser(req, res, claims)),
    );
    server.get(`${base}/conversations/:conversationId/activities`, async (req, res) =>
      this.withConversation(req, res, (claims) => {
        const given = (req.query as Record<string, unknown> | undefined)?.watermark;
        const watermark = typeof given === 'string' ? Number.parseInt(given, 10) : 0;
        res.send(200, this.conversations.since(claims.conversationId, Number.isFinite(watermark) ? watermark : 0));
      }),
    );
    // The Bot Connector API the bot calls back on (its serviceUrl is this server).
    server.post('/v3/conversations/:conversationId/activities', async (req, res) => this.postFromBot(req, res));
    server.post('/v3/conversations/:conversationId/activities/:activityId', async (req, res) =>
      this.postFromBot(req, res),
    );
  }

  private async withClaims(req: Request, res: Response, handle: (claims: TokenClaims) => unknown): Promise<void> {
    const check = this.options.signer.check(bearer(req));
    if (!check.ok) {
      return fail(res, 403, check.reason === 'expired' ? 'TokenExpired' : 'BadArgument', `token ${check.reason}`);
    }
    await handle(check.claims);
  }

  private async withConversation(req: Request, res: Response, handle: (claims: TokenClaims) => unknown): Promise<void> {
    return this.withClaims(req, res, async (claims) => {
      if (routeParam(req, 'conversationId') !== claims.conversationId) {
        return fail(res, 403, 'BadArgument', 'token is not valid for this conversation');
      }
      if (!this.conversations.has(claims.conversationId)) return fail(res, 404, 'BadArgument', 'conversation not found');
      await handle(claims);
    });
  }

  private async startConversation(res: Response, claims: TokenClaims): Promise<void> {
    const created = this.conversations.start(claims.conversationId, claims.userId);
    res.send(created ? 201 : 200, {
      conversationId: claims.conversationId,
      token: this.options.signer.issue(claims.conversationId, claims.userId, claims.locale).token,
      expires_in: this.options.signer.lifetimeSeconds,
    });
    if (created) {
      // Azure's channel tells the bot who joined: that is when the bot says hello.
      void this.relay({
        type: 'conversationUpdate',
        membersAdded: [{ id: LOCAL_BOT_ID }, { id: claims.userId }],
        from: { id: claims.userId, role: 'user' },
        ...(claims.locale ? { locale: claims.locale } : {}),
      } as Partial<Activity>, claims);
    }
  }

  private async postFromUser(req: Request, res: Response, claims: TokenClaims): Promise<void> {
    const body = req.body as Partial<Activity> | undefined;
    if (!body || typeof body !== 'object' || typeof body.type !== 'string') {
      return fail(res, 400, 'BadArgument', 'an activity with a type is required');
    }
    // The user is who the token says, whatever the activity claims.
    const from = { id: claims.userId, name: typeof body.from?.name === 'string' ? body.from.name : '', role: 'user' };
    const stored = this.conversations.append(claims.conversationId, {
      ...body,
      from,
      timestamp: new Date(),
      channelId: CHANNEL_ID,
      conversation: { id: claims.conversationId } as Activity['conversation'],
    });
    if (!stored) return fail(res, 404, 'BadArgument', 'conversation not found');
    res.send(200, { id: stored.id });
    await this.relay(stored, claims);
  }

  /** Waits for the turns under way, so that stopping the server does not cut the bot's answers. */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private relay(activity: Partial<Activity>, claims: TokenClaims): Promise<void> {
    const turn = this.send(activity, claims);
    this.inFlight.add(turn);
    return turn.finally(() => this.inFlight.delete(turn));
  }

  /** Sends an activity to the bot's endpoint over HTTP, as Azure's channel does. */
  private async send(activity: Partial<Activity>, claims: TokenClaims): Promise<void> {
    const selfUrl = this.options.selfUrl();
    const outgoing = {
      ...activity,
      id: activity.id ?? `${claims.conversationId}|update-${newId(6)}`,
      channelId: CHANNEL_ID,
      serviceUrl: `${selfUrl}/`,
      conversation: { id: claims.conversationId },
      recipient: { id: LOCAL_BOT_ID, role: 'bot' },
      timestamp: activity.timestamp ?? new Date(),
    };
    try {
      const response = await fetch(`${selfUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(outgoing),
      });
      if (!response.ok) {
        this.options.logger.warn('bot refused an activity', { conversationId: claims.conversationId, status: response.status });
      }
    } catch (error) {
      this.options.logger.error('could not reach the bot', { conversationId: claims.conversationId, error: String(error) });
    }
  }

  private postFromBot(req: Request, res: Response): void {
    // Only the bot, on this machine, may speak in these conversations.
    if (!isLoopback(req)) return fail(res, 403, 'Forbidden', 'the connector routes answer only the local bot');
    const body = req.body as Partial<Activity> | undefined;
    const conversationId = routeParam(req, 'conversationId');
    if (!body || typeof body.type !== 'string') return fail(res, 400, 'BadArgument', 'an activity is required');
    const stored = this.conversations.append(conversationId, {
      ...body,
      from: { id: LOCAL_BOT_ID, name: body.from?.name ?? '', role: 'bot' },
      timestamp: new Date(),
    });
    if (!stored) return fail(res, 404, 'BadArgument', 'conversation not found');
    res.send(200, { id: stored.id });
  }
}
