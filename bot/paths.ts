import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, whether running from bot/ (tests) or dist/bot/ (built). */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the bot');
    dir = parent;
  }
  return dir;
}

/** The language model every recogniser learns from (see deployment/clu/README.md). */
export function languageModelFile(): string {
  return path.join(projectRoot(), 'deployment', 'clu', 'job-assistant.json');
}
