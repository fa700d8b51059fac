/**
 * `payments --workspace` over a backup whose approved invoices were already written to a payment
 * file in the app: none is paid again, and the summary says so and why — not "0 in this file"
 * with nothing to tell a finance person where the invoices went.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../renderer/db/backup';
import { TemDeskDatabase } from '../../renderer/db/database';
import { markExportedForPayment } from '../../renderer/db/payments';
import { runCliCaptured } from '../helpers/cli-workspace';
import { loadSampleIntoDb } from '../helpers/sample-db';

let db: TemDeskDatabase;
let dir = '';
let company: Awaited<ReturnType<typeof loadSampleIntoDb>>;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`cli-payments-app-exported-${++counter}`);
  await db.open();
  company = await loadSampleIntoDb(db);
  dir = await mkdtemp(join(tmpdir(), 'temdesk-app-exported-'));
  // The month's bills given again: copies of the backup's invoices, recognised as such.
  await mkdir(join(dir, 'bills'));
  for (const file of company.files) await writeFile(join(dir, 'bills', file.name), file.bytes);
});
afterEach(async () => {
  await db.delete();
  await rm(dir, { recursive: true, force: true });
});

async function paymentsOverBackup(
  extra: readonly string[] = [],
  range: readonly string[] = ['--from', '2026-01-01', '--to', '2026-12-31'],
) {
  const backup = join(dir, 'month-end.temdesk');
  await writeFile(
    backup,
    await createBackup(db, { appVersion: '0.1.0', now: new Date('2026-11-16T12:00:00Z') }),
  );
  const out = join(dir, 'payments.csv');
  const run = await runCliCaptured([
    'payments',
    ...['--workspace', backup, ...range, '--out', out],
    ...['--bills', join(dir, 'bills'), '--as-of', '2026-11-20', ...extra],
  ]);
  return { ...run, out };
}

describe('payments over a backup of invoices already exported in the app', () => {
  it('pays none of them again and says they were exported in TEM Desk, with the batch', async () => {
    const approved = (await db.invoices.toArray()).filter((i) => i.status === 'approved');
    expect(approved.length).toBeGreaterThan(2);
    const exported = approved.slice(0, 2);
    await markExportedForPayment(
      db,
      exported.map((invoice) => invoice.id),
      'PAY-20261116-120000',
      new Date('2026-11-16T12:00:00Z'),
    );

    const run = await paymentsOverBackup();
    expect(run.stderr).not.toContain('Error');
    expect(run.code).toBe(0);
    const file = await readFile(run.out, 'utf8');
    for (const invoice of exported) expect(file).not.toContain(invoice.invoiceNumber);
    expect(run.stdout).toContain(
      '2 invoices of the backup were already written to a payment file in TEM Desk (batch PAY-20261116-120000) and were not paid again; --include-exported takes them again.',
    );

    // Due outside the dates asked for, they would not be in the file anyway: not said.
    const before = await paymentsOverBackup([], ['--from', '2020-01-01', '--to', '2020-01-31']);
    expect(before.stdout).not.toContain('already written to a payment file in TEM Desk');

    const again = await paymentsOverBackup(['--include-exported']);
    const withThem = await readFile(again.out, 'utf8');
    for (const invoice of exported) expect(withThem).toContain(invoice.invoiceNumber);
  });
});
