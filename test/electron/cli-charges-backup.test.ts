/**
 * The audit's charges.csv holds the lines of every invoice in invoices.csv: those of the bills read
 * in this run and those of the invoices a --workspace backup brought (kept as charge blocks), so
 * each invoice's lines in charges.csv add up to its lines total.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { chargesCsv } from '../../electron/cli/audit-command';
import { centsOfText } from '../helpers/chargeback-csv';
import { makeDraftInvoice, makeDraftLine } from '../helpers/drafts';
import { bills, day, line } from '../unit/allocation/helpers';

// i1 came in the backup (its lines only as charge blocks); i2 was read from this run's bills.
const { invoices, blocks } = bills([
  {
    id: 'i1',
    lines: [
      line('s1', 'recurring', 33_33),
      line('s2', 'credit', -10_01),
      line('', 'tax', 1_07, { quantity: 2 }),
      line('s1', 'usage', 1, { periodStart: day('2026-09-01'), periodEnd: day('2026-09-30') }),
    ],
  },
  { id: 'i2', lines: [line('s3', 'recurring', 12_34)] },
]);
const read = makeDraftLine(makeDraftInvoice(), 'recurring', 12_34);
const workspace = {
  carriers: [{ id: 'vz', name: 'Verizon Wireless' }],
  invoices: [...invoices],
  chargeBlocks: [...blocks],
  lines: [{ invoiceId: 'i2', line: read }],
};

describe('charges.csv with a --workspace backup', () => {
  const rows = Papa.parse<Record<string, string>>(chargesCsv(workspace).replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;

  it('holds the lines of every invoice, each invoice adding up to its lines total', () => {
    for (const invoice of invoices) {
      const own = rows.filter((row) => row['Invoice Number'] === invoice.invoiceNumber);
      expect(own.reduce((sum, row) => sum + centsOfText(row['Amount'] ?? ''), 0)).toBe(
        invoice.linesTotal,
      );
    }
    expect(rows).toHaveLength(5);
  });

  it('writes a backup line as a bill line is written', () => {
    expect(rows[2]).toMatchObject({
      'Invoice Number': 'INV-i1',
      Category: 'Taxes',
      Quantity: '2',
      Amount: '1.07',
    });
    expect(rows[3]).toMatchObject({ 'Period Start': '2026-09-01', Amount: '0.01' });
  });
});
