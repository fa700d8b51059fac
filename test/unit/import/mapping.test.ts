import { describe, it, expect } from 'vitest';
import type { ChargeField } from '../../../shared/import/charge-rows';
import type { ColumnMapping, MappedField } from '../../../shared/import/mapping';
import {
  applyMapping,
  describeDrift,
  guessMapping,
  headerSignature,
  mappingProblems,
} from '../../../shared/import/mapping';
import { summaryRowReason } from '../../../shared/import/summary-rows';

/** The guessed field of each header, leaving out ignored columns. */
function guessed(header: string[]): Partial<Record<ChargeField, string>> {
  const fields: Partial<Record<ChargeField, string>> = {};
  for (const [name, field] of Object.entries(guessMapping(header).columns)) {
    if (field !== 'ignore') fields[field] = name;
  }
  return fields;
}

describe('guessMapping', () => {
  it.each<[string, string[], Partial<Record<ChargeField, string>>]>([
    [
      'wireline vendor export',
      [
        'Vendor',
        'Customer Acct Nbr',
        'Bill Date',
        'Circuit',
        'Charge Description',
        'Monthly Cost',
        'Tax',
      ],
      {
        carrier: 'Vendor',
        accountNumber: 'Customer Acct Nbr',
        invoiceDate: 'Bill Date',
        serviceId: 'Circuit',
        description: 'Charge Description',
        amount: 'Monthly Cost',
      },
    ],
    [
      'AP system extract',
      [
        'Invoice #',
        'Invoice Date',
        'Due Date',
        'BTN',
        'Item',
        'Charge Type',
        'Qty',
        'Total',
        'Amount',
        'Amount Due',
      ],
      {
        invoiceNumber: 'Invoice #',
        invoiceDate: 'Invoice Date',
        dueDate: 'Due Date',
        serviceId: 'BTN',
        description: 'Item',
        category: 'Charge Type',
        quantity: 'Qty',
        amount: 'Amount',
        invoiceTotal: 'Amount Due',
      },
    ],
    [
      'UCaaS seat bill',
      [
        'Provider',
        'BAN',
        'Statement Date',
        'Service From',
        'Service To',
        'Phone Number',
        'Product',
        'Charges',
      ],
      {
        carrier: 'Provider',
        accountNumber: 'BAN',
        invoiceDate: 'Statement Date',
        periodStart: 'Service From',
        periodEnd: 'Service To',
        serviceId: 'Phone Number',
        description: 'Product',
        amount: 'Charges',
      },
    ],
    [
      'Verizon-like with a cost center (not money)',
      [
        'Account Number',
        'Invoice Number',
        'Bill Cycle Date',
        'Wireless Number',
        'Cost Center',
        'Total Charges',
      ],
      {
        accountNumber: 'Account Number',
        invoiceNumber: 'Invoice Number',
        invoiceDate: 'Bill Cycle Date',
        serviceId: 'Wireless Number',
        amount: 'Total Charges',
      },
    ],
  ])('%s', (_name, header, expected) => {
    expect(guessed(header)).toEqual(expected);
  });

  it('starts with auto dates, dot decimals, signs as written and a stable id', () => {
    const guess = guessMapping(['Date', 'Amount']);
    expect(guess).toMatchObject({
      dateOrder: 'auto',
      decimal: '.',
      signConvention: 'as-is',
      carrierName: '',
    });
    expect(guessMapping(['date', 'AMOUNT']).id).toBe(guess.id);
  });
});

describe('headerSignature', () => {
  it.each<[string[], string[], boolean]>([
    [['Account Number', 'Amount'], ['account number', 'AMOUNT'], true],
    [['Taxes, and Fees', 'X'], ['Taxes and Fees', 'X'], true],
    [['A', 'B'], ['A', 'B', '', ''], true],
    [['A', 'B'], ['B', 'A'], false],
    [['A', 'B'], ['A', 'C'], false],
  ])('%j vs %j → same: %s', (a, b, same) => {
    expect(headerSignature(a) === headerSignature(b)).toBe(same);
  });
});

const header = [
  'Vendor',
  'Customer Acct Nbr',
  'Bill Date',
  'Circuit',
  'Charge Description',
  'Monthly Cost',
  'Kind',
];
function mapping(
  overrides: Partial<ColumnMapping> = {},
  columns: Record<string, MappedField> = {},
): ColumnMapping {
  const guess = guessMapping(header);
  return { ...guess, ...overrides, columns: { ...guess.columns, ...columns } };
}

