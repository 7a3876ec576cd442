/**
 * With DIRECTLINE_SECRET set, the page talks to Azure's Direct Line: the server exchanges the
 * secret for a conversation token (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-direct-line-3-0-authentication)
 * and gives the page only the token. The secret never leaves the server.
 */
export interface DirectLineToken {
  token: string;
  conversationId: string;
  userId: string;
  expires_in: number;
}

export async function exchangeSecret(endpoint: string, secret: string, userId: string): Promise<DirectLineToken> {
  const response = await fetch(`${endpoint}/tokens/generate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ user: { id: userId } }),
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`Direct Line token exchange failed: HTTP ${response.status}`);
  const body = (await response.json()) as { token?: unknown; conversationId?: unknown; expires_in?: unknown };
  if (typeof body.token !== 'string' || typeof body.conversationId !== 'string') {
    throw new Error('Direct Line token exchange returned no token');
  }
  return {
    token: body.token,
    conversationId: body.conversationId,
    userId,
    expires_in: typeof body.expires_in === 'number' ? body.expires_in : 1800,
  };
}
