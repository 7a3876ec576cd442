import path from 'node:path';
import { z } from 'zod';
import { clockSettingOf, type ClockSetting } from '../data/clock.js';
import { parseSupportHours, type SupportRange } from '../data/handoff/supportHours.js';
import { parseAccounts } from './admin/passwords.js';

/**
 * Every setting comes from the environment, read and checked here and nowhere else
 * (documented in .env.example). Absent settings fall back to the embedded defaults:
 * no Azure, no keys, everything on this machine.
 */
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = z.preprocess(blankToUndefined, z.string().optional());

const environmentSchema = z.object({
  PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  MicrosoftAppType: z.preprocess(blankToUndefined, z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional()),
  MicrosoftAppId: optional,
  MicrosoftAppPassword: optional,
  MicrosoftAppTenantId: optional,
  OFFERS_FILE: z.preprocess(blankToUndefined, z.string().default('data/offers.json')),
  ELIGIBILITY_RULES_FILE: z.preprocess(blankToUndefined, z.string().default('data/eligibility-rules.json')),
  TRANSCRIPT_RETENTION_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(3650).default(90)),
  ADMIN_USERS: optional,
  ADMIN_SESSION_SECRET: z.preprocess(blankToUndefined, z.string().min(32, 'at least 32 characters').optional()),
  ADMIN_SESSION_MINUTES: z.preprocess(blankToUndefined, z.coerce.number().int().min(5).max(24 * 60).default(30)),
  STATE_DIR: z.preprocess(blankToUndefined, z.string().default('state')),
  DIRECTLINE_SECRET: optional,
  DIRECTLINE_ENDPOINT: z.preprocess(blankToUndefined, z.url().default('https://directline.botframework.com/v3/directline')),
  PUBLIC_URL: z.preprocess(blankToUndefined, z.url().optional()),
  REMINDER_CHECK_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().min(0.05).max(3600).default(30)),
  BOT_NOW: z.preprocess(blankToUndefined, z.iso.datetime({ offset: true }).optional()),
  BOT_CLOCK_START: z.preprocess(blankToUndefined, z.iso.datetime({ offset: true }).optional()),
  OFFERS_SYNC_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  OFFERS_SYNC_HOURS: z.preprocess(blankToUndefined, z.coerce.number().min(0.0005).max(24 * 7).default(6)),
  AZURE_STORAGE_CONNECTION_STRING: optional,
  AZURE_STATE_CONTAINER: z.preprocess(blankToUndefined, z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/, 'a blob container name (lower case, digits, hyphens)').default('bot-state')),
  AZURE_PROACTIVE_CONTAINER: z.preprocess(blankToUndefined, z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/, 'a blob container name (lower case, digits, hyphens)').default('bot-reminders')),
  AZURE_STAFF_CONTAINER: z.preprocess(blankToUndefined, z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/, 'a blob container name (lower case, digits, hyphens)').default('bot-staff')),
  AZURE_HANDOFF_CONTAINER: z.preprocess(blankToUndefined, z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/, 'a blob container name (lower case, digits, hyphens)').default('bot-handoffs')),
  AZURE_TRANSCRIPT_CONTAINER: z.preprocess(blankToUndefined, z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/, 'a blob container name (lower case, digits, hyphens)').default('bot-transcripts')),
  AZURE_OFFERS_CONTAINER: z.preprocess(blankToUndefined, z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/, 'a blob container name (lower case, digits, hyphens)').default('bot-offers')),
  OFFERS_POLL_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().min(0.05).max(3600).default(5)),
  AZURE_CONVERSATION_CONTAINER: z.preprocess(blankToUndefined, z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/, 'a blob container name (lower case, digits, hyphens)').default('bot-conversations')),
  WEB_CONCURRENCY: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(64).optional()),
  SUPPORT_HOURS: z.preprocess(blankToUndefined, z.string().default('mon-fri 07:30-16:00')),
  HANDOFF_MODE: z.preprocess(blankToUndefined, z.enum(['review', 'hub']).default('review')),
  HANDOFF_WAIT_MINUTES: z.preprocess(blankToUndefined, z.coerce.number().min(0.05).max(24 * 60).default(10)),
  HANDOFF_IDLE_MINUTES: z.preprocess(blankToUndefined, z.coerce.number().min(0.05).max(24 * 60).default(30)),
  CLU_ENDPOINT: z.preprocess(blankToUndefined, z.url().optional()),
  CLU_KEY: optional,
  CLU_PROJECT: z.preprocess(blankToUndefined, z.string().default('job-seeker-assistant')),
  CLU_DEPLOYMENT: z.preprocess(blankToUndefined, z.string().default('production')),
  CLU_TIMEOUT_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(100).max(10000).default(1500)),
});

/** Every setting the bot reads, by name: the deployment template must set exactly these (a test checks it). */
export const SETTING_NAMES = Object.keys(environmentSchema.shape) as ReadonlyArray<keyof typeof environmentSchema.shape>;

