import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../scripts/build-electron.mjs';

let outDir: string;
let mainCode: string;
let preloadCode: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'temdesk-build-electron-'));
  const { mainFile, preloadFile } = await buildElectron({ outDir });
  mainCode = await readFile(mainFile, 'utf8');
  preloadCode = await readFile(preloadFile, 'utf8');
}, 30_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

function requiredModules(code: string): string[] {
  return [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map(
    (match) => match[1] ?? '',
  );
}

describe('scripts/build-electron.mjs', () => {
  it('emits a CommonJS preload that requires nothing but electron (sandbox-loadable)', () => {
    expect(new Set(requiredModules(preloadCode))).toStrictEqual(new Set(['electron']));
    expect(preloadCode).not.toMatch(/^\s*(import|export)\s/m);
    expect(preloadCode).not.toContain('import.meta');
  });

  it('inlines the shared contract into the preload', () => {
    expect(preloadCode).toContain('"temDesk"');
    expect(preloadCode).toContain('"menu:command"');
    expect(preloadCode).not.toContain('shared/ipc/contract"');
  });

  it('emits a CommonJS main that keeps electron external and uses no import.meta', () => {
    const modules = requiredModules(mainCode);
    expect(modules).toContain('electron');
    expect(
      modules.filter((name) => name !== 'electron' && !name.startsWith('node:')),
    ).toStrictEqual([]);
    expect(mainCode).not.toMatch(/^\s*(import|export)\s/m);
    expect(mainCode).not.toContain('import.meta');
  });
});
