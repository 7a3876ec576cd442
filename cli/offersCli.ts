#!/usr/bin/env node
/**
 * `npm run offers -- <command>`: the HR command line over the offers file (the commands are in
 * offersCommands.ts). A running bot picks every change up by itself.
 */
import path from 'node:path';
import { clockOf, clockSettingOf } from '../data/clock.js';
import { say, type CliLanguage } from './messages.js';
import { OffersCommands, type Options } from './offersCommands.js';
import { RestError } from '@azure/storage-blob';
import { BlobOffersHome } from '../data/offers/blobOffersHome.js';
import { FileOffersHome, type OffersHome } from '../data/offers/offersHome.js';
import { InvalidOffersError, OffersChangedError } from '../data/offers/offerStore.js';

function parse(argv: string[]): Options {
  const options: Options = { args: [], flags: new Set(), values: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (['--file', '--lang', '--closing-within'].includes(arg)) options.values.set(arg, argv[++i] ?? '');
    else if (arg.startsWith('--')) options.flags.add(arg);
    else if (!options.command) options.command = arg;
    else options.args.push(arg);
  }
  return options;
}

export async function runOffersCli(argv: string[], env: NodeJS.ProcessEnv, out: (line: string) => void): Promise<number> {
  const options = parse(argv);
  const asked = options.values.get('--lang') ?? (env.LANG?.startsWith('en') ? 'en' : 'fr');
  const language: CliLanguage = asked === 'en' ? 'en' : 'fr';
  const home = offersHomeOf(options.values.get('--file'), env);
  const file = home.name;
  const clock = clockOf(clockSettingOf(env));
  const cli = new OffersCommands(home, language, clock, out);
  try {
    return await run(cli, options, language, out, env);
  } catch (error) {
    if (error instanceof OffersChangedError) {
      out(say(language, 'changedMeanwhile', { file }));
      return 1;
    }
    if (error instanceof RestError || (error instanceof Error && /ECONNREFUSED|ENOTFOUND|ETIMEDOUT/.test(error.message))) {
      out(say(language, 'storageUnreachable', { file, detail: error.message.split('\n')[0] ?? '' }));
      return 1;
    }
    // The offers file itself cannot be read (missing, not JSON, blanked): say so in HR's language.
    if (!(error instanceof InvalidOffersError)) throw error;
    const [problem] = error.problems;
    out(problem?.code === 'missing' ? say(language, 'missing', { file }) : say(language, 'fileProblem', { file, message: say(language, `problem.${problem?.code ?? 'invalid'}`) }));
    return 1;
  }
}

/**
 * The offers the bot serves: with AZURE_STORAGE_CONNECTION_STRING, the blob every instance reads (as the
 * bot does); `--file` names a file instead; else OFFERS_FILE or data/offers.json.
 */
function offersHomeOf(file: string | undefined, env: NodeJS.ProcessEnv): OffersHome {
  const connectionString = env.AZURE_STORAGE_CONNECTION_STRING?.trim();
  if (!file && connectionString) return new BlobOffersHome(connectionString, env.AZURE_OFFERS_CONTAINER?.trim() || 'bot-offers');
  return new FileOffersHome(path.resolve(file ?? env.OFFERS_FILE ?? 'data/offers.json'));
}

async function run(cli: OffersCommands, options: Options, language: CliLanguage, out: (line: string) => void, env: NodeJS.ProcessEnv): Promise<number> {
  if (options.flags.has('--help') || options.command === 'help' || !options.command) {
    out(say(language, 'help'));
    return options.command || options.flags.has('--help') ? 0 : 2;
  }
  switch (options.command) {
    case 'validate':
      return cli.validate(options.args[0] ? path.resolve(options.args[0]) : undefined);
    case 'list':
      return cli.list(options);
    case 'close':
      return cli.close(options.args[0]);
    case 'remove':
      return cli.remove(options.args[0]);
    case 'import':
      return cli.import(options.args, { write: options.flags.has('--write'), atomic: options.flags.has('--atomic') });
    case 'sync':
      return cli.sync(options.args[0] ?? env.OFFERS_SYNC_URL, { write: !options.flags.has('--dry-run') });
    case 'history':
      return cli.history();
    case 'export':
      return cli.export(options);
    default:
      out(say(language, 'usage'));
      return 2;
  }
}

// Run as a command (npm run offers, or the `offers` bin), not when imported by a test.
if (process.argv[1] && /offersCli\.js$/.test(process.argv[1])) {
  runOffersCli(process.argv.slice(2), process.env, (line) => console.log(line))
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    });
}
