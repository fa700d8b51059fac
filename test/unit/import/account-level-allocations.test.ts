/**
 * Parts of one invoice exported per department whose account-level rows are each department's
 * own share (not one block repeated in every part): every row counts, even one whose amount
 * happens to match a row of another part.
 */
import { describe, expect, it } from 'vitest';
import { readDraft, totalOf } from './fixtures';

const HEADER =
  'Account Number,Wireless Number,User Name,Connection Type,Item Category,Item Description,Charges,Data,Minutes,Messages,Bill Cycle Date,Invoice Number';
const CYCLE = '"Dec 12, 2023 - Jan 11, 2024",INV-88002';

function detail(name: string, rows: string[]) {
  return { name, bytes: new TextEncoder().encode([HEADER, ...rows, ''].join('\r\n')) };
}

function accountRow(description: string, amount: string) {
  return `958000001,,,Account,Taxes & Fees,${description},${amount},,,,${CYCLE}`;
}

describe('T-Mobile detail per department with account-level shares', () => {
  const sales = detail('sales.csv', [
    `958000001,240-780-6053,Ann Lee,Voice,Plans,Business Unlimited,$40.00,0.7309 GB,125,12,${CYCLE}`,
    accountRow('County 911', '$1.00'),
    accountRow('Administration fee', '$2.00'),
  ]);

  /** The field department's part, with its account-level rows at these amounts. */
  const field = (county: string, admin: string) =>
    detail('field.csv', [
      `958000001,480 399-4006,Bob Ray,Voice,Plans,Business Unlimited,$40.00,12.5 GB,0,0,${CYCLE}`,
      accountRow('County 911', county),
      accountRow('Administration fee', admin),
    ]);

  it.each([
    [
      'another share of each: joined, every row counted',
      '$0.50',
      4000 + 100 + 200 + 4000 + 50 + 200,
      [],
    ],
    [
      'the same block repeated: joined, the block counted once',
      '$1.00',
      4000 + 100 + 200 + 4000,
      [3, 4],
    ],
  ])('%s', (_case, county, total, skippedRows) => {
    const draft = readDraft([sales, field(county, '$2.00')]);
    expect(draft.copies ?? []).toEqual([]);
    expect(totalOf(draft.lines)).toBe(total);
    expect(draft.skipped.map((skip) => skip.row)).toEqual(skippedRows);
  });

  it('a block carried from the second part on: the third part repeating it counts it once', () => {
    const lone = detail('lone.csv', [
      `958000001,555-030-0101,Cy Diaz,Voice,Plans,Business Unlimited,$40.00,1 GB,0,0,${CYCLE}`,
    ]);
    const draft = readDraft([lone, sales, field('$1.00', '$2.00')]);
    expect(totalOf(draft.lines)).toBe(4000 + 4000 + 100 + 200 + 4000);
  });

  it('a re-export of a part with its numbers written otherwise: a copy, counted once', () => {
    const text = new TextDecoder().decode(sales.bytes).replace('240-780-6053', '2407806053');
    const copy = { name: 'sales (1).csv', bytes: new TextEncoder().encode(text) };
    const draft = readDraft([sales, copy]);
    expect(draft.copies?.map((c) => c.sourceFile)).toEqual([copy.name]);
    expect(totalOf(draft.lines)).toBe(4000 + 100 + 200);
  });
});
