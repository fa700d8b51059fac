/**
 * `payments` says its figures in plain words: a file of one row says "1 row", not "1 rows" (a
 * Teams report charged in euros, approved by the default policy, paid in one row).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';

const SETUP = new URL('../fixtures/setup/', import.meta.url);
const CARRIERS = new URL('../fixtures/carriers/', import.meta.url);
let dir = '';

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('payments summary', () => {
  it('counts a one-row file as "1 row"', async () => {
    dir = await mkdtemp(join(tmpdir(), 'temdesk-payments-one-row-'));
    let stdout = '';
    const code = await runCli(
      [
        'payments',
        ...['--sites', new URL('sites.csv', SETUP).pathname],
        ...['--inventory', new URL('inventory.csv', SETUP).pathname],
        ...['--bills', new URL('teams-pstn-usage-eur.synthetic.csv', CARRIERS).pathname],
        ...['--account-number', 'ACC1', '--exchange-rate', 'EUR=1.08'],
        ...['--from', '2026-01-01', '--to', '2026-12-31', '--as-of', '2026-11-20'],
        ...['--out', join(dir, 'payments.csv')],
      ],
      {
        stdout: (text) => (stdout += text),
        stderr: () => undefined,
        now: () => new Date('2026-11-20T09:30:00Z'),
      },
    );
    expect(code).toBe(0);
    expect(stdout).toContain('1 in this file, 12.25 EUR in 1 row.');
  });
});
