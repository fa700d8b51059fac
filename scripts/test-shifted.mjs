#!/usr/bin/env node
// `npm run test:shifted`: the whole `npm test` with the test clock moved 400 days later
// (TEM_DESK_CLOCK_SHIFT_DAYS, unless already set), on every platform. Every e2e page and every
// Node test then sees a date 400 days after the pinned test date; a test that still passes only
// on the pinned date reads the calendar somewhere. Extra arguments go to Vitest, as with `npm test`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const days = process.env.TEM_DESK_CLOCK_SHIFT_DAYS?.trim() || '400';
console.log(`Test clock shifted by ${days} days (TEM_DESK_CLOCK_SHIFT_DAYS=${days}).`);
const result = spawnSync(
  process.execPath,
  [fileURLToPath(new URL('./test.mjs', import.meta.url)), ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, TEM_DESK_CLOCK_SHIFT_DAYS: days } },
);
process.exit(result.status ?? 1);
