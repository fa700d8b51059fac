import { defineConfig } from 'vitest/config';

/**
 * One runner, four tiers (see README "Tests"). The e2e tier builds the renderer once in its
 * global setup and drives it in a real Chromium; it runs its files one at a time.
 *
 * Time is an input: the Node tiers fake `Date` only when TEM_DESK_CLOCK_SHIFT_DAYS is set
 * (test/helpers/clock-setup.ts); e2e pages always run on a pinned clock (test/e2e/harness.ts).
 */
const CLOCK_SETUP = 'test/helpers/clock-setup.ts';
/** Property tests run from one seed (FC_SEED=random explores): test/helpers/property-seed.ts. */
const SEED_SETUP = 'test/helpers/property-seed-setup.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: [CLOCK_SETUP, SEED_SETUP],
          // A few unit tests generate the whole sample company or fuzz a backup byte by byte: a
          // second or two alone, but past the default 5 s on a busy 2-core CI machine. A timeout
          // is a hang guard here, never a speed check (speed lives in test/bench).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'db',
          include: ['test/db/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/helpers/fake-indexeddb-setup.ts', CLOCK_SETUP, SEED_SETUP],
          // The sample company goes through the real pipeline here: seconds on a busy 2-core machine.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'electron',
          include: ['test/electron/**/*.test.ts'],
          environment: 'node',
          setupFiles: [CLOCK_SETUP, SEED_SETUP],
          // The CLI tests read the whole sample company from disk: a hang guard, not a speed check.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false,
          // A busy 2-core machine can take seconds for what a laptop does at once; a poll that
          // gives up after the default second would fail on timing, not on behaviour.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
