/**
 * `npm run playground`: the bot and the Microsoft 365 Agents Playground (a local Teams client,
 * offline, telemetry off) pointed at it, to try the Teams channel without a tenant.
 * Bot on PORT (3978), Playground on PLAYGROUND_PORT (56150); Ctrl+C stops both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { projectRoot } from '../bot/paths.js';

const botPort = process.env.PORT ?? '3978';
const playgroundPort = process.env.PLAYGROUND_PORT ?? '56150';
const root = projectRoot();
const playgroundCli = path.join(path.dirname(createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');

const children: ChildProcess[] = [
  spawn(process.execPath, [path.join(root, 'dist', 'bot', 'index.js')], { stdio: 'inherit', env: { ...process.env, PORT: botPort } }),
  spawn(
    process.execPath,
    [playgroundCli, '-e', `http://localhost:${botPort}/api/messages`, '-c', 'msteams', '-p', playgroundPort, '--disable-telemetry'],
    { stdio: 'inherit', env: process.env },
  ),
];
console.log(`Teams channel in the Agents Playground: http://localhost:${playgroundPort}`);

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
for (const child of children) child.once('exit', stop);
