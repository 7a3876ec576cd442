import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { PROJECT_ROOT } from '../helpers/offers.js';

/**
 * The project declares the Node versions it runs on; every package it installs must accept each of
 * them, or `npm install` warns (EBADENGINE) and the package may break at run time.
 */
interface Lock {
  packages: Record<string, { engines?: { node?: string } | string[] }>;
}

const project = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as Lock;

/** The lowest version of each range the project declares ("^20.19.0 || >=24" → 20.19.0, 24.0.0). */
const declared = project.engines.node.split('||').map((range) => semver.minVersion(range.trim())?.version ?? range);

describe('the Node versions the project declares', () => {
  it('include the one this machine runs', () => {
    expect(semver.satisfies(process.version, project.engines.node)).toBe(true);
  });

  it.each(declared)('Node %s is accepted by every installed package', (version) => {
    const refusing = Object.entries(lock.packages)
      .filter(([name]) => name !== '')
      .flatMap(([name, info]) => {
        const range = !Array.isArray(info.engines) ? info.engines?.node : undefined;
        return range && !semver.satisfies(version, range) ? [`${name.replace(/^.*node_modules\//, '')} wants ${range}`] : [];
      });
    expect(refusing).toEqual([]);
  });
});
