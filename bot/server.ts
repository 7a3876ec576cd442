import restify, { type Server } from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { JobBot } from './jobBot.js';
import type { Logger } from './logger.js';
import type { OfferCatalog } from '../data/offers/offerCatalog.js';
import { LocalDirectLine } from './directline/localDirectLineRoutes.js';
import { exchangeSecret } from './directline/azureDirectLine.js';
import { TokenSigner, newId } from './directline/tokens.js';
import { registerWebChatPage } from './webchat/webChatPage.js';
import { routeParam } from './routeParam.js';
import { channelResponse } from './channelResponse.js';
import type { Clock } from '../data/clock.js';
import { registerAdmin, type AdminOptions } from './admin/adminRoutes.js';
import { offerDeadlineCalendar } from '../dialogs/offers/offerCalendar.js';
import { referenceOfSegment } from '../data/offers/reference.js';

/** A Bot Framework activity is a few kilobytes; anything near this is not one. */
export const MAX_BODY_BYTES = 256 * 1024;
const TOKEN_LIFETIME_SECONDS = 30 * 60;

export interface ServerOptions {
  adapter: CloudAdapter;
  bot: JobBot;
  catalog: OfferCatalog;
  clock: Clock;
  logger: Logger;
  /** The review page for support staff. */
  admin?: AdminOptions;
  /** With a secret, the page talks to Azure's Direct Line; without, to the built-in local channel. */
  directLine: { secret?: string; endpoint: string };
  /** Production mode: requests to /api/messages must carry a Bot Framework token. */
  authenticated: boolean;
  /** For the local channel's token lifetime in tests. */
  now?: () => number;
}

export interface RunningServer {
  server: Server;
  url: string;
  localDirectLine?: LocalDirectLine;
  close(): Promise<void>;
}

export function createServer(options: ServerOptions): { server: Server; localDirectLine?: LocalDirectLine } {
  const server = restify.createServer({ name: 'job-seeker-assistant', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    if (!req.body || typeof req.body !== 'object' || typeof (req.body as { type?: unknown }).type !== 'string') {
      res.send(400, { error: 'expected a Bot Framework activity' });
      return;
    }
    if (!acceptableIds(req.body as Record<string, unknown>)) {
      res.send(400, { error: 'conversation and user ids must be printable text of at most 1,024 characters' });
      return;
    }
    const channel = channelResponse(res, options.authenticated);
    await options.adapter.process(req, channel.response, (context) => {
      channel.turnBegan();
      return options.bot.run(context);
    });
  });

  server.get('/healthz', async (_req, res) => {
    const snapshot = options.catalog.current();
    // Offers set aside are named so that an operator sees them without reading the logs.
    const setAside = snapshot.setAside.map((s) => ({ offer: s.offer, problems: s.problems.map((p) => ({ field: p.field, message: p.message })) }));
    // `process`: which one answered, behind a load balancer or in a cluster.
    res.send(200, { status: 'ok', process: process.pid, offers: snapshot.offers.length, offersLoadedAt: snapshot.loadedAt.toISOString(), setAside });
  });

  let localDirectLine: LocalDirectLine | undefined;
  const useLocalChannel = !options.directLine.secret;
  if (useLocalChannel && !options.authenticated) {
    localDirectLine = new LocalDirectLine({
      signer: new TokenSigner(TOKEN_LIFETIME_SECONDS, options.now),
      selfUrl: () => {
        const address = server.address();
        return `http://127.0.0.1:${address.port}`;
      },
      logger: options.logger,
    });
    localDirectLine.register(server);
  }

  server.post('/api/directline/token', async (req, res) => {
    if (localDirectLine) {
      const asked = (req.body as { locale?: unknown } | undefined)?.locale;
      const locale = typeof asked === 'string' && /^[a-z]{2}(-[A-Z]{2})?$/.test(asked) ? asked : undefined;
      // The page resolves the path against its own origin, whatever host name it was opened with.
      res.send(200, { ...localDirectLine.issueToken(locale), domain: '/v3/directline' });
      return;
    }
    if (!options.directLine.secret) {
      res.send(503, { error: 'no chat channel: set DIRECTLINE_SECRET to chat through Azure Direct Line' });
      return;
    }
    try {
      const token = await exchangeSecret(options.directLine.endpoint, options.directLine.secret, `dl_${newId(12)}`);
      res.send(200, token);
    } catch (error) {
      options.logger.error('Direct Line token exchange failed', { error: String(error) });
      res.send(502, { error: 'the chat channel is unavailable' });
    }
  });

  // An offer's public address (what Teams unfurls, what people share): the chat, opened on it.
  server.get('/offres/:reference', async (req, res) => {
    const segment = routeParam(req, 'reference');
    const target = referenceOfSegment(segment) ? `/?offre=${encodeURIComponent(segment)}` : '/';
    res.redirect(302, target, () => undefined);
  });

  // The deadline as a calendar event (a button on offer cards and reminders).
  server.get('/offres/:reference/agenda.ics', async (req, res) => {
    const reference = referenceOfSegment(routeParam(req, 'reference'));
    const offer = reference ? options.catalog.current().findByReference(reference) : undefined;
    if (!offer || offer.reference !== reference) {
      res.send(404, { error: 'no offer with this reference' });
      return;
    }
    const language = (req.query as { lang?: unknown } | undefined)?.lang === 'en' ? 'en' : 'fr';
    const body = offerDeadlineCalendar(offer, language, options.clock.now());
    res.writeHead(200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${offer.reference.replace('/', '-')}.ics"`,
    });
    res.end(body);
  });

  if (options.admin) registerAdmin(server, options.admin);
  registerWebChatPage(server);

  server.on('restifyError', (req: restify.Request, res: restify.Response, error: Error, callback: () => unknown) => {
    options.logger.warn('request refused', { path: req.path(), status: res.statusCode, error: error.message });
    return callback();
  });
  return { server, localDirectLine };
}

/** Ids the bot keeps and sends back in addresses: no control characters (a NUL breaks the reply's URL), bounded. */
function acceptableIds(activity: Record<string, unknown>): boolean {
  const ids = [(activity.conversation as { id?: unknown } | undefined)?.id, (activity.from as { id?: unknown } | undefined)?.id];
  // eslint-disable-next-line no-control-regex
  return ids.every((id) => id === undefined || (typeof id === 'string' && id.length <= 1024 && !/[\u0000-\u001f\u007f]/.test(id)));
}

export async function listen(server: Server, port: number, host?: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return `http://localhost:${server.address().port}`;
}
