/**
 * The headless CLI on the sample company written to a temp folder: the audit's three CSVs, the
 * re-sent bill counted once, reproducible runs, clear errors, the chargeback export, and the
 * real `npm run cli` entry through Node.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../electron/cli/main';
import { FINDINGS_HEADER } from '../../electron/cli/audit-command';
import { contractRatesToCsv, contractsToCsv } from '../../shared/contracts/csv';
import { inspectXlsx } from '../helpers/xlsx-inspect';
import { readTable, sniffTable } from '../../shared/import/table';
import { inventoryCsv } from '../../shared/inventory/export';
import { sitesCsv } from '../../shared/inventory/sites-file';
import { generateSampleCompany, type SampleCompany } from '../../shared/sample/index';

const run = promisify(execFile);

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: readonly string[]): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    now: () => new Date(2026, 10, 20),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** A CSV file as header + rows of cells (BOM dropped). */
async function csvRows(path: string): Promise<{ header: string[]; rows: string[][] }> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  const sniff = sniffTable(text);
  if (!sniff.ok) throw new Error(`Not a CSV: ${path}`);
  const table = readTable(text, sniff.value);
  return { header: table.header, rows: table.rows.map((row) => row.cells) };
}

let dir = '';
let company: SampleCompany;
let inputs: string[] = [];