describe('applyMapping', () => {
  const rows = [
    { line: 2, cells: ['Zayo', 'Z-55', '02/13/2024', 'ZY/ETH/000123', 'Wave 10G', '4,200.00', ''] },
    {
      line: 3,
      cells: ['Zayo', 'Z-55', '02/13/2024', 'ZY/ETH/000123', 'SLA credit', '150.00', 'Credit'],
    },
    { line: 4, cells: ['', '', '', '', 'Total', '4,350.00', ''] },
  ];

  it('reads with numbers made from account and date, a default category and credits made negative', () => {
    const result = applyMapping(
      { header, rows },
      mapping(
        { signConvention: 'credits-positive', defaultCategory: 'recurring' },
        { Kind: 'category' },
      ),
      'zayo.csv',
      'MDY',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const draft = result.value;
    expect(draft.profileId).toMatch(/^mapping:guess-/);
    expect(draft.invoices.map((i) => [i.carrierName, i.invoiceNumber, i.invoiceDate])).toEqual([
      ['Zayo', 'Z-55-20240213', '2024-02-13'],
    ]);
    expect(draft.lines.map((l) => [l.category, l.amount, l.serviceKey])).toEqual([
      ['recurring', 4200_00, 'ZYETH000123'],
      ['credit', -150_00, 'ZYETH000123'],
    ]);
    expect(draft.skipped.map((s) => s.row)).toEqual([4]);
  });

  it('reads decimal commas when told', () => {
    const result = applyMapping(
      {
        header,
        rows: [{ line: 2, cells: ['Zayo', 'Z-55', '13/02/2024', 'C1', 'Wave', '4.200,50', ''] }],
      },
      mapping({ decimal: ',', dateOrder: 'DMY' }),
      'zayo.csv',
    );
    expect(result.ok && result.value.lines[0]?.amount).toBe(4200_50);
  });

  it.each<[string, Record<string, MappedField>, Partial<ColumnMapping>, RegExp]>([
    ['no amount', { 'Monthly Cost': 'ignore' }, {}, /amount/],
    ['no invoice date', { 'Bill Date': 'ignore' }, {}, /invoice date/],
    ['no carrier', { Vendor: 'ignore' }, {}, /carrier/],
    [
      'no invoice number nor account',
      { 'Customer Acct Nbr': 'ignore' },
      {},
      /invoice number column, or the account/,
    ],
  ])('refuses a mapping with %s', (_name, columns, overrides, message) => {
    const broken = mapping(overrides, columns);
    expect(mappingProblems(header, broken).join(' ')).toMatch(message);
    const result = applyMapping({ header, rows }, broken, 'x.csv', 'MDY');
    expect(result.ok).toBe(false);
  });

  it('accepts a typed carrier name and account instead of columns', () => {
    const typed = mapping(
      { carrierName: 'Zayo', accountNumber: 'Z-1' },
      { Vendor: 'ignore', 'Customer Acct Nbr': 'ignore' },
    );
    expect(mappingProblems(header, typed)).toEqual([]);
  });
});

describe('describeDrift', () => {
  it('names the missing and the new columns', () => {
    expect(
      describeDrift(
        ['Wireless Number', 'Monthly Charges', 'Total Charges'],
        ['wireless number', 'Monthly Access Charges', 'Total Charges'],
      ),
    ).toEqual({ missing: ['Monthly Charges'], added: ['Monthly Access Charges'] });
  });
});

describe('summaryRowReason', () => {
  it.each<[string, string[], number[], boolean]>([
    ['Total label', ['Total', '', '12.00'], [1], true],
    ['Grand Total', ['Grand Total', '', '12.00'], [1], true],
    ['Subtotal in an identifying cell', ['', 'Subtotal', '12.00'], [1], true],
    ['Sub-total', ['Sub-Total:', '', '12.00'], [1], true],
    ['Total for Cost Center :', ['Total for Cost Center : 100', '', '67.80'], [1], true],
    ['Account Total', ['Account Total', '', '1.00'], [], true],
    ['French Sous-total', ['Sous-total', '', '1.00'], [], true],
    ['blank identifiers, only amounts', ['', '', '$1,012.34', '(5.00)'], [0, 1], true],
    ['detail row', ['Lumen', '5551234567', '12.00'], [1], false],
    [
      'charge named Total Equipment Protection',
      ['Lumen', '5551234567', 'Total Equipment Protection', '12.00'],
      [1],
      false,
    ],
    ['blank identifiers but a description', ['', '', 'Late fee', '5.00'], [0, 1], false],
  ])('%s → %s', (_name, cells, identifying, isSummary) => {
    expect(summaryRowReason(cells, identifying) !== null).toBe(isSummary);
  });

  it.each<[string, string[], boolean]>([
    [
      'a "Total" description on an otherwise filled row',
      ['Windstream', 'W-1', '', 'Total', '912.34'],
      true,
    ],
    [
      '"Total Equipment Protection" is a charge',
      ['Windstream', 'W-1', '555', 'Total Equipment Protection', '9.00'],
      false,
    ],
    ...[
      'Total Due',
      'Total Charges',
      'Total Current Charges',
      'Total Amount Due',
      'TOTAL NEW CHARGES',
      'Total this invoice',
      'Total Balance Due:',
    ].map((label): [string, string[], boolean] => [
      `a "${label}" description`,
      ['Windstream', 'W-1', '', label, '2,100.00'],
      true,
    ]),
    ...['Total Mobile Protection', 'Total Care Plan', 'Totally Unlimited'].map(
      (label): [string, string[], boolean] => [
        `"${label}" is a charge`,
        ['Windstream', 'W-1', '555', label, '9.00'],
        false,
      ],
    ),
  ])('label cells: %s → %s', (_name, cells, isSummary) => {
    expect(summaryRowReason(cells, [1, 2], [3]) !== null).toBe(isSummary);
  });
});
