import type { Request } from 'restify';

/** A named segment of the route (`/offres/:reference`) as text; restify types `params` as `any`. */
export function routeParam(req: Request, name: string): string {
  const value: unknown = (req.params as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}
