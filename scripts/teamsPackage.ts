/**
 * `npm run teams:package`: the Teams app package an administrator uploads, built from
 * deployment/teams/ (manifest, English localisation, icons) and the environment:
 *   TEAMS_APP_ID (the app's id, a GUID), MicrosoftAppId (the bot's Azure id), BOT_HOST (its public
 *   host name, e.g. emploi.gouv.nc). The manifest is checked against the official Teams schema
 *   (offline, from @microsoft/app-manifest) and the icons' sizes before anything is written.
 *   Output: dist/teams/job-seeker-assistant.zip (or the path given as the first argument).
 */
import appManifest from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../bot/paths.js';
import { ICONS, iconProblems } from './teamsIcons.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class PackageError extends Error {
  override name = 'PackageError';
}

export interface PackageSettings {
  teamsAppId: string;
  botId: string;
  host: string;
}

export function packageSettings(env: NodeJS.ProcessEnv): PackageSettings {
  const problems: string[] = [];
  const teamsAppId = env.TEAMS_APP_ID ?? '';
  const botId = env.MicrosoftAppId ?? '';
  const host = (env.BOT_HOST ?? '').replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  if (!GUID.test(teamsAppId)) problems.push('TEAMS_APP_ID must be a GUID');
  if (!GUID.test(botId)) problems.push('MicrosoftAppId must be the bot’s GUID');
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(host)) problems.push('BOT_HOST must be the bot’s public host name');
  if (problems.length > 0) throw new PackageError(problems.join('; '));
  return { teamsAppId, botId, host };
}

function fill(template: string, settings: PackageSettings): string {
  return template
    .replaceAll('${TEAMS_APP_ID}', settings.teamsAppId)
    .replaceAll('${MICROSOFT_APP_ID}', settings.botId)
    .replaceAll('${BOT_HOST}', settings.host);
}

/** Every key of the localisation file must name a string the manifest has ("bots[0].commandLists[0]…"). */
function localisationProblems(localisation: Record<string, unknown>, manifest: Record<string, unknown>): string[] {
  const at = (key: string): unknown =>
    key
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), manifest);
  return Object.entries(localisation)
    .filter(([key]) => key !== '$schema')
    .flatMap(([key, value]) => (typeof value === 'string' && typeof at(key) === 'string' ? [] : [`en-us.json: ${key} matches nothing in the manifest`]));
}

export async function buildTeamsPackage(settings: PackageSettings): Promise<{ zip: Buffer; manifest: Record<string, unknown> }> {
  // TEAMS_PACKAGE_DIR: another source folder (tests break a copy to see the checks refuse it).
  const folder = process.env.TEAMS_PACKAGE_DIR ?? path.join(projectRoot(), 'deployment', 'teams');
  const manifest = JSON.parse(fill(await readFile(path.join(folder, 'manifest.json'), 'utf8'), settings)) as Record<string, unknown>;
  const localisation = JSON.parse(fill(await readFile(path.join(folder, 'en-us.json'), 'utf8'), settings)) as Record<string, unknown>;
  // The localisation file is not checked against its schema: the schema shipped with
  // @microsoft/app-manifest has patterns its own validator refuses to compile ("Lone quantifier
  // brackets"). Its keys are checked against the manifest instead.
  const schemaProblems = [
    ...(await appManifest.AppManifestUtils.validateAgainstSchema(manifest as never)),
    ...localisationProblems(localisation, manifest),
  ];
  const zip = new JSZip();
  const iconIssues: string[] = [];
  for (const name of Object.keys(ICONS) as Array<keyof typeof ICONS>) {
    const icon = await readFile(path.join(folder, name));
    iconIssues.push(...iconProblems(name, icon));
    zip.file(name, icon);
  }
  if (schemaProblems.length > 0 || iconIssues.length > 0) throw new PackageError([...schemaProblems, ...iconIssues].join('\n'));
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  zip.file('en-us.json', JSON.stringify(localisation, null, 2));
  return { zip: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), manifest };
}

if (process.argv[1] && /teamsPackage\.js$/.test(process.argv[1])) {
  const out = path.resolve(process.argv[2] ?? 'dist/teams/job-seeker-assistant.zip');
  try {
    const { zip } = await buildTeamsPackage(packageSettings(process.env));
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, zip);
    console.log(`Teams app package written to ${out}`);
  } catch (error) {
    console.error(`No package: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
