#!/usr/bin/env node
// `npm test`: every tier in order — lint, import cycles (dpdm.config.ts), format, typecheck, the
// Electron security scan (scripts/electronegativity.mjs), then
// Vitest's unit, db, electron and e2e projects — and one closing line `tests: N passed, N failed`
// (each gate counts as one test).
// Extra arguments go to Vitest, e.g. `npm test -- --project unit`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const vitestArgs = process.argv.slice(2);
const onlySome = vitestArgs.length > 0;
const gates = onlySome
  ? []
  : [
      ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
      ['cycles', 'npx', ['dpdm']],
      ['format', 'npx', ['prettier', '--check', '.']],
      ['typecheck', 'npx', ['tsc', '-b']],
      ['electronegativity', process.execPath, ['scripts/electronegativity.mjs']],
    ];

let passed = 0;
let failed = 0;
const failures = [];

for (const [name, command, args] of gates) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status === 0) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
rmSync(report, { force: true });
console.log(`\n▶ vitest: unit, db, electron, e2e`);
const vitest = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${report}`,
    ...vitestArgs,
  ],
  { stdio: 'inherit' },
);
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A file that failed to load has no failing test of its own: count it, or it would vanish.
  for (const file of results.testResults) {
    if (file.status === 'failed' && file.assertionResults.every((a) => a.status !== 'failed')) {
      failed++;
      failures.push(`${file.name} (did not run: ${file.message.split('\n')[0]})`);
    }
  }
  if (results.numTotalTests === 0) {
    failed++;
    failures.push('vitest ran no test');
  }
} else {
  failed++;
  failures.push(`vitest produced no report (exit ${vitest.status})`);
}
if (vitest.status !== 0 && failures.length === 0) {
  failed++;
  failures.push(`vitest exited with ${vitest.status}`);
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
