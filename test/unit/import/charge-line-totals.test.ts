/** TEM Desk charge lines (and mapped files): a total row that repeats the account and invoice. */
import { describe, expect, it } from 'vitest';
import { readDraft, totalOf } from './fixtures';

const HEADER =
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount';
const LINES = [
  'Lumen,5-ACME-001,L-2,2026-10-05,DHEC.554433..WIN,Ethernet,Recurring,800.00',
  'Lumen,5-ACME-001,L-2,2026-10-05,,State tax,Tax,40.00',
];

describe('a total row in a charge-line file', () => {
  it.each([
    ['its category', 'Lumen,5-ACME-001,L-2,2026-10-05,,,Total,840.00'],
    ['its category, as a subtotal', 'Lumen,5-ACME-001,L-2,2026-10-05,,,Sub-total,840.00'],
    ['its description', 'Lumen,5-ACME-001,L-2,2026-10-05,,Invoice total,,840.00'],
  ])('labelled in %s is skipped as a total, never a charge or an unreadable row', (_where, row) => {
    const text = [HEADER, ...LINES, row, ''].join('\r\n');
    const draft = readDraft([{ name: 'lumen.csv', bytes: new TextEncoder().encode(text) }]);
    expect(draft.errors).toEqual([]);
    expect(totalOf(draft.lines)).toBe(84_000);
    expect(draft.skipped.map((skip) => skip.row)).toEqual([4]);
  });
});
