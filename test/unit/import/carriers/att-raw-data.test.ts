import { describe, expect, it } from 'vitest';
import { attPathCategory } from '../../../../shared/import/profiles/att-raw-data';
import type { Cents } from '../../../../shared/money/cents';
import { readDraft, totalOf } from '../fixtures';
import { carrierFile, editedCarrierFile } from './carrier-fixtures';

const FILE = 'att-raw-data-output.synthetic.txt';

describe('AT&T Mobility Raw Data Output (pipe, record type per row)', () => {
  const draft = readDraft([carrierFile(FILE)]);

  it('reads one invoice per FAN invoice, from its BIL and IRA rows', () => {
    expect(draft.profileId).toBe('att-raw-data');
    expect(draft.invoices).toEqual([
      expect.objectContaining({
        carrierName: 'AT&T Mobility',
        accountNumber: '00990011',
        invoiceNumber: '70010001',
        invoiceDate: '2026-10-16',
        dueDate: '2026-11-10',
        statedTotal: 1568_81,
      }),
    ]);
  });

  it('keeps where the bill is paid ("Remit To (address)"), for the payment file', () => {
    expect(draft.invoices[0]?.remitTo).toBe(
      'AT&T Mobility, PO Box 6463, Carol Stream, IL 60197-6463',
    );
  });

  it('reconciles: the SL charge lines add up to the IRA total current charges', () => {
    expect(totalOf(draft.lines)).toBe(1568_81);
    expect(draft.warnings).toBeUndefined();
    expect(draft.errors).toEqual([]);
  });

  it('never reads balances, payments, totals or descriptive rows as charges', () => {
    const reasons = draft.skipped.map((row) => [row.row, row.reason]);
    expect(reasons).toEqual([
      [4, expect.stringContaining('no amount')],
      [5, expect.stringContaining('balance')],
      [6, expect.stringContaining('balance')],
      [14, expect.stringContaining('Total Wireless Charges')],
      [15, expect.stringContaining('balance')],
      [16, expect.stringContaining('balance')],
    ]);
    expect(draft.lines.some((line) => /Prior Activity|Total/.test(line.description))).toBe(false);
  });

  it('keeps each line with its BAN, wireless number and section path as category', () => {
    const plan = draft.lines.find((line) => line.sourceRow === 10);
    expect(plan).toMatchObject({
      serviceIdRaw: '5550100001',
      serviceKey: '+15550100001',
      description: 'Wireless Charges › Monthly Charges › Business Unlimited Plus',
      category: 'recurring',
      amount: 65_00,
      accountNumber: '287000111',
      extras: { 'Billing Account Number': '287000111' },
    });
    const equipment = draft.lines.find((line) => line.sourceRow === 8);
    expect(equipment).toMatchObject({
      serviceIdRaw: '',
      category: 'equipment',
      amount: 2393_00,
      quantity: 1,
      extras: { 'Billing Account Number': '287000111' },
    });
    expect(equipment?.description).toMatch(
      /^Account Charges › .* › Equipment Charge › .*\(BAN 287000111\)$/,
    );
    const bans = new Set(draft.lines.map((line) => line.accountNumber));
    expect(bans).toEqual(new Set(['287000111', '287000222']));
  });

  it('reads $0.00, ($948.03), -$29.45, $.15 and "2,393.00" to the cent; zero lines are left out', () => {
    const amounts = draft.lines.map((line) => line.amount);
    expect(amounts).toContain(-948_03);
    expect(amounts).toContain(-29_45);
    expect(amounts).toContain(15);
    expect(amounts).toContain(2393_00);
    expect(amounts).not.toContain(0);
  });

  it('points at file, row and column when an amount cannot be read, and keeps the rest', () => {
    const broken = readDraft([
      editedCarrierFile(FILE, (text) => text.replace('|$65.00|', '|6S.00|')),
    ]);
    expect(broken.errors).toEqual([
      expect.objectContaining({ sourceFile: FILE, row: 10, column: 'Amount', value: '6S.00' }),
    ]);
    expect(broken.errors[0]?.message).toMatch(/^Row 10, column "Amount": /);
    expect(totalOf(broken.lines)).toBe(1568_81 - 65_00);
    expect(broken.warnings?.[0]?.message).toMatch(/states a total of \$1,568\.81/);
  });

  it('refuses a bill line that comes before any FAN invoice', () => {
    const lines = new TextDecoder().decode(carrierFile(FILE).bytes).split('\n');
    const reordered = [lines[0], lines[9], ...lines.slice(1, 9), ...lines.slice(10)].join('\n');
    const draftOut = readDraft([{ name: FILE, bytes: new TextEncoder().encode(reordered) }]);
    expect(draftOut.errors[0]?.message).toMatch(/before any IRA row/);
  });

  it('reads each line’s Period (no year) against its invoice, the cycle ahead billed in advance too', () => {
    expect(draft.lines.find((line) => line.sourceRow === 10)).toMatchObject({
      periodStart: '2026-09-17',
      periodEnd: '2026-10-16',
    });
    // A first bill: the past cycle and the next one, each $65.00 — not a charge billed twice.
    const lines = new TextDecoder().decode(carrierFile(FILE).bytes).split('\n');
    const plan = lines[9] ?? '';
    const advance = plan.replace('|09/17-10/16|', '|10/17-11/16|');
    const withAdvance = readDraft([
      {
        name: FILE,
        bytes: new TextEncoder().encode(
          [...lines.slice(0, 10), advance, ...lines.slice(10)]
            .join('\n')
            .replace('1568.81', '1633.81'),
        ),
      },
    ]);
    expect(
      withAdvance.lines
        .filter(
          (line) =>
            line.serviceIdRaw === '5550100001' &&
            line.description.endsWith('Business Unlimited Plus'),
        )
        .map((line) => [line.periodStart, line.periodEnd, line.amount]),
    ).toEqual([
      ['2026-09-17', '2026-10-16', 65_00],
      ['2026-10-17', '2026-11-16', 65_00],
    ]);
    expect(withAdvance.errors).toEqual([]);
    expect(totalOf(withAdvance.lines)).toBe(1633_81);
  });

  it('reads items named like balances or totals below the section levels as charges', () => {
    const renamed = readDraft([
      editedCarrierFile(FILE, (text) =>
        text
          .replace('|Roaming data pass|', '|Payment arrangement fee|')
          .replace('|Business Unlimited Plus|', '|Total Protection Plan|'),
      ),
    ]);
    expect(totalOf(renamed.lines)).toBe(1568_81);
    expect(renamed.skipped).toHaveLength(draft.skipped.length);
  });

  it.each([
    [['Wireless Charges', 'Government Fees & Taxes', 'State Sales Tax'], 100, 'tax'],
    [['Account Charges', 'Company Fees & Surcharges', 'Administrative Fee'], 100, 'surcharge'],
    [
      ['Account Charges', 'Credits, Adjustments & Other Charges', 'Equipment Charge'],
      100,
      'equipment',
    ],
    [['Account Charges', 'Credits, Adjustments & Other Charges', 'Promo'], -100, 'credit'],
    [['Wireless Charges', 'Activity Since Last Bill', 'Roaming'], 100, 'usage'],
    [['Account Charges', 'Late Payment Charge'], 100, 'late-fee'],
    [
      ['Wireless Charges', 'Credits, Adjustments & Other Charges', 'Activation Fee'],
      100,
      'one-time',
    ],
    [['Wireless Charges', 'Other Charges', 'Early Termination Fee'], 100, 'one-time'],
    [
      ['Wireless Charges', 'Surcharges & Other Fees', 'Regulatory Cost Recovery Fee'],
      100,
      'surcharge',
    ],
    // A negative line whose own name says credit is a credit, whatever else it names.
    [['Credits', 'Promotional Credit', 'Device trade-in credit'], -94803, 'credit'],
    [['Wireless Charges', 'Equipment', 'Device promotion credit'], -1000, 'credit'],
    [['Wireless Charges', 'Credits', 'Activation fee credit'], -3500, 'credit'],
    [['Account Charges', 'Late payment charge credit'], -500, 'credit'],
    [['Wireless Charges', 'Government Fees & Taxes', 'Sales tax credit'], -120, 'tax'],
    // A positive one (a credit taken back) is filed by what it names.
    [['Wireless Charges', 'Equipment', 'Device promotion credit reversal'], 1000, 'equipment'],
  ] as const)('files %j (%i cents) as %s', (path, amount, category) => {
    expect(attPathCategory(path, amount as Cents)).toBe(category);
  });
});
