/** Rogers "Cost Centre Detail-Monthly Charges Breakdown": a bill per account and period end, joined by the usage archives. */
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { BillDraft } from '../../../../shared/import/draft';
import { readBills } from '../../../../shared/import/read-bill';
import { readDraft, totalOf } from '../fixtures';
import { carrierFile, editedCarrierFile, AS_WRITTEN } from './carrier-fixtures';

const BREAKDOWN = 'rogers-charges-breakdown.synthetic.txt';

describe('the Rogers charges breakdown', () => {
  const draft = readDraft([carrierFile(BREAKDOWN)], AS_WRITTEN);

  it('is one invoice per account and period end, numbered by them', () => {
    expect(draft.profileId).toBe('rogers-charges');
    expect(draft.invoices).toEqual([
      expect.objectContaining({
        carrierName: 'Rogers',
        accountNumber: '800123456',
        invoiceNumber: '800123456-20260320',
        invoiceDate: '2026-03-20',
        periodEnd: '2026-03-20',
        statedTotal: null,
      }),
    ]);
  });

  it('files each non-zero charge column by its name and each tax as a tax, never the totals', () => {
    const byLine = (number: string) =>
      draft.lines
        .filter((line) => line.serviceIdRaw === number)
        .map((line) => [line.description, line.category, line.amount]);
    expect(byLine('4165550101')).toEqual([
      ['Monthly Service Fee', 'recurring', 70_00],
      ['Credits and Discounts', 'credit', -10_00],
      ['HST', 'tax', 7_80],
    ]);
    expect(byLine('4165550102')).toEqual([
      ['Monthly Service Fee', 'recurring', 70_00],
      ['US Roaming Long Distance Charge', 'usage', 4_50],
      ['Other Charges', 'one-time', 5_00],
      ['HST', 'tax', 10_34],
    ]);
    expect(byLine('6475550103')).toEqual([
      ['Monthly Service Fee', 'recurring', 25_00],
      ["Gov't Regulatory Recovery Fee", 'surcharge', 25],
      ['Data Overage Charges', 'usage', 12_75],
      ['HST', 'tax', 4_94],
    ]);
    // 67.80 + 89.84 + 42.94: each row's Total Current Charges, no subtotal added on top.
    expect(totalOf(draft.lines)).toBe(200_58);
  });

  it('skips a subtotal row labelled in its Report Level or User Name column', () => {
    const withSubtotals = editedCarrierFile(BREAKDOWN, (text) => {
      const lines = text.split('\n');
      const row = lines[3] ?? '';
      const inLevel = row.replace(
        '|Subscriber|800123456|4165550101|',
        '|Total for Cost Center :|800123456||',
      );
      const inName = row.replace('|4165550101|Mina Park|', '||Total for Cost Center : CC-100|');
      return [...lines.slice(0, 4), inLevel, inName, ...lines.slice(4)].join('\n');
    });
    const read = readDraft([withSubtotals], AS_WRITTEN);
    // The file's own bad row (row 7, now 9) stays its only error.
    expect(read.errors.map((error) => error.row)).toEqual([9]);
    expect(totalOf(read.lines)).toBe(totalOf(draft.lines));
    expect(read.skipped?.map((skip) => skip.row)).toEqual([5, 6]);
  });

  it('skips a cost centre’s or the account’s roll-up row, which repeats the users’ rows above it', () => {
    // Rows of the report by cost centre with no user number whose totals are the users' rows
    // above them: read as the account's own charges, they billed those users twice ($601.74).
    const rollUp = (level: string, header: string, own?: Record<string, string>) => {
      const values: Record<string, string> = own ?? {
        'Billing Period End Date': '03202026',
        'Report Level': level,
        'Billing Account': '800123456',
        'User Number': '',
        'User Name': '',
        'Monthly Service Fee': '165',
        "Gov't Regulatory Recovery Fee": '0.25',
        'US Roaming Long Distance Charge': '4.5',
        'Data Overage Charges': '12.75',
        'Other Charges': '5',
        'Credits and Discounts': '-10',
        Subtotal: '177.5',
        HST: '23.08',
        'Total Current Charges Taxable': '177.5',
        'Total Current Charges': '200.58',
      };
      return header
        .split('|')
        .map((name) => values[name] ?? (name.startsWith('User') ? '' : '0'))
        .join('|');
    };
    const withRollUps = editedCarrierFile(BREAKDOWN, (text) => {
      const lines = text.split('\n');
      const header = lines[2] ?? '';
      // After the three users that add up (the fourth row is the file's bad row).
      return [
        ...lines.slice(0, 6),
        rollUp('Cost Centre', header),
        rollUp('Account', header),
        ...lines.slice(6),
      ].join('\n');
    });
    const read = readDraft([withRollUps], AS_WRITTEN);
    expect(totalOf(read.lines)).toBe(200_58);
    expect(read.skipped?.map((skip) => [skip.row, skip.reason])).toEqual([
      [
        7,
        'Not imported: a "Cost Centre" roll-up row repeating the users\' rows above it ($200.58 in all), not a charge of its own.',
      ],
      [
        8,
        'Not imported: a "Account" roll-up row repeating the users\' rows above it ($200.58 in all), not a charge of its own.',
      ],
    ]);
    // The account's own charge (no user number, its own amount) is still a charge.
    const withFee = editedCarrierFile(BREAKDOWN, (text) => {
      const lines = text.split('\n');
      const fee = rollUp('Account', lines[2] ?? '', {
        'Billing Period End Date': '03202026',
        'Report Level': 'Account',
        'Billing Account': '800123456',
        'Other Charges': '12.5',
        Subtotal: '12.5',
        HST: '1.63',
        'Total Current Charges Taxable': '12.5',
        'Total Current Charges': '14.13',
      });
      return [...lines.slice(0, 6), fee, ...lines.slice(6)].join('\n');
    });
    expect(totalOf(readDraft([withFee], AS_WRITTEN).lines)).toBe(200_58 + 14_13);
  });

  it('leaves out a row whose charges do not add up to its Subtotal, saying so', () => {
    expect(draft.errors).toEqual([expect.objectContaining({ sourceFile: BREAKDOWN, row: 7 })]);
    expect(draft.errors[0]?.message).toContain('add up to $30.00 but the row says $35.00');
  });
});

