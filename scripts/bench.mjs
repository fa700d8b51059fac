#!/usr/bin/env node
// `npm run bench`: runs test/bench/*.bench.ts and prints their tables (also kept in
// test-results/bench/). Benchmarks measure; they never pass or fail on time.
import { spawnSync } from 'node:child_process';

const result = spawnSync(
  'npx',
  ['vitest', 'run', '--config', 'test/bench/vitest.config.ts', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
