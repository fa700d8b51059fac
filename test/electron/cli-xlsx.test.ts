/**
 * The CLI reads Excel workbooks through every door: an AT&T Premier billing summary saved as XLSX
 * by LibreOffice among the bills, contracts and rates files as XLSX; the audit finds exactly what
 * it finds from the CSV files. A workbook with two bill sheets stops the run naming them, and
 * `--sheet` chooses one.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractRatesToCsv, contractsToCsv } from '../../shared/contracts/csv';
import { readTable, sniffTable } from '../../shared/import/table';
import { inventoryCsv } from '../../shared/inventory/export';
import { sitesCsv } from '../../shared/inventory/sites-file';
import { generateSampleCompany } from '../../shared/sample/index';
import { runCliCaptured } from '../helpers/cli-workspace';
import { buildXlsx, oneChargeSheet } from '../helpers/xlsx-build';

const cli = runCliCaptured;

/** A CSV file's rows as a one-sheet workbook of text cells (Google Sheets' inline strings). */
function csvAsXlsx(text: string, sheet: string): Uint8Array {
  const sniff = sniffTable(text);
  if (!sniff.ok) throw new Error('not a CSV');
  const table = readTable(text, sniff.value);
  return buildXlsx({
    writer: 'google',
    sheets: [{ name: sheet, rows: [table.header, ...table.rows.map((row) => row.cells)] }],
  });
}

const ATT_CSV = 'att-premier-billing-summary-2026-10.csv';
let dir = '';
let common: string[] = [];

beforeAll(async () => {
  const company = generateSampleCompany();
  dir = await mkdtemp(join(tmpdir(), 'temdesk-cli-xlsx-'));
  for (const folder of ['csv', 'xlsx'])
    await mkdir(join(dir, folder, 'bills'), { recursive: true });
  for (const file of company.files) {
    await writeFile(join(dir, 'csv', 'bills', file.name), file.bytes);
    if (file.name !== ATT_CSV) await writeFile(join(dir, 'xlsx', 'bills', file.name), file.bytes);
  }
  const atTXlsx = await readFile(
    new URL('../fixtures/xlsx/att-premier-2026-10.xlsx', import.meta.url),
  );
  await writeFile(join(dir, 'xlsx', 'bills', 'att-premier-2026-10.xlsx'), atTXlsx);
  const carriers = new Map(company.carriers.map((c) => [c.id, c]));
  const accounts = new Map(company.accounts.map((a) => [a.id, a]));
  const labels = new Map(company.services.map((s) => [s.id, s.serviceIdRaw]));
  const contracts = contractsToCsv(company.contracts, carriers, accounts);
  const rates = contractRatesToCsv(company.contracts, labels);
  await writeFile(join(dir, 'sites.csv'), sitesCsv(company.sites, company.costCenters));
  await writeFile(join(dir, 'inventory.csv'), inventoryCsv(company));
  await writeFile(join(dir, 'csv', 'contracts.csv'), contracts);
  await writeFile(join(dir, 'csv', 'rates.csv'), rates);
  await writeFile(join(dir, 'xlsx', 'contracts.xlsx'), csvAsXlsx(contracts, 'Contracts'));
  await writeFile(join(dir, 'xlsx', 'rates.xlsx'), csvAsXlsx(rates, 'Rates'));
  common = ['--sites', join(dir, 'sites.csv'), '--inventory', join(dir, 'inventory.csv')];
}, 120_000);

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('CLI with Excel workbooks', () => {
  it('audits an XLSX bill with XLSX contracts and rates exactly as the CSV files', async () => {
    const runs: Record<string, string> = {};
    for (const [kind, extension] of [
      ['csv', 'csv'],
      ['xlsx', 'xlsx'],
    ] as const) {
      const out = join(dir, `out-${kind}`);
      const result = await cli([
        'audit',
        ...common,
        '--contracts',
        join(dir, kind, `contracts.${extension}`),
        '--rates',
        join(dir, kind, `rates.${extension}`),
        '--bills',
        join(dir, kind, 'bills'),
        '--out',
        out,
        '--as-of',
        '2026-11-20',
      ]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      runs[kind] = await readFile(join(out, 'findings.csv'), 'utf8');
    }
    expect(runs.xlsx?.split('\n').length).toBeGreaterThan(10);
    expect(runs.xlsx).toBe(runs.csv);
    // The rates file's allowance columns came through the workbook too.
    expect(runs.xlsx).toContain('underused-plan');
  }, 120_000);

  it('stops on a workbook with two bill sheets, naming them, and reads the one --sheet names', async () => {
    const bills = join(dir, 'two-sheets');
    await mkdir(bills, { recursive: true });
    await writeFile(
      join(bills, 'lumen.xlsx'),
      buildXlsx({
        sheets: [
          { name: 'September', rows: oneChargeSheet('INV-9', 100) },
          { name: 'October', rows: oneChargeSheet('INV-10', 250) },
        ],
      }),
    );
    const args = [
      'audit',
      ...common,
      '--contracts',
      join(dir, 'csv', 'contracts.csv'),
      '--bills',
      bills,
    ];
    const asked = await cli([...args, '--out', join(dir, 'out-two')]);
    expect(asked.code).toBe(1);
    expect(asked.stderr).toContain(
      'The Excel workbook "lumen.xlsx" has several sheets that could be the bill: September, October. Run again with --sheet NAME, e.g. --sheet "September".',
    );
    const out = join(dir, 'out-october');
    const chosen = await cli([...args, '--out', out, '--sheet', 'October']);
    expect(chosen.stderr).toBe('');
    expect(chosen.code).toBe(0);
    const invoices = await readFile(join(out, 'invoices.csv'), 'utf8');
    expect(invoices).toContain('INV-10');
    expect(invoices).not.toContain('INV-9');
  }, 60_000);

  it("names a dozen of a crafted workbook's many bill sheets, then how many more", async () => {
    const bills = join(dir, 'many-sheets');
    await mkdir(bills, { recursive: true });
    const sheets = Array.from({ length: 40 }, (_, i) => ({
      name: `Month ${String(i + 1)}`,
      rows: oneChargeSheet(`INV-M${String(i)}`, 100 + i),
    }));
    await writeFile(join(bills, 'many.xlsx'), buildXlsx({ sheets }));
    const asked = await cli([
      'audit',
      ...common,
      '--contracts',
      join(dir, 'csv', 'contracts.csv'),
      '--bills',
      bills,
      '--out',
      join(dir, 'out-many'),
    ]);
    expect(asked.code).toBe(1);
    expect(asked.stderr).toContain(
      'has several sheets that could be the bill: Month 1, Month 2, Month 3, Month 4, Month 5, Month 6, Month 7, Month 8, Month 9, Month 10, Month 11, Month 12 and 28 more. Run again with --sheet NAME',
    );
  }, 120_000);
});
