/**
 * A bill that nets a credit, met twice (the same file saved twice, its CSV beside its XLSX, or
 * re-sent under a new number): counted once and reported as `duplicate-invoice`, an error, with
 * no money at stake — a copy of a credit overstates nothing payable — and a sentence that fits a
 * credit (counting both would count the credit twice), never a negative impact or "paying both".
 * The chargeback still books a re-sent credit as billed, and says so at its billed amount.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTable, sniffTable } from '../../shared/import/table';
import {
  auditWorkspace,
  makeCliWorkspace,
  outputRows,
  runCliCaptured,
} from '../helpers/cli-workspace';
import { buildXlsx } from '../helpers/xlsx-build';

const HEADER =
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount';
/** October's bill of the line: its plan, less a larger outage credit (nets -$194.91). */
const credit = (invoiceNumber: string, day = '01') =>
  [
    HEADER,
    `Lumen,5-KE4X-001,${invoiceNumber},2026-10-${day},555-010-0001,Business Line,MRC,55.09`,
    `Lumen,5-KE4X-001,${invoiceNumber},2026-10-${day},555-010-0001,Outage credit,Credit,-250.00`,
    '',
  ].join('\n');

let dir = '';

beforeEach(async () => {
  dir = await makeCliWorkspace('temdesk-cli-credit-copies-');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function duplicates() {
  const run = await auditWorkspace(dir);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const findings = await outputRows(dir, 'findings.csv');
  return { run, rows: findings.filter((row) => row['Rule'] === 'duplicate-invoice') };
}

/** The rule table's line for duplicate-invoice in the summary. */
const ruleLine = (stdout: string) =>
  stdout.split('\n').find((line) => line.trimStart().startsWith('duplicate-invoice '));

describe('a credit bill met twice', () => {
  it('the same file saved twice: $0.00 at stake, an error, the credit not counted twice', async () => {
    await writeFile(join(dir, 'bills', 'october.csv'), credit('754240482'));
    await writeFile(join(dir, 'bills', 'october (1).csv'), credit('754240482'));
    const { run, rows } = await duplicates();
    expect(rows.map((row) => [row['Severity'], row['Impact'], row['Message']])).toEqual([
      [
        'error',
        '0.00',
        'Invoice 754240482 (account 5-KE4X-001, -$194.91, a credit) is in october (1).csv and again in october.csv; it is counted once. Nothing more is payable, but counting both would count the credit twice.',
      ],
    ]);
    expect(ruleLine(run.stdout)?.trim()).toMatch(/^duplicate-invoice\s+1\s+\$0\.00$/);
    expect(run.stdout).toContain('-$194.91 billed');
  });

  it('three copies: the credit would be counted three times', async () => {
    for (const name of ['a.csv', 'b.csv', 'c.csv'])
      await writeFile(join(dir, 'bills', name), credit('754240482'));
    const { rows } = await duplicates();
    expect(rows.map((row) => [row['Impact'], row['Message']])).toEqual([
      [
        '0.00',
        'Invoice 754240482 (account 5-KE4X-001, -$194.91, a credit) is in a.csv and again in b.csv + c.csv; it is counted once. Nothing more is payable, but counting every copy would count the credit 3 times.',
      ],
    ]);
  });

  it('its CSV beside its XLSX: the same finding, $0.00', async () => {
    const text = credit('754240482');
    const sniff = sniffTable(text);
    if (!sniff.ok) throw new Error('not a CSV');
    const table = readTable(text, sniff.value);
    await writeFile(join(dir, 'bills', 'october.csv'), text);
    await writeFile(
      join(dir, 'bills', 'october.xlsx'),
      buildXlsx({
        writer: 'google',
        sheets: [{ name: 'Bill', rows: [table.header, ...table.rows.map((row) => row.cells)] }],
      }),
    );
    const { run, rows } = await duplicates();
    expect(rows.map((row) => [row['Severity'], row['Impact']])).toEqual([['error', '0.00']]);
    expect(rows[0]?.['Message']).toContain('counting both would count the credit twice.');
    expect(rows[0]?.['Message']).not.toContain('Paying');
    expect(ruleLine(run.stdout)?.trim()).toMatch(/^duplicate-invoice\s+1\s+\$0\.00$/);
  });

  it('re-sent under a new number: $0.00 at stake, said as a credit', async () => {
    await writeFile(join(dir, 'bills', 'october.csv'), credit('754240482'));
    await writeFile(join(dir, 'bills', 'october-resent.csv'), credit('754240999', '03'));
    const { run, rows } = await duplicates();
    expect(rows.map((row) => [row['Severity'], row['Invoice Number'], row['Impact']])).toEqual([
      ['error', '754240999', '0.00'],
    ]);
    expect(rows[0]?.['Message']).toBe(
      'Invoice 754240999 (-$194.91, a credit) repeats invoice 754240482: same account, billing month 2026-10 (no period stated), total and charges. Nothing more is payable, but counting both would count the credit twice.',
    );
    expect(ruleLine(run.stdout)?.trim()).toMatch(/^duplicate-invoice\s+1\s+\$0\.00$/);
  });

  it('re-sent under a new number, in the chargeback: said at its billed amount, as booked', async () => {
    await writeFile(join(dir, 'bills', 'october.csv'), credit('754240482'));
    await writeFile(join(dir, 'bills', 'october-resent.csv'), credit('754240999', '03'));
    const run = await runCliCaptured([
      'chargeback',
      ...['--sites', join(dir, 'sites.csv'), '--inventory', join(dir, 'inventory.csv')],
      ...['--contracts', join(dir, 'contracts.csv'), '--bills', join(dir, 'bills')],
      ...['--month', '2026-10', '--out', join(dir, 'chargeback.csv')],
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Warning: 1 invoice of 2026-10 (-$194.91) repeats another under a new number — same account, period and charges (duplicate-invoice): 754240999 (repeats 754240482).',
    );
  });
});