describe('the breakdown picked twice, or run per cost centre', () => {
  it('counts a second copy of the download once, saying so', () => {
    const copy = { ...carrierFile(BREAKDOWN), name: 'Rogers breakdown (1).txt' };
    const read = readDraft([carrierFile(BREAKDOWN), copy], AS_WRITTEN);
    expect(read.lines).toHaveLength(readDraft([carrierFile(BREAKDOWN)], AS_WRITTEN).lines.length);
    expect(totalOf(read.lines)).toBe(200_58);
    expect(read.copies).toEqual([
      expect.objectContaining({ sourceFile: copy.name, sameAs: BREAKDOWN }),
    ]);
    // The copy's bad row is said too: each of its rows is accounted for.
    expect(read.errors.map((error) => [error.sourceFile, error.row])).toEqual([
      [BREAKDOWN, 7],
      [copy.name, 7],
    ]);
  });

  it('joins two reports holding different users of one bill', () => {
    const onlyRows = (keep: (line: string) => boolean) =>
      editedCarrierFile(BREAKDOWN, (text) =>
        text
          .split('\n')
          .filter((line, index) => index < 3 || keep(line))
          .join('\n'),
      );
    const first = { ...onlyRows((line) => line.includes('|4165550101|')), name: 'cc-100.txt' };
    const second = { ...onlyRows((line) => !line.includes('|4165550101|')), name: 'cc-200.txt' };
    const read = readDraft([first, second], AS_WRITTEN);
    expect(read.invoices).toHaveLength(1);
    expect(read.copies ?? []).toEqual([]);
    expect(totalOf(read.lines)).toBe(200_58);
  });

  it('joins reports per cost centre that each repeat the account-level row, counting it once', () => {
    // The account's own charges (no user number) stand in every cost centre's report.
    const accountRow = (header: string) => {
      const values: Record<string, string> = {
        'Billing Period End Date': '03202026',
        'Report Level': 'Account',
        'Billing Account': '800123456',
        'User Number': '',
        'User Name': '',
        'Other Charges': '12.5',
        Subtotal: '12.5',
        HST: '1.63',
        'Total Current Charges Taxable': '12.5',
        'Total Current Charges': '14.13',
      };
      return header
        .split('|')
        .map((name) => values[name] ?? '0')
        .join('|');
    };
    const report = (name: string, keep: (line: string) => boolean) => ({
      ...editedCarrierFile(BREAKDOWN, (text) => {
        const lines = text.split('\n');
        const kept = lines.filter((line, index) => index < 3 || (line !== '' && keep(line)));
        return [...kept, accountRow(lines[2] ?? ''), ''].join('\n');
      }),
      name,
    });
    const first = report('cc-100.txt', (line) => line.includes('|4165550101|'));
    const second = report('cc-200.txt', (line) => !line.includes('|4165550101|'));
    const read = readDraft([first, second], AS_WRITTEN);
    expect(read.invoices).toHaveLength(1);
    expect(read.copies ?? []).toEqual([]);
    expect(totalOf(read.lines)).toBe(200_58 + 14_13);
    expect(read.lines.filter((line) => line.serviceIdRaw === '')).toHaveLength(2);
    expect(read.skipped).toEqual([expect.objectContaining({ sourceFile: 'cc-200.txt', row: 7 })]);
  });
});

