import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { iconProblems } from '../../scripts/teamsIcons.js';
import { PROJECT_ROOT } from '../helpers/offers.js';

const ENV = {
  TEAMS_APP_ID: '11111111-2222-3333-4444-555555555555',
  MicrosoftAppId: '66666666-7777-8888-9999-000000000000',
  BOT_HOST: 'emploi.example.nc',
};

function teamsPackage(out: string, env: Record<string, string>) {
  return spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'dist/scripts/teamsPackage.js'), out], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 30000,
  });
}

describe('npm run teams:package', () => {
  it('builds a package whose manifest passes the official Teams schema (checked offline), with icons of the right sizes', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'teams-')), 'app.zip');
    const run = teamsPackage(out, ENV);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const zip = await JSZip.loadAsync(await readFile(out));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
      id: string;
      validDomains: string[];
      bots: Array<{ botId: string; scopes: string[]; commandLists: Array<{ commands: Array<{ title: string }> }> }>;
    };
    expect(manifest.id).toBe(ENV.TEAMS_APP_ID);
    const [bot] = manifest.bots;
    expect(bot?.botId).toBe(ENV.MicrosoftAppId);
    expect(bot?.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.validDomains).toEqual(['emploi.example.nc']);
    expect(bot?.commandLists[0]?.commands.map((c) => c.title)).toEqual(['offres', 'aide', 'mes rappels', 'éligibilité', 'confidentialité']);
    const english = JSON.parse(await zip.file('en-us.json')!.async('string')) as Record<string, string>;
    expect(english['bots[0].commandLists[0].commands[0].title']).toBe('jobs');
    const color = PNG.sync.read(await zip.file('color.png')!.async('nodebuffer'));
    const outline = PNG.sync.read(await zip.file('outline.png')!.async('nodebuffer'));
    expect([color.width, color.height, outline.width, outline.height]).toEqual([192, 192, 32, 32]);
  });

  it('refuses a manifest the Teams schema refuses, saying why', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'teams-src-'));
    await cp(path.join(PROJECT_ROOT, 'deployment', 'teams'), dir, { recursive: true });
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as { name: { short: string } };
    manifest.name.short = 'Assistant emploi de la fonction publique calédonienne';
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    const run = teamsPackage(path.join(dir, 'app.zip'), { ...ENV, TEAMS_PACKAGE_DIR: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('/name/short must NOT have more than 30 characters');
  });

  it('refuses to build without the identities, saying which', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'teams-')), 'app.zip');
    const run = teamsPackage(out, { ...ENV, TEAMS_APP_ID: 'my-app' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('TEAMS_APP_ID must be a GUID');
  });

  it('catches a wrong icon: size, or an outline that is not white on transparent', () => {
    const png = (size: number, rgba: [number, number, number, number]) => {
      const image = new PNG({ width: size, height: size });
      for (let i = 0; i < image.data.length; i += 4) image.data.set(rgba, i);
      return PNG.sync.write(image);
    };
    expect(iconProblems('color.png', png(96, [0, 69, 110, 255]))).toEqual(['color.png is 96×96, not 192×192']);
    expect(iconProblems('outline.png', png(32, [0, 69, 110, 255]))).toEqual([
      'outline.png must be white on transparent',
      'outline.png has no transparency',
    ]);
  });
});