beforeAll(async () => {
  company = generateSampleCompany();
  dir = await mkdtemp(join(tmpdir(), 'temdesk-cli-'));
  const bills = join(dir, 'bills');
  await mkdir(join(bills, 'more'), { recursive: true });
  // Some bills one folder down, to prove folders are read recursively.
  for (const [index, file] of company.files.entries()) {
    await writeFile(join(bills, index % 3 === 0 ? 'more' : '', file.name), file.bytes);
  }
  const carriers = new Map(company.carriers.map((c) => [c.id, c]));
  const accounts = new Map(company.accounts.map((a) => [a.id, a]));
  const labels = new Map(company.services.map((s) => [s.id, s.serviceIdRaw]));
  await writeFile(join(dir, 'sites.csv'), sitesCsv(company.sites, company.costCenters));
  await writeFile(join(dir, 'inventory.csv'), inventoryCsv(company));
  // Exactly as the app exports them: both files name a contract by its id.
  const contracts = company.contracts;
  await writeFile(join(dir, 'contracts.csv'), contractsToCsv(contracts, carriers, accounts));
  await writeFile(join(dir, 'rates.csv'), contractRatesToCsv(contracts, labels));
  inputs = [
    '--sites',
    join(dir, 'sites.csv'),
    '--inventory',
    join(dir, 'inventory.csv'),
    '--contracts',
    join(dir, 'contracts.csv'),
    '--rates',
    join(dir, 'rates.csv'),
    '--bills',
    bills,
  ];
}, 120_000);

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('audit', () => {
  it('writes findings, invoices and charges, with the planted errors and the re-sent bill once', async () => {
    const out = join(dir, 'audit-1');
    const result = await cli(['audit', ...inputs, '--out', out, '--as-of', '2026-11-20']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Audit as of 2026-11-20');
    // Money at stake counts each dollar once, like the app: the impact line is the stated total
    // less what two findings claim on the same lines (the closed store billed out of contract).
    const stated =
      /the findings state \$([\d,.]+); \$([\d,.]+) is on charge lines two findings claim/.exec(
        result.stdout,
      );
    expect(stated).not.toBeNull();
    const centsOf = (text: string) => Math.round(Number(text.replaceAll(',', '')) * 100);
    const impact = /findings \(.*\), impact \$([\d,.]+)/.exec(result.stdout)?.[1] ?? '';
    expect(centsOf(impact)).toBe(centsOf(stated?.[1] ?? '') - centsOf(stated?.[2] ?? ''));

    const findings = await csvRows(join(out, 'findings.csv'));
    expect(findings.header).toEqual([...FINDINGS_HEADER]);
    expect(findings.header.join(', ')).toBe(
      'Rule, Severity, Carrier, Account Number, Invoice Number, Service ID, Contract ID, Period, Impact, Message',
    );
    const rules = new Set(findings.rows.map((row) => row[0]));
    for (const rule of ['rate-mismatch', 'unknown-service', 'late-fee', 'duplicate-charge']) {
      expect(rules, rule).toContain(rule);
    }
    // The rates file's allowance columns reach the audit: the planted under-used hotspot.
    const underused = company.plantedErrors.find((error) => error.ruleId === 'underused-plan');
    const hotspot = findings.rows.filter((row) => row[0] === 'underused-plan');
    expect(hotspot.map((row) => [row[5], row[8]])).toEqual([[underused?.serviceId, '45.00']]);
    for (const row of findings.rows) expect(row[8]).toMatch(/^-?\d+\.\d\d$/);

    // The RingCentral month sent twice: one duplicate-invoice finding naming both files.
    const resent = company.plantedErrors.find((error) => error.ruleId === 'duplicate-invoice');
    expect(resent).toBeDefined();
    const duplicates = findings.rows.filter((row) => row[0] === 'duplicate-invoice');
    expect(duplicates).toHaveLength(1);
    const [duplicate] = duplicates;
    expect(duplicate?.[4]).toBe(resent?.invoiceNumber);
    expect(duplicate?.[9]).toMatch(/ringcentral-.*-resent\.csv/);
    expect(duplicate?.[1]).toBe('error');
    expect(Number(duplicate?.[8])).toBeGreaterThan(0);

    const invoices = await csvRows(join(out, 'invoices.csv'));
    expect(invoices.rows).toHaveLength(company.expectedTotals.length);
    expect(invoices.rows.filter((row) => row[2] === resent?.invoiceNumber)).toHaveLength(1);

    const charges = await csvRows(join(out, 'charges.csv'));
    const lineTotal = charges.rows.reduce((sum, row) => sum + Math.round(Number(row[8]) * 100), 0);
    const invoiceTotal = invoices.rows.reduce(
      (sum, row) => sum + Math.round(Number(row[8]) * 100),
      0,
    );
    expect(lineTotal).toBe(invoiceTotal);

    // optimisation.csv: the Optimisation tab's table; its total row sums the plan changes.
    const optimisation = await csvRows(join(out, 'optimisation.csv'));
    const saving = optimisation.header.indexOf('Monthly Saving');
    const changes = optimisation.rows.filter((row) => row[15] === 'Change plan');
    expect(changes.length).toBeGreaterThan(0);
    const total = optimisation.rows.at(-1);
    expect(total?.[0]).toBe('Total');
    expect(Math.round(Number(total?.[saving]) * 100)).toBe(
      changes.reduce((sum, row) => sum + Math.round(Number(row[saving]) * 100), 0),
    );
  }, 120_000);

  it('gives the same files for the same --as-of', async () => {
    const a = join(dir, 'audit-a');
    const b = join(dir, 'audit-b');
    expect((await cli(['audit', ...inputs, '--out', a, '--as-of', '2026-11-20'])).code).toBe(0);
    expect((await cli(['audit', ...inputs, '--out', b, '--as-of', '2026-11-20'])).code).toBe(0);
    for (const name of ['findings.csv', 'invoices.csv', 'charges.csv', 'optimisation.csv']) {
      expect(await readFile(join(b, name), 'utf8')).toBe(await readFile(join(a, name), 'utf8'));
    }
  }, 120_000);

  it('refuses unreadable input with a sentence and a non-zero exit', async () => {
    const missing = await cli([
      'audit',
      ...inputs.map((arg) => (arg.endsWith('inventory.csv') ? join(dir, 'nope.csv') : arg)),
      '--out',
      join(dir, 'audit-missing'),
    ]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(
      /^Error: Cannot read the --inventory file ".*nope\.csv": it does not exist\.\n$/,
    );

    const junk = join(dir, 'junk-bills');
    await mkdir(junk, { recursive: true });
    await writeFile(join(junk, 'broken.zip'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    const broken = await cli([
      'audit',
      ...inputs.slice(0, -1),
      junk,
      '--out',
      join(dir, 'audit-broken'),
    ]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('broken.zip');
    expect(broken.stderr).toMatch(/^Error: Cannot read the bill file/);

    // Several files it cannot read: each is named in the one run, not only the first.
    await writeFile(join(junk, 'also-broken.zip'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9]));
    const both = await cli(['audit', ...inputs.slice(0, -1), junk, '--out', join(dir, 'both')]);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/^Error: 2 bill files cannot be read, so nothing was written:\n/);
    expect(both.stderr).toContain('"also-broken.zip"');
    expect(both.stderr).toContain('"broken.zip"');
    await expect(stat(join(dir, 'both'))).rejects.toThrow();

    const badArgs = await cli(['audit', '--sites', 'a.csv', '--as-of', '20/11/2026']);
    expect(badArgs.code).toBe(2);
    expect(badArgs.stderr).toMatch(/^Error: /);
  }, 120_000);
});

describe('chargeback', () => {
  const month = '2026-09';

  it('writes the standard CSV, whose amounts alone make the month’s invoices', async () => {
    const out = join(dir, 'chargeback', `chargeback-${month}.csv`);
    const result = await cli(['chargeback', ...inputs, '--month', month, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const csv = await csvRows(out);
    expect(csv.header).toEqual([
      'Month',
      'Cost center',
      'Cost center name',
      'GL account',
      'Site',
      'Carrier',
      'Account',
      'Invoice',
      'Service ID',
      'User',
      'Category',
      'Description',
      'Amount',
    ]);
    const amountOf = (row: readonly string[]) => Math.round(Number(row[12]) * 100);
    const fileTotal = csv.rows.reduce((sum, row) => sum + amountOf(row), 0);
    const suspense = csv.rows
      .filter((row) => row[1] === 'UNALLOCATED' && row[3] === 'UNALLOCATED')
      .reduce((sum, row) => sum + amountOf(row), 0);
    const unallocated = /\$([\d,]+\.\d\d) unallocated/.exec(result.stdout)?.[1] ?? '';
    const unallocatedCents = Math.round(Number(unallocated.replaceAll(',', '')) * 100);
    // The month's invoices, from the audit's invoices.csv (each invoice once).
    const audit = join(dir, 'audit-for-chargeback');
    expect((await cli(['audit', ...inputs, '--out', audit, '--as-of', '2026-11-20'])).code).toBe(0);
    const invoices = await csvRows(join(audit, 'invoices.csv'));
    const monthTotal = invoices.rows
      .filter((row) => row[3]?.startsWith(month))
      .reduce((sum, row) => sum + Math.round(Number(row[8]) * 100), 0);
    expect(monthTotal).toBeGreaterThan(0);
    // The unallocated charges are in the file, on the suspense cost center and GL account.
    expect(suspense).toBe(unallocatedCents);
    expect(fileTotal).toBe(monthTotal);
    expect(result.stdout).toContain(
      'books the unallocated charges to cost center UNALLOCATED and GL account UNALLOCATED',
    );
  }, 120_000);

  it('books the unallocated charges to the suspense codes given, and ends with the total row asked for', async () => {
    const plain = join(dir, 'chargeback', `plain-${month}.csv`);
    expect((await cli(['chargeback', ...inputs, '--month', month, '--out', plain])).code).toBe(0);
    const out = join(dir, 'chargeback', `suspense-${month}.csv`);
    const result = await cli([
      'chargeback',
      ...inputs,
      '--month',
      month,
      '--out',
      out,
      '--suspense-cost-center',
      'CC-9999',
      '--suspense-gl',
      '6999-SUSP',
      '--total-row',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('to cost center CC-9999 and GL account 6999-SUSP');
    const csv = await csvRows(out);
    const before = await csvRows(plain);
    const amountOf = (row: readonly string[]) => Math.round(Number(row[12]) * 100);
    const total = csv.rows.at(-1) ?? [];
    const lines = csv.rows.slice(0, -1);
    expect(lines.some((row) => row[1] === 'CC-9999' && row[3] === '6999-SUSP')).toBe(true);
    expect(lines.some((row) => row[1] === 'UNALLOCATED')).toBe(false);
    // The total row holds the month's invoices: what the lines above it add up to.
    const sum = lines.reduce((acc, row) => acc + amountOf(row), 0);
    expect(amountOf(total)).toBe(sum);
    expect(sum).toBe(before.rows.reduce((acc, row) => acc + amountOf(row), 0));
  }, 120_000);

  it.each(['csv', 'xlsx'])(
    'refuses a suspense cost center that is one of the company’s own, writing no %s',
    async (format) => {
      // The workbook's Detail sheet books the unallocated charges to the suspense code as the CSV does.
      const out = join(dir, 'chargeback', `suspense-taken-${month}.${format}`);
      const plain = await csvRows(join(dir, 'chargeback', `plain-${month}.csv`));
      const code = plain.rows
        .map((row) => row[1] ?? '')
        .find((c) => c !== '' && c !== 'UNALLOCATED');
      expect(code).toBeDefined();
      const result = await cli([
        'chargeback',
        ...inputs,
        ...['--month', month, '--out', out, '--suspense-cost-center', ` ${code ?? ''} `],
      ]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `--suspense-cost-center "${code ?? ''}" is the cost center ${code ?? ''}`,
      );
      await expect(readFile(out)).rejects.toThrow();
    },
    120_000,
  );

  it('writes an XLSX workbook the app’s reader opens', async () => {
    const out = join(dir, 'chargeback', `chargeback-${month}.xlsx`);
    const result = await cli(['chargeback', ...inputs, '--month', month, '--out', out]);
    expect(result.code).toBe(0);
    const workbook = inspectXlsx(new Uint8Array(await readFile(out)));
    // The sample's closed store was still billed: its charges are allocated and listed for review.
    expect(workbook.sheets.map((sheet) => sheet.name)).toEqual([
      'Summary',
      'Detail',
      'Exceptions',
      'For review (allocated)',
    ]);
  }, 120_000);

  it('refuses a month with no invoices', async () => {
    const result = await cli([
      'chargeback',
      ...inputs,
      '--month',
      '1999-01',
      '--out',
      join(dir, 'x.csv'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Error: No invoice is dated in 1999-01/);
  }, 120_000);
});

describe('npm run cli', () => {
  it('bundles and runs under plain Node', async () => {
    const { stdout } = await run(process.execPath, ['scripts/cli.mjs', '--help'], {
      cwd: join(import.meta.dirname, '..', '..'),
    });
    expect(stdout).toContain('npm run cli -- audit');
    await expect(
      run(process.execPath, ['scripts/cli.mjs', 'audit', '--sites', 'missing.csv'], {
        cwd: join(import.meta.dirname, '..', '..'),
      }),
    ).rejects.toMatchObject({ code: 2 });
  }, 120_000);
});
