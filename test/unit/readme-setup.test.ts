import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } }>;
};

/** Packages whose declared Node range leaves out every Node 20 (what `npm ci` warns about there). */
function packagesBeyondNode20(): string[] {
  const names = new Set<string>();
  for (const [path, info] of Object.entries(lock.packages)) {
    const range = info.engines?.node;
    if (!path || !range) continue;
    const allowsNode20 = range
      .split('||')
      .some(
        (part) => !/^\s*>=?\s*(2[1-9]|[3-9]\d)/.test(part) && !/^\s*\^?(2[1-9]|[3-9]\d)/.test(part),
      );
    if (!allowsNode20) names.add(path.replace(/^.*node_modules\//, ''));
  }
  return [...names].sort();
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

describe('README set-up', () => {
  it('names every package whose engines warn on Node 20, and how many', () => {
    const packages = packagesBeyondNode20();
    expect(packages.length).toBeGreaterThan(0);
    const setUp = readme.slice(readme.indexOf('## Set up'), readme.indexOf('### Browser mode'));
    for (const name of packages) expect(setUp).toContain(`\`${name}\``);
    expect(setUp).toContain(
      `prints ${WORDS[packages.length] ?? packages.length} \`EBADENGINE\` warnings`,
    );
  });

  it('states the Node version of each set-up command, within what package.json allows', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
      engines: { node: string };
    };
    expect(pkg.engines.node).toBe('>=20.19');
    expect(readme).toMatch(/\| `npm ci && npm start` \| 20\.19\+ \|/);
    expect(readme).toMatch(/\| `npm ci && npm test` \| 20\.19\+ \|/);
    expect(readme).toMatch(/\| `npm ci && npm run dist` \| \*\*22\.12\+\*\* \|/);
  });
});
