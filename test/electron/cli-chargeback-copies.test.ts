/**
 * A bill the carrier sent twice under a new number (same account, period and charges): the
 * chargeback books both as billed, and now says so, naming them, so cost centers are not charged
 * twice for one bill without a word (the audit's duplicate-invoice check finds the same copies).
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCliWorkspace, runCliCaptured } from '../helpers/cli-workspace';

const HEADER = 'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount';
let dir = '';

beforeEach(async () => {
  dir = await makeCliWorkspace('temdesk-cli-chargeback-copies-');
  await writeFile(
    join(dir, 'bills', 'october.csv'),
    `${HEADER}\nLumen,5-KE4X-001,754240482,2026-10-01,555-010-0001,MRC,850.00\n`,
  );
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function chargeback() {
  return runCliCaptured([
    'chargeback',
    ...['--sites', join(dir, 'sites.csv'), '--inventory', join(dir, 'inventory.csv')],
    ...['--contracts', join(dir, 'contracts.csv'), '--bills', join(dir, 'bills')],
    ...['--month', '2026-10', '--out', join(dir, 'chargeback.csv')],
  ]);
}

describe('chargeback of a month with a bill sent twice', () => {
  it('books both as billed and says which one repeats which', async () => {
    await writeFile(
      join(dir, 'bills', 'october-resent.csv'),
      `${HEADER}\nLumen,5-KE4X-001,754240999,2026-10-03,555-010-0001,MRC,850.00\n`,
    );
    const run = await chargeback();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 invoices, $1,700.00');
    expect(run.stdout).toContain(
      'Warning: 1 invoice of 2026-10 ($850.00) repeats another under a new number — same account, period and charges (duplicate-invoice): 754240999 (repeats 754240482). It is in this chargeback as billed;',
    );
  });

  it('says nothing of the kind when no bill repeats another', async () => {
    const run = await chargeback();
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('duplicate-invoice');
  });
});
