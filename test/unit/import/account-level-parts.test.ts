/**
 * Parts of one invoice exported per department, each repeating the account's own charges on a
 * row whose service is written `N/A` or `Account`: joined, those charges counted once.
 */
import { describe, expect, it } from 'vitest';
import { readDraft, totalOf } from './fixtures';

const HEADER =
  'Account Number,Wireless Number,User Name,Connection Type,Item Category,Item Description,Charges,Data,Minutes,Messages,Bill Cycle Date,Invoice Number';
const CYCLE = '"Dec 12, 2023 - Jan 11, 2024",INV-88001';

function detail(name: string, rows: string[]) {
  return { name, bytes: new TextEncoder().encode([HEADER, ...rows, ''].join('\r\n')) };
}

describe('T-Mobile detail exported per department', () => {
  it.each(['N/A', 'Account'])(
    'repeating the account row (Wireless Number %s) in each part: joined, the row counted once',
    (accountWord) => {
      const account = `958000001,${accountWord},,Account,Taxes & Fees,County 911,$1.00,,,,${CYCLE}`;
      const sales = detail('sales.csv', [
        `958000001,240-780-6053,Ann Lee,Voice,Plans,Business Unlimited,$40.00,0.7309 GB,125,12,${CYCLE}`,
        account,
      ]);
      const field = detail('field.csv', [
        `958000001,480 399-4006,Bob Ray,Voice,Plans,Business Unlimited,$40.00,12.5 GB,0,0,${CYCLE}`,
        `958000001,480 399-4006,Bob Ray,Voice,One-time charges,Device Return Credit,-$329.45,,,,${CYCLE}`,
        account,
      ]);
      const draft = readDraft([sales, field]);
      expect(draft.invoices).toHaveLength(1);
      expect(draft.copies ?? []).toEqual([]);
      expect(totalOf(draft.lines)).toBe(4000 + 100 + 4000 - 32945);
      expect(draft.skipped.map((skip) => [skip.sourceFile, skip.row])).toEqual([['field.csv', 4]]);
    },
  );
});
