import type { Response } from 'restify';

/**
 * The response the adapter writes to, with what a channel may learn of a failure cut down to the
 * status: the SDK answers a request it cannot authenticate (a forged token, or one it cannot check)
 * with its internal error message, sometimes as a 500. A request refused before any turn began is
 * a 401 when authentication is on; any error says only what kind it is.
 */
export interface ChannelResponse {
  response: Response;
  /** Call when the turn begins: from then on a failure is the bot's, not the caller's. */
  turnBegan(): void;
}

export function channelResponse(res: Response, authenticated: boolean): ChannelResponse {
  let began = false;
  let status = 200;
  const response = Object.create(res) as Response;
  Object.assign(response, {
    status(code: number) {
      status = !began && authenticated && code >= 500 ? 401 : code;
      res.status(status);
      return response;
    },
    send(body?: unknown) {
      if (status >= 400) res.send({ error: status === 401 ? 'unauthorized' : status >= 500 ? 'internal error' : 'bad request' });
      else res.send(body);
      return response;
    },
    header(name: string, value: string) {
      res.header(name, value);
      return response;
    },
    end: () => res.end(),
  });
  return { response, turnBegan: () => (began = true) };
}
