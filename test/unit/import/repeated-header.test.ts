/**
 * The header printed again further down a bill (a report's header on each page, or two exports
 * joined into one file) and a report's page numbers (`Page 2 of 3`) are no charge and no error:
 * each is listed as skipped, with its line, and the rows around it are read. They were row errors
 * ("not a date / not an amount", "the row is cut short"), and the CLI stopped the run for them.
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
const PAGE = 'Not imported: a page number of a report ("Page 2 of 3"), not a charge.';

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
        {
          name: 'Bill',
          rows: [header, cells('555-010-0001'), ['Page 1 of 2'], header, cells('555-010-0002')],
        },
      ],
    });
    const draft = draftOf(readBill([{ name: 'bill.xlsx', bytes }]));
    expect(draft.errors).toEqual([]);
    expect(draft.lines).toHaveLength(2);
    expect(draft.skipped).toEqual([
      { sourceFile: 'bill.xlsx', row: 3, reason: PAGE },
      { sourceFile: 'bill.xlsx', row: 4, reason: REASON },
    ]);
  });

  it('is skipped with the page number line before it', () => {
    const text = [
      HEADER,
      row('555-010-0001'),
      'Page 1 of 2',
      HEADER,
      row('555-010-0002'),
      '- Page 2 of 2 -,,,,,,,',
      '',
    ];
    const draft = draftOf(readBill([{ name: 'bill.csv', bytes: strToU8(text.join('\n')) }]));
    expect(draft.errors).toEqual([]);
    expect(draft.lines).toHaveLength(2);
    expect(draft.skipped).toEqual([
      { sourceFile: 'bill.csv', row: 3, reason: PAGE },
      { sourceFile: 'bill.csv', row: 4, reason: REASON },
      { sourceFile: 'bill.csv', row: 6, reason: PAGE },
    ]);
  });

  it('is skipped with a page number the report centred in another cell, in CSV and Excel', () => {
    const text = [HEADER, row('555-010-0001'), ',,,Page 2 of 3,,,,', row('555-010-0002'), ''];
    const draft = draftOf(readBill([{ name: 'bill.csv', bytes: strToU8(text.join('\n')) }]));
    expect(draft.errors).toEqual([]);
    expect(draft.lines).toHaveLength(2);
    expect(draft.skipped).toEqual([{ sourceFile: 'bill.csv', row: 3, reason: PAGE }]);
    const cells = (line: string) => line.split(',').map((cell) => (cell === '' ? null : cell));
    const bytes = buildXlsx({
      sheets: [{ name: 'Bill', rows: text.slice(0, 4).map(cells) }],
    });
    const sheet = draftOf(readBill([{ name: 'bill.xlsx', bytes }]));
    expect(sheet.errors).toEqual([]);
    expect(sheet.lines).toHaveLength(2);
    expect(sheet.skipped).toEqual([{ sourceFile: 'bill.xlsx', row: 3, reason: PAGE }]);
  });

  it('is a row like any other when one of its cells differs (data, or another layout)', () => {
    const other = HEADER.replace('Invoice Total', 'Total');
    const page = row('555-010-0003').replace('Lumen', 'Page 3');
    const text = [HEADER, row('555-010-0001'), other, page, ''].join('\n');
    const draft = draftOf(readBill([{ name: 'bill.csv', bytes: strToU8(text) }]));
    expect(draft.skipped).toEqual([]);
    expect(draft.errors.map((error) => error.row)).toContain(3);
    // A row whose first cell says "Page 3" and whose others hold a charge is that charge.
    expect(draft.lines.map((line) => line.serviceIdRaw)).toEqual(['555-010-0001', '555-010-0003']);
  });
});
