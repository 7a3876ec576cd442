import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { rememberRecent } from '../data/storage/recentEntries.js';

type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0];
type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/** Distinct (bot, service URL, audience) triples kept: a bot talks to a handful of channel services. */
const MAX_CLIENTS = 100;

/**
 * The CloudAdapter makes a new Connector client, with its whole HTTP pipeline, and a new user-token
 * client for every turn: measured here, about a tenth of a search turn's CPU. The clients hold no
 * per-turn state (the credentials cache their token), so they are made once per bot, service URL and
 * audience and used again, as the SDK's older BotFrameworkAdapter did with its `connectorClients`.
 */
export class ReusedConnectorsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  override async authenticateRequest(...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>) {
    const result = await super.authenticateRequest(...args);
    return result.connectorFactory ? { ...result, connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity) } : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return remembered(this.tokenClients, botOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  private reusing(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const bot = botOf(claimsIdentity);
    return { create: (serviceUrl: string, audience?: string) => remembered(this.connectors, `${bot}|${serviceUrl}|${audience ?? ''}`, () => factory.create(serviceUrl, audience)) };
  }
}

/** Who the request is for and from (the token's audience and caller): clients are not shared between bots. */
function botOf(claimsIdentity: ClaimsIdentity): string {
  const claim = (type: string) => claimsIdentity.claims.find((c) => c.type === type)?.value ?? '';
  return `${claim('aud')}|${claim('appid') || claim('azp')}`;
}

function remembered<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let made = cache.get(key);
  if (!made) {
    made = make();
    // A failure is not kept: the next turn tries again.
    made.catch(() => cache.delete(key));
    rememberRecent(cache, key, made, MAX_CLIENTS);
  }
  return made;
}
