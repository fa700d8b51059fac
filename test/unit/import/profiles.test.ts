import { describe, it, expect } from 'vitest';
import { VERIZON_DETAIL_WITH_SUMMARY } from '../../../shared/import/profiles/verizon-usage-detail';
import type { ChargeCategory } from '../../../shared/model';
import type { BillDraft } from '../../../shared/import/draft';
import { fixtureFile, readDraft, totalOf, zipOf } from './fixtures';

const verizonZip = () =>
  zipOf('verizon-2021-08.zip', {
    'Raw Data/Account & Wireless Summary.txt': 'verizon-wireless-summary.txt',
    'Raw Data/AccountSummary.txt': 'verizon-account-summary.txt',
    'Raw Data/Wireless Usage Detail.txt': 'verizon-usage-detail.txt',
  });

/** Cents per category, for "lines per category" checks. */
function byCategory(draft: BillDraft): Partial<Record<ChargeCategory, number>> {
  const totals: Partial<Record<ChargeCategory, number>> = {};
  for (const line of draft.lines)
    totals[line.category] = (totals[line.category] ?? 0) + line.amount;
  return totals;
}

describe('Verizon Raw Data Download (ZIP of tab files)', () => {
  const draft = readDraft([verizonZip()]);

  it('reads one invoice with its stated total, balance, dates and period', () => {
    expect(draft.profileId).toBe('verizon-raw-data');
    expect(draft.invoices).toEqual([
      {
        key: 'VERIZONWIRELESS|12345678900001|9876543210',
        carrierName: 'Verizon Wireless',
        accountNumber: '123456789-00001',
        invoiceNumber: '9876543210',
        invoiceDate: '2021-08-16',
        dueDate: '2021-09-08',
        periodStart: '2021-07-17',
        periodEnd: '2021-08-16',
        statedTotal: 145_26,
        balance: {
          previousBalance: 140_00,
          payments: -140_00,
          adjustments: 0,
          balanceForward: 0,
          amountDue: 145_26,
        },
        remitTo: 'PO BOX 489 NEWARK NJ',
        sourceFile: 'verizon-2021-08.zip › AccountSummary.txt',
        parts: [
          { kind: 'account-summary', sourceFile: 'verizon-2021-08.zip › AccountSummary.txt' },
          {
            kind: 'wireless-summary',
            sourceFile: 'verizon-2021-08.zip › Account & Wireless Summary.txt',
          },
        ],
      },
    ]);
  });

  it('reconciles to the cent: lines add up to AccountSummary Total Current Charges', () => {
    expect(totalOf(draft.lines)).toBe(145_26);
    expect(draft.warnings).toBeUndefined();
    expect(draft.errors).toEqual([]);
  });

  it('splits each summary row into one line per non-zero charge column', () => {
    expect(byCategory(draft)).toEqual({
      adjustment: 2_50,
      'late-fee': 5_00,
      recurring: 90_00,
      usage: 2_50,
      equipment: 30_00,
      surcharge: 6_30,
      tax: 8_97,
      'third-party': 9_99,
      credit: -10_00,
    });
    expect(draft.lines).toHaveLength(12);
    expect(draft.lines.filter((line) => line.sourceRow === 3).map((l) => l.description)).toEqual([
      'Monthly Charges',
      'Usage and Purchase Charges',
      'Equipment Charges',
      'Total Surcharges and Other Charges and Credits',
      'Taxes, Governmental Surcharges and Fees',
    ]);
  });

  it('keeps N/A rows and the late fee at account level', () => {
    const accountLevel = draft.lines.filter((line) => line.serviceIdRaw === '');
    expect(
      accountLevel.map((l) => [l.category, l.amount, l.serviceKey, l.sourceFile, l.sourceRow]),
    ).toEqual([
      ['adjustment', 2_50, null, 'verizon-2021-08.zip › Account & Wireless Summary.txt', 2],
      ['late-fee', 5_00, null, 'verizon-2021-08.zip › AccountSummary.txt', 2],
    ]);
  });

  it('takes the late fee out of the N/A row even when a line row is missing: never counted twice', () => {
    const text = new TextDecoder().decode(fixtureFile('verizon-wireless-summary.txt').bytes);
    // Bob's row ($52.24) left out: the lines fall short of the stated total by more than the fee.
    const withoutBob = text
      .split('\r\n')
      .filter((row) => !row.includes('555-000-0002'))
      .join('\r\n');
    const short = readDraft([
      { name: 'Account & Wireless Summary.txt', bytes: new TextEncoder().encode(withoutBob) },
      fixtureFile('verizon-account-summary.txt'),
    ]);
    expect(
      short.lines
        .filter((line) => line.serviceIdRaw === '')
        .map((line) => [line.category, line.amount]),
    ).toEqual([
      ['adjustment', 2_50],
      ['late-fee', 5_00],
    ]);
    expect(totalOf(short.lines)).toBe(totalOf(draft.lines) - 52_24);
  });

  it('keeps a blank usage cell unknown, even beside a 0 in its roaming cell', () => {
    const text = new TextDecoder().decode(fixtureFile('verizon-wireless-summary.txt').bytes);
    const rows = text.split('\r\n').map((row) => row.split('\t'));
    const header = rows[0] ?? [];
    const bob = rows.find((cells) => cells.includes('555-000-0002')) ?? [];
    bob[header.indexOf('Messaging Usage')] = '';
    bob[header.indexOf('Messaging Roaming')] = '0';
    const edited = readDraft([
      {
        name: 'Account & Wireless Summary.txt',
        bytes: new TextEncoder().encode(rows.map((cells) => cells.join('\t')).join('\r\n')),
      },
      fixtureFile('verizon-account-summary.txt'),
    ]);
    const usage = edited.usage.find((record) => record.serviceKey === '+15550000002');
    expect(usage?.messages).toBeNull();
    expect(usage?.minutes).toBe(0);
  });

  it('keeps user, cost center and plan as extras, not N/A', () => {
    const bob = draft.lines.find((line) => line.serviceIdRaw === '555-000-0002');
    expect(bob?.serviceKey).toBe('+15550000002');
    expect(bob?.extras).toEqual({
      'User Name': 'Bob Ray',
      'User ID': 'BRAY',
      'Your Calling Plan': 'Unlimited Plus',
    });
  });

  it('reads usage (roaming included, MB converted to KB)', () => {
    expect(
      draft.usage.map((u) => [
        u.serviceKey,
        u.month,
        u.minutes,
        u.messages,
        u.dataKb,
        u.roamingMinutes,
      ]),
    ).toEqual([
      ['+15550000001', '2021-08', 133, 458, 1_048_576, 10],
      ['+15550000002', '2021-08', 0, 12, 1_049_088, 0],
    ]);
  });

  it('keeps the summary usage: the usage-detail member is not counted again, and it says so', () => {
    expect(draft.ignoredFiles).toEqual([
      {
        sourceFile: 'verizon-2021-08.zip › Wireless Usage Detail.txt',
        reason: VERIZON_DETAIL_WITH_SUMMARY,
      },
    ]);
    // The usage-detail row is read (its line's usage is the summary's).
    expect(draft.rowsRead).toBe(5);
  });

  it('reads the sentence-case "My Business" export (M/d/yyyy due date, GB data)', () => {
    const business = readDraft([fixtureFile('verizon-my-business.txt')]);
    expect(business.invoices[0]).toMatchObject({
      invoiceDate: '2024-01-16',
      dueDate: '2024-02-08',
      periodStart: '2023-12-17',
      periodEnd: '2024-01-16',
      statedTotal: null,
    });
    expect(totalOf(business.lines)).toBe(55_00);
    expect(business.usage[0]?.dataKb).toBe(524_288);
  });

  it('reports bad cells and bad row totals with line numbers, skips the subtotal, imports the rest', () => {
    const errors = readDraft([fixtureFile('verizon-wireless-summary-errors.txt')]);
    expect(errors.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [3, 'Monthly Charges', 'abc'],
      [4, undefined, undefined],
      [5, 'Data Usage (KB)', '0.7309 GB'],
    ]);
    expect(errors.errors[0]?.message).toBe(
      'Row 3, column "Monthly Charges": expected an amount like 1,234.56 or ($12.00) but found "abc".',
    );
    expect(errors.errors[1]?.message).toMatch(
      /add up to \$46\.00 but "Total Charges" says \$45\.00/,
    );
    expect(errors.skipped.map((s) => s.row)).toEqual([6]);
    // Only row 2 is imported: no half rows.
    expect(errors.lines.map((line) => line.sourceRow)).toEqual([2]);
    expect(errors.rowsRead).toBe(5);
  });
});

