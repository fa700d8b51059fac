/**
 * The 200 MB ZIP bomb (a ~200 KB ZIP holding 200 MB of newlines) is refused by the CLI with a
 * sentence and a peak memory under 200 MB — also when the archive lies about its size, so the
 * ratio check cannot see it and the inflater must stop by itself. Measured in a child Node
 * process (peak resident set from `process.resourceUsage`), with a heap cap of 192 MB, so the
 * figure is the process's own whatever else the machine runs.
 */
import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bombZip } from '../helpers/zip-craft';
import { makeCliWorkspace } from '../helpers/cli-workspace';

const run = promisify(execFile);
const MB = 1024 * 1024;
const ROOT = join(import.meta.dirname, '..', '..');

let dir = '';
let probe = '';

beforeAll(async () => {
  dir = await makeCliWorkspace('temdesk-bomb-');
  probe = join(dir, 'probe.mjs');
  await build({
    entryPoints: [join(ROOT, 'test', 'fixtures', 'hostile', 'memory-probe.ts')],
    outfile: probe,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    absWorkingDir: ROOT,
    banner: {
      js: "import { createRequire as __probeRequire } from 'node:module'; const require = __probeRequire(import.meta.url);",
    },
  });
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function auditInChild(bill: Uint8Array, flags: readonly string[]) {
  const path = join(dir, 'bills', 'bomb.zip');
  await writeFile(path, bill);
  const args = ['sites', 'inventory', 'contracts'].flatMap((name) => [
    `--${name}`,
    join(dir, `${name}.csv`),
  ]);
  const { stdout } = await run(
    process.execPath,
    [
      '--max-old-space-size=192',
      probe,
      'audit',
      ...args,
      ...['--bills', path, '--out', join(dir, 'out'), '--as-of', '2026-11-20'],
      ...flags,
    ],
    { maxBuffer: 16 * MB },
  );
  return JSON.parse(stdout) as { code: number; stderr: string; maxRssBytes: number };
}

describe('the 200 MB ZIP bomb', () => {
  it.each([
    ['by the file-size limit', {}, [], 'unzips to 200 MB, over the 100 MB limit for one file'],
    [
      'by its ratio, the size limit raised',
      {},
      ['--max-file-mb', '300'],
      'looks like a "ZIP bomb"',
    ],
    [
      'while inflating, when it lies about its size',
      { uncompressedSize: 1000 },
      [],
      'unzips to more than the 1,000 bytes the ZIP declares',
    ],
  ])(
    'is refused %s, with peak memory under 200 MB',
    async (_case, declared, flags, sentence) => {
      const bomb = bombZip('bill.csv', 200 * MB, 0x0a, declared);
      expect(bomb.length).toBeLessThan(1 * MB);
      const result = await auditInChild(bomb, flags);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(sentence);
      expect(result.maxRssBytes).toBeLessThan(200 * MB);
    },
    120_000,
  );
});
