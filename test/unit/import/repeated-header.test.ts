/**
 * The header printed again further down a bill (a report's header on each page, or two exports
 * joined into one file) is no charge and no error: it is listed as skipped, with its line, and
 * the rows around it are read. It was four "not a date / not an amount" errors on the line, and
 * the CLI stopped the run for them.
 */
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ReadOutcome } from '../../../shared/import/read-bill';
import { VERIZON_LINE_HEADER } from '../../../shared/sample/verizon';
import { buildXlsx, STYLE } from '../../helpers/xlsx-build';
import { readBill } from '../../helpers/read-bill';

const HEADER =
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount,Invoice Total';
const row = (service: string) => `Lumen,5-KE4X-001,754240482,2026-10-01,${service},MRC,45.00,90.00`;
const REASON =
  'Not imported: the column names again, below the header (a header repeated on each page of a report, or two exports joined into one file).';

function draftOf(outcome: ReadOutcome) {
  if (outcome.kind !== 'draft') throw new Error(`${outcome.kind}: ${JSON.stringify(outcome)}`);
  return outcome.draft;
}

describe('a header repeated below the header', () => {
  it('is skipped in a CSV bill, with its line; the rows after it are read', () => {
    const text = [
      HEADER,
      row('555-010-0001'),
      '',
      `"${HEADER.replaceAll(',', '","')}"`,
      row('555-010-0002'),
      '',
    ];
    const draft = draftOf(readBill([{ name: 'bill.csv', bytes: strToU8(text.join('\r\n')) }]));
    expect(draft.errors).toEqual([]);
    expect(draft.lines.map((line) => [line.serviceIdRaw, line.amount])).toEqual([
      ['555-010-0001', 4500],
      ['555-010-0002', 4500],
    ]);
    expect(draft.skipped).toEqual([{ sourceFile: 'bill.csv', row: 4, reason: REASON }]);
  });

  it("is skipped in a Verizon line summary (two months' exports pasted together)", () => {
    const columns = VERIZON_LINE_HEADER.join('\t');
    const usage = ['100', '10', '1024', '1', '0.001', '0', '0', '0', '0', '0'];
    const line = (cycle: string, invoice: string) =>
      [
        ...['', cycle, '123456789-00001', '09/08/21', invoice, 'Jul 17 -Aug 16 '],
        ...['555-000-0001', 'JO', 'N/A', '', 'PLAN', '0.00', '40.00', '0.00', '0.00', '0.00'],
        ...['0.00', '0.00', '40.00', ...usage],
      ].join('\t');
    const text = [
      columns,
      line('Aug 16, 2021', '9876543210'),
      columns,
      line('Sep 16, 2021', '9876543211'),
      '',
    ];
    const draft = draftOf(
      readBill([{ name: 'Account & Wireless Summary.txt', bytes: strToU8(text.join('\r\n')) }]),
    );
    expect(draft.errors).toEqual([]);
    expect(draft.invoices.map((invoice) => invoice.invoiceNumber).sort()).toEqual([
      '9876543210',
      '9876543211',
    ]);
    expect(draft.skipped).toEqual([
      { sourceFile: 'Account & Wireless Summary.txt', row: 3, reason: REASON },
    ]);
  });

  it('is skipped in an Excel sheet', () => {
    const header = HEADER.split(',');
    const cells = (service: string) => [
      'Lumen',
      '5-KE4X-001',
      '754240482',
      { n: 46296, style: STYLE.date },
      service,
      'MRC',
      { n: 45, style: STYLE.currency },
      { n: 90, style: STYLE.currency },
    ];
    const bytes = buildXlsx({
      sheets: [
        { name: 'Bill', rows: [header, cells('555-010-0001'), header, cells('555-010-0002')] },
      ],
    });
    const draft = draftOf(readBill([{ name: 'bill.xlsx', bytes }]));
    expect(draft.errors).toEqual([]);
    expect(draft.lines).toHaveLength(2);
    expect(draft.skipped).toEqual([{ sourceFile: 'bill.xlsx', row: 3, reason: REASON }]);
  });

  it('is a row like any other when one of its cells differs (data, or another layout)', () => {
    const other = HEADER.replace('Invoice Total', 'Total');
    const text = [HEADER, row('555-010-0001'), other, ''].join('\n');
    const draft = draftOf(readBill([{ name: 'bill.csv', bytes: strToU8(text) }]));
    expect(draft.skipped).toEqual([]);
    expect(draft.errors.map((error) => error.row)).toContain(3);
  });
});