export interface Config {
  port: number;
  auth: {
    MicrosoftAppType?: string;
    MicrosoftAppId?: string;
    MicrosoftAppPassword?: string;
    MicrosoftAppTenantId?: string;
  };
  offersFile: string;
  /** The eligibility rules' texts and sources HR maintains. */
  eligibilityRulesFile: string;
  stateDir: string;
  directLine: { secret?: string; endpoint: string };
  /** The review page: staff accounts (name → password hash) and the session's key. */
  admin: { accounts: Map<string, string>; sessionSecret?: string; sessionMinutes: number };
  /** Transcripts older than this are deleted by a daily job. */
  transcriptRetentionDays: number;
  /** Where users reach the bot's pages (calendar files); default http://localhost:PORT. */
  publicUrl: string;
  /** How often the scheduler looks for reminders and alerts that are due. */
  reminderCheckMs: number;
  /** The bot's clock: frozen at `BOT_NOW` (tests), running from `BOT_CLOCK_START` (demos), or real. */
  clock: ClockSetting;
  /** With Azure Storage: how often each instance asks whether the offers blob changed. */
  offersPollMs: number;
  /** How many bot processes `npm run start:cluster` runs; absent: one per core. */
  processes?: number;
  /** The open-data feed the bot brings in by itself; absent: off (HR imports by hand). */
  offersSync?: { url: string; everyMs: number };
  /**
   * Azure Storage shared by every instance; absent: files under STATE_DIR, owned by one process.
   * User state is in `stateContainer`; each conversation's state in a blob of `conversationContainer`,
   * whose lease its turns take one after the other.
   */
  azureStorage?: { connectionString: string; stateContainer: string; conversationContainer: string; proactiveContainer: string; staffContainer: string; handoffContainer: string; transcriptContainer: string; offersContainer: string };
  /**
   * Handing a conversation to a person: support hours (Nouméa time), who takes it (the review page's
   * queue, or an agent hub by the handoff protocol), how long a request waits, how long a silence ends it.
   */
  handoff: { hours: SupportRange[]; mode: 'review' | 'hub'; waitMinutes: number; idleMinutes: number };
  /** Azure CLU; absent: the embedded recogniser alone. */
  clu?: { endpoint: string; key: string; project: string; deployment: string; timeoutMs: number };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  let accounts: Map<string, string>;
  try {
    accounts = parseAccounts(e.ADMIN_USERS ?? '');
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  ${(error as Error).message}`);
  }
  if (accounts.size > 0 && !e.ADMIN_SESSION_SECRET) {
    throw new ConfigError('Invalid configuration:\n  ADMIN_SESSION_SECRET: required with ADMIN_USERS (a random string of 32 characters or more)');
  }
  if (e.BOT_NOW && e.BOT_CLOCK_START) {
    throw new ConfigError('Invalid configuration:\n  BOT_NOW and BOT_CLOCK_START: set one (a frozen clock, or one that runs from an instant), not both');
  }
  let hours: SupportRange[];
  try {
    hours = parseSupportHours(e.SUPPORT_HOURS);
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  ${(error as Error).message}`);
  }
  if (!!e.CLU_ENDPOINT !== !!e.CLU_KEY) {
    throw new ConfigError('Invalid configuration:\n  CLU_ENDPOINT and CLU_KEY go together: set both to use Azure CLU, or neither');
  }
  return {
    port: e.PORT,
    auth: {
      MicrosoftAppType: e.MicrosoftAppType,
      MicrosoftAppId: e.MicrosoftAppId,
      MicrosoftAppPassword: e.MicrosoftAppPassword,
      MicrosoftAppTenantId: e.MicrosoftAppTenantId,
    },
    offersFile: path.resolve(e.OFFERS_FILE),
    eligibilityRulesFile: path.resolve(e.ELIGIBILITY_RULES_FILE),
    stateDir: path.resolve(e.STATE_DIR),
    directLine: { secret: e.DIRECTLINE_SECRET, endpoint: e.DIRECTLINE_ENDPOINT.replace(/\/$/, '') },
    transcriptRetentionDays: e.TRANSCRIPT_RETENTION_DAYS,
    admin: { accounts, sessionSecret: e.ADMIN_SESSION_SECRET, sessionMinutes: e.ADMIN_SESSION_MINUTES },
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    reminderCheckMs: Math.round(e.REMINDER_CHECK_SECONDS * 1000),
    clock: clockSettingOf(e),
    azureStorage: e.AZURE_STORAGE_CONNECTION_STRING
      ? {
          connectionString: e.AZURE_STORAGE_CONNECTION_STRING,
          stateContainer: e.AZURE_STATE_CONTAINER,
          conversationContainer: e.AZURE_CONVERSATION_CONTAINER,
          proactiveContainer: e.AZURE_PROACTIVE_CONTAINER,
          staffContainer: e.AZURE_STAFF_CONTAINER,
          handoffContainer: e.AZURE_HANDOFF_CONTAINER,
          transcriptContainer: e.AZURE_TRANSCRIPT_CONTAINER,
          offersContainer: e.AZURE_OFFERS_CONTAINER,
        }
      : undefined,
    handoff: { hours, mode: e.HANDOFF_MODE, waitMinutes: e.HANDOFF_WAIT_MINUTES, idleMinutes: e.HANDOFF_IDLE_MINUTES },
    processes: e.WEB_CONCURRENCY,
    offersPollMs: Math.round(e.OFFERS_POLL_SECONDS * 1000),
    offersSync: e.OFFERS_SYNC_URL ? { url: e.OFFERS_SYNC_URL, everyMs: Math.round(e.OFFERS_SYNC_HOURS * 3_600_000) } : undefined,
    clu:
      e.CLU_ENDPOINT && e.CLU_KEY
        ? { endpoint: e.CLU_ENDPOINT, key: e.CLU_KEY, project: e.CLU_PROJECT, deployment: e.CLU_DEPLOYMENT, timeoutMs: e.CLU_TIMEOUT_MS }
        : undefined,
  };
}
