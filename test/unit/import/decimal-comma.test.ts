/**
 * TEM Desk's charge-line layout written the European way (`;`, `1.234,56`, `45,00`): read with a
 * decimal comma when its amounts say so unmistakably, never by guess.
 */
import { describe, expect, it } from 'vitest';
import { decimalSeparatorOf } from '../../../shared/money/decimal-text';
import { readDraft, totalOf } from './fixtures';

const HEADER =
  'Carrier;Account Number;Invoice Number;Invoice Date;Service ID;Category;Quantity;Amount;Invoice Total';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decimalSeparatorOf', () => {
  it.each<[string, string[], string]>([
    ['a comma before two final digits', ['1.234,56', '45,00'], ','],
    ['a comma before one final digit, signed and with a symbol', ['-€12,5'], ','],
    ['a thousands point and a decimal comma', ['1.234,5678'], ','],
    ['a decimal point', ['45.00'], '.'],
    ['thousands commas and a decimal point', ['1,234.56'], '.'],
    ['amounts that read either way (thousands or decimals)', ['1,234', '1.234', '45'], '.'],
    [
      'a point anywhere wins over commas (the file mixes: its rows will say so)',
      ['45,00', '12.50'],
      '.',
    ],
    ['nothing', [], '.'],
  ])('%s', (_name, amounts, expected) => {
    expect(decimalSeparatorOf(amounts)).toBe(expected);
  });
});

describe('the charge-line layout with decimal commas', () => {
  it('reads every amount, total and quantity to the cent', () => {
    const draft = readDraft([
      {
        name: 'vodafone.csv',
        bytes: bytes(
          [
            HEADER,
            'Vodafone Business;DE-44001;VF-2610-77;2026-10-31;+49 151 2345678;Recurring;1;1.234,56;1.530,10',
            'Vodafone Business;DE-44001;VF-2610-77;2026-10-31;+49 151 2345679;Usage;0,5;45,00;1.530,10',
            'Vodafone Business;DE-44001;VF-2610-77;2026-10-31;+49 151 2345679;Credit;1;-12,50;1.530,10',
            'Vodafone Business;DE-44001;VF-2610-77;2026-10-31;;Tax;;263,04;1.530,10',
            '',
          ].join('\n'),
        ),
      },
    ]);
    expect(draft.errors).toEqual([]);
    expect(draft.lines.map((line) => [line.amount, line.quantity ?? null])).toEqual([
      [1234_56, 1],
      [45_00, 0.5],
      [-12_50, 1],
      [263_04, null],
    ]);
    expect(totalOf(draft.lines)).toBe(1530_10);
    expect(draft.invoices[0]?.statedTotal).toBe(1530_10);
  });

  it('refuses, row by row, a file whose amounts are written both ways', () => {
    const draft = readDraft([
      {
        name: 'mixed.csv',
        bytes: bytes(
          [
            HEADER,
            'Lumen;5-KE4X-001;754240482;2026-10-01;555-010-0001;Recurring;1;45,00;',
            'Lumen;5-KE4X-001;754240482;2026-10-01;555-010-0002;Recurring;1;12.50;',
            '',
          ].join('\n'),
        ),
      },
    ]);
    expect(draft.errors.map((error) => [error.row, error.value])).toEqual([[2, '45,00']]);
  });
});
