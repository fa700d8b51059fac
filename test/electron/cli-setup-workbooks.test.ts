/**
 * Set-up workbooks with more than one sheet, as the CLI reads them: the app's own contracts export
 * (a Contracts and a Rates sheet) brings its rates along, and an inventory kept on several sheets
 * (Mobile, Circuits) is read whole. Before, only the first sheet was read: the rates' findings and
 * the second sheet's services were gone without a word. A value in a column with no header stops
 * the run naming its row and column, as a CSV row wider than its header does; before, it was
 * dropped without a word.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx, type XlsxSheet } from '../../shared/export/xlsx';
import { runCliCaptured } from '../helpers/cli-workspace';
import { buildXlsx, type TestCell } from '../helpers/xlsx-build';

const SETUP = 'test/fixtures/setup';
let dir = '';

/** A sheet of text cells from a CSV of the set-up fixtures (no quoted commas in them). */
function sheetOf(
  name: string,
  text: string,
  keep: (row: string[]) => boolean = () => true,
): XlsxSheet {
  const [header = [], ...rows] = text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(','));
  return {
    name,
    columns: header.map((cell) => ({ header: cell, kind: 'text' as const })),
    rows: rows.filter(keep).map((row) => row.map((cell) => (cell === '' ? null : cell))),
  };
}

async function audit(out: string, setup: string[]) {
  const run = await runCliCaptured([
    'audit',
    ...['--sites', join(SETUP, 'sites.csv'), ...setup],
    ...['--bills', join(dir, 'bill.csv'), '--out', join(dir, out), '--as-of', '2026-11-20'],
  ]);
  const findings = await readFile(join(dir, out, 'findings.csv'), 'utf8').catch(() => '');
  return { ...run, findings };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'temdesk-cli-workbooks-'));
  // Lumen bills the internet circuit above its $800.00 contract rate (rates.csv).
  await writeFile(
    join(dir, 'bill.csv'),
    'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount\nLumen,5-ACME-001,754240482,2026-10-01,DHEC.554433..WIN,MRC,850.00\nLumen,5-ACME-001,754240482,2026-10-01,BBEC.556677..LUMN,MRC,1250.00\n',
  );
  const contracts = await readFile(join(SETUP, 'contracts.csv'), 'utf8');
  const rates = await readFile(join(SETUP, 'rates.csv'), 'utf8');
  await writeFile(
    join(dir, 'contracts.xlsx'),
    writeXlsx({ sheets: [sheetOf('Contracts', contracts), sheetOf('Rates', rates)] }),
  );
  const inventory = await readFile(join(SETUP, 'inventory.csv'), 'utf8');
  const isCircuit = (row: string[]) => row[3] === 'Lumen';
  await writeFile(
    join(dir, 'inventory.xlsx'),
    writeXlsx({
      sheets: [
        sheetOf('Mobile', inventory, (row) => !isCircuit(row)),
        sheetOf('Circuits', inventory, isCircuit),
        sheetOf('Notes', 'Note,Owner\nRenew Lumen in 2026,IT\n'),
      ],
    }),
  );
}, 60_000);

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('set-up workbooks of several sheets', () => {
  it('the contracts export brings its Rates sheet: the same findings as the two CSV files', async () => {
    const csv = await audit('csv', [
      ...['--inventory', join(SETUP, 'inventory.csv'), '--contracts', join(SETUP, 'contracts.csv')],
      ...['--rates', join(SETUP, 'rates.csv')],
    ]);
    const workbook = await audit('xlsx', [
      ...['--inventory', join(SETUP, 'inventory.csv'), '--contracts', join(dir, 'contracts.xlsx')],
    ]);
    expect(csv.code).toBe(0);
    // The rates put $100.00 at stake on the circuit billed above its contract rate.
    expect(csv.stdout).toContain('impact $100.00');
    expect(workbook.stdout).toContain('impact $100.00');
    expect(workbook.code).toBe(0);
    expect(workbook.findings).toBe(csv.findings);
    // A --rates file given too is the one read, and that is said.
    const both = await audit('both', [
      ...['--inventory', join(SETUP, 'inventory.csv'), '--contracts', join(dir, 'contracts.xlsx')],
      ...['--rates', join(SETUP, 'rates.csv')],
    ]);
    expect(both.stderr).toContain('has a Rates sheet too; the rates file');
  });

  it('an inventory on several sheets is read whole; a sheet that is not one is said', async () => {
    const csv = await audit('inv-csv', [
      ...['--inventory', join(SETUP, 'inventory.csv'), '--contracts', join(SETUP, 'contracts.csv')],
    ]);
    const workbook = await audit('inv-xlsx', [
      ...['--inventory', join(dir, 'inventory.xlsx'), '--contracts', join(SETUP, 'contracts.csv')],
    ]);
    expect(workbook.code).toBe(0);
    expect(workbook.stdout).toContain('Inventory: 5 services at 5 sites');
    expect(workbook.findings).toBe(csv.findings);
    expect(workbook.findings).not.toContain('unknown-service');
    expect(workbook.stderr).toContain(
      `its sheet "Notes" is not an inventory (its columns: Note, Owner), so its rows were not read.`,
    );
  });
});

