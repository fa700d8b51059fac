/**
 * The CLI reads AT&T usage detail (ADE) from a bills folder with the Premier billing summary it
 * belongs to: the usage is counted onto that bill's lines and reaches the optimisation table. Bell
 * ACC + MOB reports saved as XLSX in the same folder join into one invoice as their CSV files do.
 */
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditWorkspace, makeCliWorkspace, outputRows } from '../helpers/cli-workspace';

const FIXTURES = new URL('../fixtures/carriers/', import.meta.url);

let dir = '';
let run: { code: number; stdout: string; stderr: string };

function rows(name: string): Promise<Record<string, string>[]> {
  return outputRows(dir, name);
}

beforeAll(async () => {
  dir = await makeCliWorkspace('temdesk-cli-att-ade-');
  // Optimisation looks at inventoried mobile lines.
  await writeFile(
    join(dir, 'inventory.csv'),
    [
      'Site Code,Carrier,Account Number,Service Type,Service ID',
      'STR-1,AT&T Mobility,287099000001,mobile,555-030-0001',
      'STR-1,AT&T Mobility,287099000001,mobile,555-030-0002',
      '',
    ].join('\n'),
  );
  await mkdir(join(dir, 'bills', 'att', '2026-03'), { recursive: true });
  await copyFile(
    new URL('att-premier-billing.synthetic.csv', FIXTURES),
    join(dir, 'bills', 'att', '2026-03', 'billing summary.csv'),
  );
  // The fixture's one bad cell (`lots` KB) corrected, as a user would before a clean run.
  const detail = await readFile(new URL('att-usage-detail.synthetic.csv', FIXTURES), 'utf8');
  await writeFile(
    join(dir, 'bills', 'att', '2026-03', 'usage detail.csv'),
    detail.replace(',lots,', ',512,'),
  );
  await mkdir(join(dir, 'bills', 'bell'), { recursive: true });
  for (const part of ['acc', 'mob']) {
    await copyFile(
      new URL(`bell-${part}.synthetic.xlsx`, FIXTURES),
      join(dir, 'bills', 'bell', `October ${part.toUpperCase()}.xlsx`),
    );
  }
  // Bell's Canadian dollars read as written (the rate 1: an account billed in US dollars).
  run = await auditWorkspace(dir, ['--allow-row-errors', '--exchange-rate', 'CAD=1']);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the CLI on an AT&T billing summary with its usage detail', () => {
  it('reads the bill once, with the detail adding no charge', async () => {
    const invoices = await rows('invoices.csv');
    expect(
      invoices.map((row) => [row['Account Number'], row['Lines Total'], row['Source File']]),
    ).toEqual([
      ['287099000001', '108.54', 'billing summary.csv'],
      ['512345678', '202.98', 'October ACC.xlsx + October MOB.xlsx'],
    ]);
    expect(invoices[1]?.['Stated Total']).toBe('202.98');
    expect(run.stdout).toContain('Read 4 bill files: 2 invoices');
  });

  it('lists the row whose bill is missing, naming the report to import', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'usage detail.csv: Row 12: AT&T usage detail holds usage only: import it together with the AT&T Premier billing summary report of account 287099000002',
    );
  });

  it('counts the detail usage per line in optimisation.csv', async () => {
    const lines = await rows('optimisation.csv');
    const line = lines.find((row) =>
      row['Wireless Number']?.replace(/\D/g, '').endsWith('5550300002'),
    );
    expect(line).toMatchObject({ 'Minutes Highest': '45.00', 'Messages Highest': '0.00' });
    const first = lines.find((row) =>
      row['Wireless Number']?.replace(/\D/g, '').endsWith('5550300001'),
    );
    expect(first).toMatchObject({ 'Minutes Highest': '15.50', 'Messages Highest': '3.00' });
    expect(line?.['Data GB Highest']).toBe(((1_048_576 + 512) / 1024 / 1024).toFixed(2));
  });
});