describe('the Rogers usage archives picked with the breakdown', () => {
  it('join its invoice by the cycle end', () => {
    const fixture = (name: string) =>
      new Uint8Array(
        readFileSync(new URL(`../../../fixtures/carriers/rogers/${name}`, import.meta.url)),
      );
    const sms = {
      name: 'sms.zip',
      bytes: zipSync({
        'Header-SMS.txt': fixture('Header-SMS.txt'),
        'ALL_CALLS-SMS.txt': fixture('ALL_CALLS-SMS.txt'),
      }),
    };
    const outcomes = readBills([carrierFile(BREAKDOWN), sms], AS_WRITTEN);
    const drafts = outcomes.flatMap((o): BillDraft[] => (o.kind === 'draft' ? [o.draft] : []));
    expect(drafts.map((d) => d.profileId)).toEqual(['rogers-charges', 'rogers-usage']);
    expect(drafts[1]?.usageFor?.map((t) => t.invoiceNumber)).toEqual(['800123456-20260320']);
    expect(drafts[1]?.usage.map((u) => [u.serviceKey, u.messages])).toEqual([
      ['+14165550101', 2],
      ['+16475550103', 1],
    ]);
  });
});

describe('the breakdown as the portal names it in a ZIP', () => {
  it('"ALL_CALLS-Custom.txt" with its header row is read as the bill, not as a call file', () => {
    const zip = {
      name: 'Rogers custom.zip',
      bytes: zipSync({ 'ALL_CALLS-Custom.txt': carrierFile(BREAKDOWN).bytes }),
    };
    const draft = readDraft([zip], AS_WRITTEN);
    expect(draft.profileId).toBe('rogers-charges');
    expect(totalOf(draft.lines)).toBe(200_58);
  });
});

