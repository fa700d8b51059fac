/**
 * The CLI on bills as they sit on a user's disk: Verizon downloads unzipped into one folder per
 * month (the same file names in every folder), one month repeated in another folder. Each month
 * is one invoice with its stated total; only real copies are reported as duplicate-invoice.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { isoMonth } from '../../shared/dates/iso-date';
import { readTable, sniffTable } from '../../shared/import/table';
import { generateSampleCompany, type SampleCompany } from '../../shared/sample/index';
import { splitVerizonBillSet } from '../fixtures/generate/bill-sets';
import type { BillSet } from '../helpers/doors';

const END_MONTH = isoMonth(2026, 10);
let dir = '';
let company: SampleCompany;

async function writeSet(root: string, set: BillSet): Promise<void> {
  for (const file of [set.sites, set.inventory, set.contracts, set.rates, ...set.imports.flat()]) {
    const path = join(root, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.bytes);
  }
}

async function audit(root: string) {
  let stderr = '';
  const out = join(root, 'out');
  const code = await runCli(
    [
      'audit',
      ...['--sites', join(root, 'sites.csv'), '--inventory', join(root, 'inventory.csv')],
      ...['--contracts', join(root, 'contracts.csv'), '--rates', join(root, 'rates.csv')],
      ...['--bills', join(root, 'bills'), '--out', out, '--as-of', '2026-11-20'],
    ],
    { stdout: () => undefined, stderr: (text) => (stderr += text) },
  );
  const rows = async (name: string) => {
    const text = (await readFile(join(out, name), 'utf8')).replace(/^\uFEFF/, '');
    const sniff = sniffTable(text);
    if (!sniff.ok) throw new Error(name);
    return readTable(text, sniff.value).rows.map((row) => row.cells);
  };
  return {
    code,
    stderr,
    invoices: await rows('invoices.csv'),
    findings: await rows('findings.csv'),
  };
}

beforeAll(async () => {
  company = generateSampleCompany({ months: 6, scale: 0.3, endMonth: END_MONTH });
  dir = await mkdtemp(join(tmpdir(), 'temdesk-cli-parts-'));
}, 60_000);

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('CLI: bills in several files', () => {
  it('joins each month folder into one invoice with its stated total, with no false duplicate', async () => {
    const root = join(dir, 'months');
    await writeSet(root, splitVerizonBillSet(company));
    const result = await audit(root);
    expect(result.code).toBe(0);
    const verizon = result.invoices.filter((row) => row[0] === 'Verizon Wireless');
    const expected = company.expectedTotals.filter((invoice) => invoice.carrier === 'verizon');
    expect(verizon).toHaveLength(expected.length);
    for (const want of expected) {
      const row = verizon.find((r) => r[2] === want.invoiceNumber);
      expect(row?.[7], `stated total of ${want.invoiceNumber}`).toBe(
        (want.statedTotalCents ?? 0) / 100 === 0
          ? ''
          : ((want.statedTotalCents ?? 0) / 100).toFixed(2),
      );
      expect(row?.[11]).toMatch(
        /^\d{4}-\d{2}\/AccountSummary\.txt \+ \d{4}-\d{2}\/Account & Wireless Summary\.txt$/,
      );
    }
    const duplicates = result.findings.filter((row) => row[0] === 'duplicate-invoice');
    // Only the sample's planted re-sent RingCentral bill.
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]?.[2]).toBe('RingCentral');
  });

  it('reports a month copied into another folder once, naming the files, and counts it once', async () => {
    const copiedMonth = '2026-07';
    const root = join(dir, 'copied');
    await writeSet(root, splitVerizonBillSet(company, { copiedMonth }));
    const result = await audit(root);
    expect(result.code).toBe(0);
    const copied = company.expectedTotals.filter(
      (invoice) => invoice.carrier === 'verizon' && invoice.fileName.includes(copiedMonth),
    );
    const verizon = result.invoices.filter((row) => row[0] === 'Verizon Wireless');
    expect(verizon).toHaveLength(
      company.expectedTotals.filter((invoice) => invoice.carrier === 'verizon').length,
    );
    const duplicates = result.findings.filter(
      (row) => row[0] === 'duplicate-invoice' && row[2] === 'Verizon Wireless',
    );
    expect(duplicates).toHaveLength(copied.length);
    for (const row of duplicates) {
      expect(row[9]).toContain(`from-email/${copiedMonth}/AccountSummary.txt`);
      expect(row[9]).toContain(`verizon/${copiedMonth}/AccountSummary.txt`);
      expect(row[9]).toContain('counted once');
    }
  });
});
