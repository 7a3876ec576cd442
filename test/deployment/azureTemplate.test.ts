import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SETTING_NAMES } from '../../bot/config.js';
import { PROJECT_ROOT } from '../helpers/offers.js';

const template = readFileSync(path.join(PROJECT_ROOT, 'deployment', 'azure', 'main.bicep'), 'utf8');

/** The names of one `var NAME = [ { name: '…', value: … } … ]` array of the template. */
function settingsOf(variable: string): string[] {
  const block = new RegExp(`var ${variable} = \\[([\\s\\S]*?)\\n\\]`).exec(template)?.[1] ?? '';
  return [...block.matchAll(/\{ name: '([^']+)'/g)].map((m) => m[1] as string);
}

describe('the Azure template', () => {
  it('sets exactly the settings bot/config.ts reads, each once', () => {
    const bot = settingsOf('botSettings');
    expect(new Set(bot).size).toBe(bot.length);
    expect([...bot].sort()).toEqual([...SETTING_NAMES].sort());
  });

  it('keeps secrets out of the file: each comes from a @secure() parameter or a resource’s keys', () => {
    for (const secret of ['MicrosoftAppPassword', 'ADMIN_USERS', 'ADMIN_SESSION_SECRET', 'DIRECTLINE_SECRET']) {
      const value = new RegExp(`name: '${secret}', value: (\\w+) \\}`).exec(template)?.[1] ?? '';
      expect(template).toMatch(new RegExp(`@secure\\(\\)\\nparam ${value} string`));
    }
    expect(template).toMatch(/name: 'AZURE_STORAGE_CONNECTION_STRING', value: storageConnection/);
    expect(template).toMatch(/storage\.listKeys\(\)/);
    expect(template).toMatch(/name: 'CLU_KEY', value: language\.listKeys\(\)\.key1/);
  });

  it('runs Node 20 on Linux App Service, with Azure Bot (Teams, Direct Line), storage, Language and Application Insights', () => {
    expect(template).toContain("linuxFxVersion: 'NODE|20-lts'");
    for (const type of ['Microsoft.Web/sites', 'Microsoft.BotService/botServices', 'Microsoft.Storage/storageAccounts', 'Microsoft.CognitiveServices/accounts', 'Microsoft.Insights/components']) {
      expect(template).toContain(`'${type}@`);
    }
    expect(template).toContain("name: 'MsTeamsChannel'");
    expect(template).toContain("name: 'DirectLineChannel'");
  });

  it('the Dockerfile: a slim Node 20 image, no dev dependencies in the image that runs, a non-root user', () => {
    const docker = readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
    const final = docker.slice(docker.lastIndexOf('FROM '));
    expect(final).toMatch(/^FROM node:20-slim\n/);
    expect(final).toContain('npm install --omit=dev');
    expect(final).toMatch(/\nUSER node\n/);
    expect(final).toContain('CMD ["node", "dist/bot/cluster.js"]');
  });
});