describe('AT&T Premier billing summary report', () => {
  const draft = readDraft([fixtureFile('att-premier-summary.csv')]);

  it('makes invoice numbers from account and invoice date, with no stated total', () => {
    expect(
      draft.invoices.map((i) => [i.invoiceNumber, i.invoiceDate, i.periodEnd, i.statedTotal]),
    ).toEqual([
      ['287012345678-20230728', '2023-07-28', '2023-07-21', null],
      ['287099999999-20230731', '2023-07-31', '2023-07-21', null],
    ]);
  });

  it('splits rows by category, reading ($948.03) and "$1,000.00"', () => {
    expect(byCategory(draft)).toEqual({
      recurring: 45_00 + 1_000_00 + 30_00,
      usage: 12_50,
      tax: 4_12 + 80_00,
      surcharge: 3_30 + 5_00,
      adjustment: 25_00,
      credit: -948_03,
    });
    // Row totals reconcile: every imported row's lines equal its Total current charges.
    expect(totalOf(draft.lines)).toBe(52_42 + 149_47 + 25_00 + 30_00);
  });

  it('keeps FAN-level charges at account level and customer columns as extras', () => {
    const fan = draft.lines.find((line) => line.description === 'Total FAN level charges');
    expect(fan).toMatchObject({
      serviceIdRaw: '',
      serviceKey: null,
      category: 'adjustment',
      amount: 25_00,
    });
    const ann = draft.lines.find((line) => line.serviceIdRaw === '555-010-0001');
    expect(ann?.extras).toMatchObject({
      'DEPARTMENT NAME': 'SALES',
      'VIS CODE': 'V12',
      'ASSET TAG': 'A-77',
      'User name': 'Ann Lee',
    });
  });

  it('reads usage ("2,393" KB)', () => {
    expect(draft.usage.find((u) => u.serviceIdRaw === '555-010-0001')).toMatchObject({
      dataKb: 2393,
      minutes: 120,
      messages: 45,
      month: '2023-07',
    });
  });

  it('reports the bad row and skips the Total row', () => {
    expect(draft.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [5, 'Total taxes', 'abc'],
    ]);
    expect(draft.skipped.map((s) => s.row)).toEqual([7]);
  });
});

