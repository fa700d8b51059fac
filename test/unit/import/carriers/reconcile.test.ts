/**
 * Every invoice of the carrier fixtures reconciles: its stated total is the sum of its lines, to
 * the cent, and no breakdown row (HST by province, Total Taxes, a subtotal) is added on top of
 * its total — changing a breakdown's amount changes nothing that is imported.
 */
import { describe, expect, it } from 'vitest';
import type { BillDraft } from '../../../../shared/import/draft';
import { readDraft, totalOf } from '../fixtures';
import { carrierFile, editedCarrierFile, AS_WRITTEN } from './carrier-fixtures';

const SETS: [string, string[]][] = [
  ['AT&T Raw Data Output', ['att-raw-data-output.synthetic.txt']],
  ['Bell ACC', ['bell-acc.synthetic.csv']],
  ['Bell ACC + MOB', ['bell-acc.synthetic.csv', 'bell-mob.synthetic.csv']],
  [
    'Bell ACC + MOB + DTL',
    ['bell-acc.synthetic.csv', 'bell-mob.synthetic.csv', 'bell-dtl.synthetic.csv'],
  ],
  ['TELUS Invoice Summary', ['telus-invoice-summary.synthetic.txt']],
  [
    'TELUS Summary + Individual + Airtime',
    [
      'telus-invoice-summary.synthetic.txt',
      'telus-individual-detail.synthetic.txt',
      'telus-airtime-detail.synthetic.txt',
    ],
  ],
];

function imported(draft: BillDraft) {
  return {
    invoices: draft.invoices.map((invoice) => [invoice.key, invoice.statedTotal]),
    lines: draft.lines.map((line) => [line.serviceIdRaw, line.category, line.amount]),
  };
}

describe.each(SETS)('%s', (_name, files) => {
  const draft = readDraft(files.map(carrierFile), AS_WRITTEN);

  it('states a total for every invoice, and its lines add up to it', () => {
    expect(draft.invoices.length).toBeGreaterThan(0);
    for (const invoice of draft.invoices) {
      expect(invoice.statedTotal).not.toBeNull();
      const lines = draft.lines.filter((line) => line.invoiceKey === invoice.key);
      expect(totalOf(lines)).toBe(invoice.statedTotal);
    }
    expect(draft.errors).toEqual([]);
    expect(draft.warnings).toBeUndefined();
  });
});

describe('breakdown rows are never added to their totals', () => {
  it.each([
    [
      'Bell ACC HST-ON Tel',
      'bell-acc.synthetic.csv',
      '       8.64,       0.00,       0.00,',
      '     999.99,       0.00,       0.00,',
    ],
    [
      'Bell MOB HST-ON Tel',
      'bell-mob.synthetic.csv',
      '       8.64,       0.00,       8.64,',
      '       8.64,       0.00,     999.99,',
    ],
  ])('changing %s changes nothing imported', (_name, file, from, to) => {
    const before = readDraft(
      [carrierFile('bell-acc.synthetic.csv'), carrierFile('bell-mob.synthetic.csv')],
      AS_WRITTEN,
    );
    const others = ['bell-acc.synthetic.csv', 'bell-mob.synthetic.csv'].filter(
      (name) => name !== file,
    );
    const edited = editedCarrierFile(
      file,
      (text) => {
        expect(text).toContain(from);
        return text.replace(from, to);
      },
      true,
    );
    const after = readDraft([edited, ...others.map(carrierFile)], AS_WRITTEN);
    expect(imported(after)).toEqual(imported(before));
  });

  it('AT&T subtotal rows ("Total Wireless Charges") change nothing imported', () => {
    const file = 'att-raw-data-output.synthetic.txt';
    const before = readDraft([carrierFile(file)], AS_WRITTEN);
    const after = readDraft(
      [editedCarrierFile(file, (text) => text.replace('|$82.04|', '|$9,999.00|'))],
      AS_WRITTEN,
    );
    expect(imported(after)).toEqual(imported(before));
  });
});
