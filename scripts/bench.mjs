#!/usr/bin/env node
// `npm run bench`: runs test/bench/*.bench.ts and prints their tables (also kept in
// test-results/bench/), then one summary of every figure this run measured, each beside its
// target and its raw baseline from the same run. Benchmarks measure; they never pass or fail on
// time.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { summaryTable } from './bench-summary.mjs';

const dir = join('test-results', 'bench');
// clock: only to tell this run's result files from older ones
const started = Date.now();
const result = spawnSync(
  'npx',
  ['vitest', 'run', '--config', 'test/bench/vitest.config.ts', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);

const reports = existsSync(dir)
  ? readdirSync(dir)
      .filter((name) => name.endsWith('.json') && statSync(join(dir, name)).mtimeMs >= started)
      .sort()
      .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')))
  : [];
if (reports.length > 0) {
  const table = summaryTable(reports);
  console.log(`\n${table}\n`);
  writeFileSync(join(dir, 'summary.md'), `${table}\n`);
}
process.exit(result.status ?? 1);