describe('T-Mobile for Business summary', () => {
  it('reads the account, invoice and cycle columns when the export has them', () => {
    const draft = readDraft([fixtureFile('tmobile-summary.csv')]);
    expect(draft.invoices).toEqual([
      expect.objectContaining({
        accountNumber: '958000001',
        invoiceNumber: 'INV-77001',
        invoiceDate: '2023-08-11',
        periodStart: '2023-07-12',
        periodEnd: '2023-08-11',
        statedTotal: null,
      }),
    ]);
    expect(byCategory(draft)).toEqual({
      recurring: 40_00 + 5_00 + 40_00,
      usage: 15,
      equipment: 29_17,
      'one-time': -329_45,
      tax: 7_12 + 3_10,
    });
    expect(totalOf(draft.lines)).toBe(81_44 - 286_35);
    expect(draft.lines.map((l) => l.serviceKey)).toContain('+15551234568');
    expect(draft.skipped.map((s) => s.row)).toEqual([4]);
  });
});

describe('TEM Desk charge lines', () => {
  const draft = readDraft([fixtureFile('temdesk-charges-bom.csv')]);

  it('reads invoices of several carriers with the stated total', () => {
    expect(
      draft.invoices.map((i) => [
        i.carrierName,
        i.accountNumber,
        i.invoiceNumber,
        i.invoiceDate,
        i.statedTotal,
      ]),
    ).toEqual([
      ['Lumen', 'LMN-100', 'INV-1', '2024-03-01', 1012_34],
      ['Windstream', 'WIN-7', 'W-2024-03', '2024-03-05', null],
    ]);
    const lumen = draft.lines.filter((line) => line.invoiceKey === draft.invoices[0]?.key);
    expect(totalOf(lumen)).toBe(1012_34);
    expect(draft.warnings).toBeUndefined();
  });

  it('maps categories and keeps multi-line descriptions and extra columns', () => {
    expect(draft.lines.map((l) => [l.sourceRow, l.category, l.amount, l.quantity])).toEqual([
      [2, 'recurring', 850_00, 1],
      [4, 'surcharge', 102_34, null],
      [5, 'late-fee', 60_00, null],
      [10, 'credit', -25_00, null],
    ]);
    expect(draft.lines[0]?.description).toBe('Ethernet 100M\r\nport and access');
    expect(draft.lines[0]?.serviceKey).toBe('12HCGS123456LEC');
    expect(draft.lines[0]?.extras).toEqual({ 'GL Code': '6100' });
    expect(draft.lines[3]?.description).toBe('Credit for "outage"');
  });

  it('reports an unknown category and a disagreeing invoice total with their lines; skips the subtotal', () => {
    expect(draft.errors.map((e) => [e.row, e.column ?? null])).toEqual([
      [7, 'Category'],
      [8, null],
    ]);
    expect(draft.errors[1]?.message).toMatch(
      /invoice total \$999\.99 differs from \$1,012\.34 on row 2/,
    );
    expect(draft.skipped).toEqual([expect.objectContaining({ row: 9 })]);
  });

  it('reads a pipe-delimited Windows-1252 file with alias headers; a day over 12 settles DMY', () => {
    const pipe = readDraft([fixtureFile('temdesk-pipe-1252.txt')]);
    expect(pipe.dateOrder).toBe('DMY');
    expect(pipe.invoices.map((i) => [i.carrierName, i.invoiceNumber, i.invoiceDate])).toEqual([
      ['Bell Canada', 'B-0324', '2024-03-25'],
      ['Bell Canada', 'B-0424', '2024-04-03'],
    ]);
    expect(pipe.lines[0]).toMatchObject({
      description: "Ligne d'accès",
      extras: { Site: 'Montréal' },
    });
  });

  it('reads after a preamble and a French second header, skipping cost-center totals', () => {
    const report = readDraft([fixtureFile('temdesk-preamble-two-headers.csv')]);
    expect(report.lines.map((l) => l.sourceRow)).toEqual([7, 8, 10]);
    expect(totalOf(report.lines)).toBe(127_80);
    expect(report.skipped.map((s) => s.row)).toEqual([6, 9, 11, 12]);
  });
});
