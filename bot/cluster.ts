import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, type Config } from './config.js';
import { consoleLogger } from './logger.js';

/**
 * `npm run start:cluster`: one bot process per core (or `WEB_CONCURRENCY`) on one port, Node's cluster
 * handing each connection to a worker. Every worker runs `index.js` as `npm start` does; this primary
 * only starts them, starts again one that dies, and passes a stop on. Only with a store shared by the
 * processes (Azure Storage) and a channel that is not in one process's memory.
 */
const RESTART_AFTER_MS = 1_000;

export function clusterRefusal(config: Config): string | undefined {
  if (!config.azureStorage) {
    return 'npm run start:cluster needs a store shared by its processes: set AZURE_STORAGE_CONNECTION_STRING (Azure Storage, or Azurite on this machine). Without it each process would keep its own conversations and reminders; use npm start.';
  }
  if (!config.directLine.secret && !config.auth.MicrosoftAppId) {
    return 'npm run start:cluster needs the Azure Bot channel (MicrosoftAppId) or Azure Direct Line (DIRECTLINE_SECRET): the embedded Web Chat channel keeps its conversations in one process; use npm start for it.';
  }
  return undefined;
}

function primary(config: Config, processes: number): void {
  cluster.setupPrimary({ exec: path.join(path.dirname(fileURLToPath(import.meta.url)), 'index.js') });
  let stopping = false;
  const start = () => cluster.fork();
  for (let i = 0; i < processes; i += 1) start();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    consoleLogger.warn('bot process ended; starting another', { pid: worker.process.pid, code, signal });
    // A process that cannot start (bad offers file) would fail again at once: wait a little each time.
    setTimeout(start, RESTART_AFTER_MS).unref();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    const wait = setInterval(() => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    }, 100);
    wait.unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  consoleLogger.info('bot cluster started', { processes, port: config.port });
}

try {
  const config = loadConfig();
  const refusal = clusterRefusal(config);
  if (refusal) {
    console.error(`The bot did not start.\n${refusal}`);
    process.exit(1);
  }
  primary(config, config.processes ?? availableParallelism());
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`The bot did not start.\n${error.message}`);
  process.exit(1);
}
