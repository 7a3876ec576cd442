import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for data.gouv.nc (an OpenDataSoft portal), speaking its Explore API v2.1 export wire
 * format: `GET /api/explore/v2.1/catalog/datasets/<id>/exports/csv` (text/csv, an attachment) and
 * `…/exports/json` (an array of records). What it answers can be changed between requests.
 */
export const DATASET = 'avis-de-vacances-de-poste-avp-drhfpnc';

export interface OpenDataServer {
  url: string;
  csvUrl: string;
  jsonUrl: string;
  requests: string[];
  /** The next answers: a body, or a status to fail with. */
  answer: { csv?: string; json?: string; status?: number; delayMs?: number };
  close(): Promise<void>;
}

export async function openDataServer(answer: OpenDataServer['answer']): Promise<OpenDataServer> {
  const requests: string[] = [];
  const state: OpenDataServer = { url: '', csvUrl: '', jsonUrl: '', requests, answer, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    // A slow portal: the answer after a while.
    if (state.answer.delayMs) setTimeout(() => respond(req, res), state.answer.delayMs);
    else respond(req, res);
  });
  const respond = (req: IncomingMessage, res: ServerResponse) => {
    const format = /\/catalog\/datasets\/([^/]+)\/exports\/(csv|json)(?:\?|$)/.exec(req.url ?? '');
    if (!format || format[1] !== DATASET) {
      res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error_code: 'NotFound', message: 'Unknown dataset' }));
      return;
    }
    if (state.answer.status && state.answer.status !== 200) {
      res.writeHead(state.answer.status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error_code: 'ServerError', message: 'try again later' }));
      return;
    }
    const body = format[2] === 'csv' ? (state.answer.csv ?? '') : (state.answer.json ?? '[]');
    res.writeHead(200, {
      'content-type': format[2] === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${DATASET}.${format[2]}"`,
    });
    res.end(body);
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.csvUrl = `${state.url}/api/explore/v2.1/catalog/datasets/${DATASET}/exports/csv`;
  state.jsonUrl = `${state.url}/api/explore/v2.1/catalog/datasets/${DATASET}/exports/json`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
