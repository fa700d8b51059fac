/**
 * `payments` on the sample company: the approval policy's approved invoices due in the range, the
 * file reconciling to them to the cent, the register keeping a second run from paying twice, and
 * clear errors for bad dates.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { inspectXlsx } from '../helpers/xlsx-inspect';
import { inventoryCsv } from '../../shared/inventory/export';
import { sitesCsv } from '../../shared/inventory/sites-file';
import { generateSampleCompany } from '../../shared/sample/index';
import { centsOfText, parseChargebackCsv } from '../helpers/chargeback-csv';

let dir = '';
let files: string[] = [];

async function payments(extra: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['payments', ...files, ...extra], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    now: () => new Date('2026-11-20T09:30:00Z'),
  });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  const company = generateSampleCompany({ months: 6, scale: 0.3 });
  dir = await mkdtemp(join(tmpdir(), 'temdesk-payments-'));
  await mkdir(join(dir, 'bills'));
  for (const file of company.files) await writeFile(join(dir, 'bills', file.name), file.bytes);
  await writeFile(join(dir, 'sites.csv'), sitesCsv(company.sites, company.costCenters));
  await writeFile(join(dir, 'inventory.csv'), inventoryCsv(company));
  files = [
    ...['--sites', join(dir, 'sites.csv'), '--inventory', join(dir, 'inventory.csv')],
    ...['--bills', join(dir, 'bills'), '--as-of', '2026-11-20'],
  ];
}, 120_000);

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

const RANGE = ['--from', '2026-01-01', '--to', '2026-12-31'];

describe('payments', () => {
  it('writes the approved invoices, by cost center, summing to each invoice; a second run pays none twice', async () => {
    const out = join(dir, 'ap', 'payments.csv');
    await mkdir(join(dir, 'ap'));
    const first = await payments([...RANGE, '--out', out]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/invoices approved by the approval policy \(default settings\)/);
    const rows = parseChargebackCsv(await readFile(out, 'utf8'));
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'Vendor',
      'Remit to',
      'Account',
      'Invoice number',
      'Invoice date',
      'Due date',
      'Cost center',
      'GL account',
      'Amount',
    ]);
    const invoices = new Set(
      rows.map((row) => `${row['Account'] ?? ''}|${row['Invoice number'] ?? ''}`),
    );
    expect(invoices.size).toBeGreaterThan(3);
    expect(rows.length).toBeGreaterThan(invoices.size);
    const total = rows.reduce((sum, row) => sum + centsOfText(row['Amount'] ?? ''), 0);
    const stated = /in this file, \$([\d,.]+) in/.exec(first.stdout)?.[1] ?? '';
    expect(total).toBe(centsOfText(stated.replaceAll(',', '')));

    const register = parseChargebackCsv(
      await readFile(join(dir, 'ap', 'payments-register.csv'), 'utf8'),
    );
    expect(register).toHaveLength(invoices.size);

    const second = await payments([...RANGE, '--out', join(dir, 'ap', 'again.csv')]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('0 in this file, $0.00');
    expect(parseChargebackCsv(await readFile(join(dir, 'ap', 'again.csv'), 'utf8'))).toEqual([]);

    const forced = await payments([
      ...RANGE,
      '--include-exported',
      '--format',
      'xlsx',
      '--out',
      join(dir, 'ap', 'all.bin'),
    ]);
    expect(forced.code).toBe(0);
    const sheet = inspectXlsx(await readFile(join(dir, 'ap', 'all.bin'))).sheets[0];
    const amount = sheet?.values[0]?.indexOf('Amount') ?? -1;
    const xlsxTotal = (sheet?.values.slice(1) ?? []).reduce(
      (sum, row) => sum + Math.round(Number(row[amount]) * 100),
      0,
    );
    expect(xlsxTotal).toBe(total);
  });

  it('knows exported invoices by carrier name: a new carrier named first in a later run pays none twice', async () => {
    const out = join(dir, 'ap-names', 'payments.csv');
    await mkdir(join(dir, 'ap-names'));
    const first = await payments([...RANGE, '--out', out]);
    expect(first.code).toBe(0);
    const register = parseChargebackCsv(
      await readFile(join(dir, 'ap-names', 'payments-register.csv'), 'utf8'),
    );
    expect(register.length).toBeGreaterThan(3);
    for (const row of register) expect(row['Carrier']).not.toMatch(/^carrier-\d+$/);

    // A contract of a carrier no other file names, read before the bills: every carrier's place
    // in the run moves.
    const contracts = join(dir, 'contracts-new-carrier.csv');
    await writeFile(
      contracts,
      [
        'Contract ID,Carrier,Name,Accounts,Start Date,Term Months,End Date,Auto Renew,Renewal Term Months,Notice Days,MARC,Status',
        'ZETA-1,Zeta Telecom,Zeta Agreement,Z-9,2026-01-01,24,,No,0,60,0,active',
      ].join('\n'),
    );
    const again = join(dir, 'ap-names', 'again.csv');
    const second = await payments([...RANGE, '--contracts', contracts, '--out', again]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('0 in this file, $0.00');
    expect(parseChargebackCsv(await readFile(again, 'utf8'))).toEqual([]);
  });

  it('leaves out what an older register names by a run’s carrier id, by account and number', async () => {
    const out = join(dir, 'ap-ids', 'payments.csv');
    await mkdir(join(dir, 'ap-ids'));
    expect((await payments([...RANGE, '--out', out])).code).toBe(0);
    const registerPath = join(dir, 'ap-ids', 'payments-register.csv');
    const rows = parseChargebackCsv(await readFile(registerPath, 'utf8'));
    await writeFile(
      registerPath,
      [
        'Carrier,Account,Invoice number,Batch,Exported at',
        ...rows.map((row, i) =>
          [`carrier-${i + 1}`, row['Account'], row['Invoice number'], 'PAY-OLD', 'then'].join(','),
        ),
      ].join('\n'),
    );
    const again = join(dir, 'ap-ids', 'again.csv');
    const second = await payments([...RANGE, '--out', again]);
    expect(second.code).toBe(0);
    expect(parseChargebackCsv(await readFile(again, 'utf8'))).toEqual([]);
  });

  it('pays none twice when the register was saved again by a spreadsheet (leading zeros dropped, no BOM, CRLF)', async () => {
    const out = join(dir, 'ap-excel', 'payments.csv');
    await mkdir(join(dir, 'ap-excel'));
    expect((await payments([...RANGE, '--out', out])).code).toBe(0);
    const registerPath = join(dir, 'ap-excel', 'payments-register.csv');
    const rows = parseChargebackCsv(await readFile(registerPath, 'utf8'));
    expect(rows.length).toBeGreaterThan(3);
    // The numbers as a spreadsheet writes them back: zeros before a number of digits are not
    // kept, so here the register's account numbers and the bills' differ by leading zeros.
    expect(rows.some((row) => /^\d+$/.test(row['Account'] ?? ''))).toBe(true);
    const saved = rows.map((row) => {
      const account = row['Account'] ?? '';
      const written = /^\d+$/.test(account) ? `00${account}` : account;
      return [row['Carrier'], written, row['Invoice number'], 'PAY-1', 'then'].join(',');
    });
    await writeFile(
      registerPath,
      ['Carrier,Account,Invoice number,Batch,Exported at', ...saved].join('\r\n'),
    );
    const again = join(dir, 'ap-excel', 'again.csv');
    const second = await payments([...RANGE, '--out', again]);
    expect(second.code).toBe(0);
    expect(parseChargebackCsv(await readFile(again, 'utf8'))).toEqual([]);
    expect(second.stdout).toContain(`invoices of these bills are already in`);
  });

  it.each([
    ['damaged', (text: string) => `${text}\n"cut off,in the middle`, 'has a damaged row'],
    [
      'without its header',
      (text: string) => text.replace(/^\uFEFF?[^\n]*\n/, ''),
      'cannot be read as a table',
    ],
  ])('stops, writing nothing, when the register is %s', async (_, damage, why) => {
    const folder = join(dir, `ap-${why.replaceAll(' ', '-')}`);
    await mkdir(folder);
    expect((await payments([...RANGE, '--out', join(folder, 'payments.csv')])).code).toBe(0);
    const registerPath = join(folder, 'payments-register.csv');
    const damaged = damage(await readFile(registerPath, 'utf8'));
    await writeFile(registerPath, damaged);
    const again = await payments([...RANGE, '--out', join(folder, 'again.csv')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`The payments register "${registerPath}" ${why}`);
    expect(await readFile(registerPath, 'utf8')).toBe(damaged);
    await expect(readFile(join(folder, 'again.csv'))).rejects.toThrow();
  });

  it('takes only invoices due in the range', async () => {
    const out = join(dir, 'narrow.csv');
    const result = await payments(['--from', '2026-10-01', '--to', '2026-10-31', '--out', out]);
    expect(result.code).toBe(0);
    const rows = parseChargebackCsv(await readFile(out, 'utf8'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const due = row['Due date'] || row['Invoice date'] || '';
      expect(due >= '2026-10-01' && due <= '2026-10-31').toBe(true);
    }
  });

  it('says which invoices were not approved and why, and how many approved ones fall due outside the dates', async () => {
    // A folder of its own: no register of an earlier test's payments beside it.
    await mkdir(join(dir, 'held'));
    const out = join(dir, 'held', 'payments.csv');
    const result = await payments(['--from', '2026-10-01', '--to', '2026-10-31', '--out', out]);
    expect(result.code).toBe(0);
    const counts = /^(\d+) of (\d+) invoices approved/m.exec(result.stdout);
    const approved = Number(counts?.[1]);
    const all = Number(counts?.[2]);
    expect(all).toBeGreaterThan(approved);
    const notApproved = new RegExp(
      `^${String(all - approved)} invoices not approved, so not paid`,
      'm',
    );
    expect(result.stdout).toMatch(notApproved);
    // Each reason's count, and the invoices under it (five at most, then "and N more").
    const groups = [...result.stdout.matchAll(/^ {2}(\d+) (.+):$/gm)];
    expect(groups.reduce((sum, group) => sum + Number(group[1]), 0)).toBe(all - approved);
    // The sample company's planted errors hold invoices for an open finding, and some drift.
    expect(result.stdout).toContain('held by an open error finding of the checks');
    expect(result.stdout).toMatch(/^ {4}\S.* invoice \S+: Open finding/m);
    expect(result.stdout).toMatch(/^ {4}\S.* invoice \S+: .* (above|below) expected/m);
    // Approved ones outside October are counted, not silently gone.
    const inFile = Number(/; (\d+) in this file/.exec(result.stdout)?.[1]);
    const outside = Number(
      /^(\d+) approved invoices? (?:is|are) due outside 2026-10-01 to 2026-10-31/m.exec(
        result.stdout,
      )?.[1],
    );
    expect(inFile + outside).toBe(approved);
  });

  it.each([
    [['--from', '2026-13-01', '--to', '2026-12-31'], '--from must be a date written YYYY-MM-DD'],
    [
      ['--from', '2026-12-31', '--to', '2026-01-01'],
      '--from (2026-12-31) is after --to (2026-01-01).',
    ],
    [['--from', '2026-01-01'], '"payments" needs --to, --out.'],
    [
      ['--from', '2026-01-01', '--to', '2026-12-31', '--format', 'pdf'],
      '--format must be csv or xlsx, not "pdf".',
    ],
  ])('refuses %j with a sentence', async (extra, message) => {
    const result = await payments([
      ...extra,
      ...(extra.includes('--to') ? ['--out', join(dir, 'x.csv')] : []),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