describe("the breakdown with the customer's own columns", () => {
  /** The fixture with `column` inserted after `User Name`, its value on each row from `values`. */
  const withColumn = (column: string, values: readonly string[]) =>
    editedCarrierFile(BREAKDOWN, (text) =>
      text
        .split('\n')
        .map((line, index) => {
          if (index < 2 || line === '') return line;
          const cells = line.split('|');
          cells.splice(5, 0, index === 2 ? column : (values[index - 3] ?? ''));
          return cells.join('|');
        })
        .join('\n'),
    );
  const lines = (read: BillDraft) =>
    read.lines.map((line) => [line.serviceIdRaw, line.description, line.category, line.amount]);
  const plain = readDraft([carrierFile(BREAKDOWN)], AS_WRITTEN);

  it.each([
    ['Cost Centre', ['4100', '4200', '4100', '4300']],
    ['Cost Center', ['CC-100', 'CC-200', 'CC-100', 'CC-300']],
    ['Department', ['Sales', 'IT', 'Sales', 'Ops']],
    ['GL Account', ['6420', '6420', '6430', '6420']],
  ])(
    'keeps a "%s" column after User Name as an extra of its lines, never a charge',
    (name, values) => {
      const read = readDraft([withColumn(name, values)], AS_WRITTEN);
      expect(lines(read)).toEqual(lines(plain));
      expect(totalOf(read.lines)).toBe(200_58);
      expect(read.lines[0]?.extras).toEqual({ userName: 'Mina Park', [name]: values[0] });
      // The file's own bad row stays its only error, said as before.
      expect(read.errors.map((error) => [error.row, error.message])).toEqual([
        [7, expect.stringContaining('add up to $30.00 but the row says $35.00') as unknown],
      ]);
      expect(read.errors[0]?.message).not.toContain(name);
    },
  );

  it('keeps a column of numbers of a name it does not know as extras when the rows add up without it', () => {
    const read = readDraft([withColumn('Budget', ['4100', '4200', '4100', '4300'])], AS_WRITTEN);
    expect(lines(read)).toEqual(lines(plain));
    expect(read.lines[0]?.extras).toEqual({ userName: 'Mina Park', Budget: '4100' });
    expect(read.errors.map((error) => [error.row, error.message])).toEqual([
      [
        7,
        'Row 7: the charge columns add up to $30.00 but the row says $35.00; the row is not imported so the invoice stays right. "Budget" (4300) is not one of Rogers\' charge columns and is read as the customer\'s own column, not a charge.',
      ],
    ]);
  });

  it('tells a column of amounts under another name by whether the rows add up with it', () => {
    const read = readDraft(
      [carrierFile('rogers-charges-breakdown-customer-columns.synthetic.txt')],
      AS_WRITTEN,
    );
    // `Travel Pass` makes Raj Singh's row add up: a charge. `Org Unit` (7001…) makes none: his own.
    expect(lines(read)).toEqual([
      ['4165550101', 'Monthly Service Fee', 'recurring', 70_00],
      ['4165550101', 'Credits and Discounts', 'credit', -10_00],
      ['4165550101', 'HST', 'tax', 7_80],
      ['4165550102', 'Monthly Service Fee', 'recurring', 70_00],
      ['4165550102', 'Travel Pass', 'usage', 15_00],
      ['4165550102', 'HST', 'tax', 11_05],
      ['6475550103', 'Monthly Service Fee', 'recurring', 25_00],
      ['6475550103', 'HST', 'tax', 3_25],
    ]);
    expect(totalOf(read.lines)).toBe(67_80 + 96_05 + 28_25);
    expect(read.lines[3]?.extras).toEqual({
      userName: 'Raj Singh',
      'Cost Centre': '4200',
      Department: 'IT',
      'Org Unit': '7002',
    });
    expect(read.lines[6]?.extras).toEqual({
      userName: 'Ana Costa',
      'Cost Centre': '4100',
      'Org Unit': '7001',
    });
    // A row that adds up neither way says which column it read how.
    expect(read.errors.map((error) => [error.row, error.message])).toEqual([
      [
        7,
        'Row 7: the charge columns add up to $30.00 but the row says $35.00; the row is not imported so the invoice stays right. "Org Unit" (7003) is not one of Rogers\' charge columns and is read as the customer\'s own column, not a charge.',
      ],
    ]);
  });
});
