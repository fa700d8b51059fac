/**
 * The Electronegativity gate of `npm test` (scripts/electronegativity.mjs): clean on the app's
 * electron/ folder, and failing on a real problem planted in a folder of its own, even in a file
 * whose false positives are allowed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'temdesk-electronegativity-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function gate(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/electronegativity.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the electronegativity gate', () => {
  it('is one of the gates of npm test', async () => {
    const testScript = await readFile(join(root, 'scripts', 'test.mjs'), 'utf8');
    expect(testScript).toContain(
      "['electronegativity', process.execPath, ['scripts/electronegativity.mjs']]",
    );
  });

  it('passes on electron/, its false positives allowed', () => {
    const { code, output } = gate();
    expect(output).toContain('0 finding(s) to fix');
    expect(code).toBe(0);
  });

  it('fails on a window with Node integration and no context isolation', async () => {
    await writeFile(
      join(folder, 'main.js'),
      [
        "const { BrowserWindow } = require('electron');",
        'const window = new BrowserWindow({',
        '  webPreferences: { nodeIntegration: true, contextIsolation: false },',
        '});',
        "window.loadURL('https://example.com/');",
      ].join('\n'),
    );
    const { code, output } = gate(folder);
    expect(output).toContain('NODE_INTEGRATION_JS_CHECK');
    expect(output).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(code).toBe(1);
  });

  it('does not let the allow-list hide a real problem in an allow-listed file', async () => {
    await writeFile(
      join(folder, 'main-window.ts'),
      [
        "import { BrowserWindow } from 'electron';",
        'export const window = new BrowserWindow({',
        '  webPreferences: { contextIsolation: false, sandbox: false },',
        '});',
      ].join('\n'),
    );
    const { code, output } = gate(folder);
    expect(output).toContain('main-window.ts');
    expect(output).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(code).toBe(1);
  });
});