describe('a set-up workbook with a value in a column that has no header', () => {
  /** The fixture's CSV as a workbook's rows, with `extra` cells added at the end of some rows. */
  function rowsOf(text: string, extra: Record<number, TestCell[]>): TestCell[][] {
    return text
      .trim()
      .split(/\r?\n/)
      .map((line, index) => [...line.split(','), ...(extra[index] ?? [])]);
  }

  it('stops the run naming the row and the column, as a CSV row wider than its header does', async () => {
    const inventory = await readFile(join(SETUP, 'inventory.csv'), 'utf8');
    // Row 3 has a note two columns past the header's last (L), in column N.
    await writeFile(
      join(dir, 'noted-inventory.xlsx'),
      buildXlsx({
        sheets: [{ name: 'Inventory', rows: rowsOf(inventory, { 2: [null, 'moved to Dallas?'] }) }],
      }),
    );
    const run = await audit('noted', [
      ...['--inventory', join(dir, 'noted-inventory.xlsx')],
      ...['--contracts', join(SETUP, 'contracts.csv')],
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Row 3: column N has a value ("moved to Dallas?") but no header, so it cannot be imported: name column N in the header row (row 1) or clear the cell.',
    );
    expect(run.findings).toBe('');

    // A contracts workbook with a value under a blank header cell, read by --contracts.
    const contracts = await readFile(join(SETUP, 'contracts.csv'), 'utf8');
    const rows = rowsOf(contracts, { 0: [null, 'Owner'], 1: ['note', 'Dana'] });
    await writeFile(
      join(dir, 'gap-contracts.xlsx'),
      buildXlsx({ sheets: [{ name: 'Contracts', rows }] }),
    );
    const gap = await audit('gap', [
      ...['--inventory', join(SETUP, 'inventory.csv')],
      ...['--contracts', join(dir, 'gap-contracts.xlsx')],
    ]);
    expect(gap.code).toBe(1);
    expect(gap.stderr).toContain('Row 2: column M has a value ("note") but no header');
  });

  it('reads blank and whitespace-only cells past the header as nothing', async () => {
    const inventory = await readFile(join(SETUP, 'inventory.csv'), 'utf8');
    await writeFile(
      join(dir, 'spaced-inventory.xlsx'),
      buildXlsx({
        sheets: [{ name: 'Inventory', rows: rowsOf(inventory, { 1: ['  ', ''], 3: [null, ' '] }) }],
      }),
    );
    const csv = await audit('spaced-csv', [
      ...['--inventory', join(SETUP, 'inventory.csv'), '--contracts', join(SETUP, 'contracts.csv')],
    ]);
    const run = await audit('spaced', [
      ...['--inventory', join(dir, 'spaced-inventory.xlsx')],
      ...['--contracts', join(SETUP, 'contracts.csv')],
    ]);
    expect(run.code).toBe(0);
    expect(run.findings).toBe(csv.findings);
  });
});
