import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Server } from 'restify';
import { projectRoot } from '../paths.js';

/** Web Chat's UMD bundle from the installed package (its exports hide dist/, so go by folder). */
function webChatBundle(): string {
  const entry = createRequire(import.meta.url).resolve('botframework-webchat');
  let dir = path.dirname(entry);
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return path.join(dir, 'dist', 'webchat.js');
}

/**
 * Nothing on the page runs from elsewhere, and nothing runs inline: the only scripts are the two
 * served here. Web Chat styles itself with inline styles, and Azure's Direct Line is reached only
 * when the operator set a secret.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' https://directline.botframework.com wss://directline.botframework.com",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const ASSETS: Record<string, { file: () => string; type: string }> = {
  '/': { file: () => path.join(projectRoot(), 'bot', 'webchat', 'index.html'), type: 'text/html; charset=utf-8' },
  '/webchat/page.js': { file: () => path.join(projectRoot(), 'bot', 'webchat', 'page.js'), type: 'text/javascript; charset=utf-8' },
  '/webchat/page.css': { file: () => path.join(projectRoot(), 'bot', 'webchat', 'page.css'), type: 'text/css; charset=utf-8' },
  '/webchat/webchat.js': { file: webChatBundle, type: 'text/javascript; charset=utf-8' },
};

export function registerWebChatPage(server: Server): void {
  server.get('/favicon.ico', async (_req, res) => {
    res.writeHead(204);
    res.end();
  });
  const cache = new Map<string, Buffer>();
  for (const [route, asset] of Object.entries(ASSETS)) {
    server.get(route, async (_req, res) => {
      let content = cache.get(route);
      if (!content) {
        content = await readFile(asset.file());
        cache.set(route, content);
      }
      res.writeHead(200, {
        'content-type': asset.type,
        'content-length': content.length,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': route === '/webchat/webchat.js' ? 'public, max-age=86400' : 'no-cache',
      });
      res.end(content);
    });
  }
}
