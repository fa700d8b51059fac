import { describe, expect, it } from 'vitest';
import { suggestionsFromText } from '../../../shared/billing/pdf-suggestions';

const pick = (text: string) =>
  suggestionsFromText(text).map(({ field, value }) => [field, value] as const);

describe('suggestionsFromText', () => {
  it('reads a small carrier bill header', () => {
    const text = [
      'Northwind Telecom',
      'Account Number: 88-1200-7',
      'Invoice Number: NW-2026-1104',
      'Invoice Date: November 1, 2026',
      'Payment Due Date: 11/25/2026',
      'Total Current Charges $1,234.56',
    ].join('\n');
    expect(pick(text)).toEqual([
      ['accountNumber', '88-1200-7'],
      ['invoiceNumber', 'NW-2026-1104'],
      ['invoiceDate', '2026-11-01'],
      ['dueDate', '2026-11-25'],
      ['statedTotal', '1234.56'],
    ]);
  });

  it('keeps where each value was found', () => {
    const [account] = suggestionsFromText('ACCOUNT #  5-KE4X-001   page 1');
    expect(account).toEqual({
      field: 'accountNumber',
      value: '5-KE4X-001',
      found: 'ACCOUNT # 5-KE4X-001',
    });
  });

  it.each<[string, string, [string, string][]]>([
    [
      'upper case, "No."',
      'INVOICE NO. 754240482 BILL DATE 03/01/26',
      [
        ['invoiceNumber', '754240482'],
        ['invoiceDate', '2026-03-01'],
      ],
    ],
    [
      'day-month-year with a month name',
      'Statement Date 01-Mar-2026',
      [['invoiceDate', '2026-03-01']],
    ],
    ['ISO date, "Please pay by"', 'Please pay by 2026-03-21', [['dueDate', '2026-03-21']]],
    [
      'amount due and a total, both offered',
      'Total Current Charges: $950.00\nAmount Due $1,200.00',
      [
        ['statedTotal', '950.00'],
        ['statedTotal', '1200.00'],
      ],
    ],
    ['amount on the next line', 'Amount Due\n$ 85.10', [['statedTotal', '85.10']]],
  ])('%s', (_name, text, expected) => {
    expect(pick(text)).toEqual(expected);
  });

  it('offers a value repeated on every page once', () => {
    const page = 'Account Number 12345678 Invoice Date 10/01/2026';
    expect(pick(`${page}\f${page}\f${page}`)).toEqual([
      ['accountNumber', '12345678'],
      ['invoiceDate', '2026-10-01'],
    ]);
  });

  it('suggests nothing from words that only look like labels', () => {
    expect(
      pick('Account Summary\nInvoice Date: to be confirmed\nDue upon receipt\nTotal Charges N/A'),
    ).toEqual([]);
  });

  it('does not take an impossible date', () => {
    expect(pick('Invoice Date: 02/30/2026')).toEqual([]);
  });
});
