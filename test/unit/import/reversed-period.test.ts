/** A charge line whose period ends before it starts is a row error naming both dates. */
import { expect, it } from 'vitest';
import { readBill } from '../../helpers/read-bill';

it('refuses a line whose period ends before it starts, on its row and column', () => {
  const text = [
    'Carrier,Account Number,Invoice Number,Invoice Date,Period Start,Period End,Service ID,Description,Category,Amount',
    'Lumen,5-KE4X-001,INV-1,2026-10-05,2026-10-01,2026-10-31,5551234567,Plan,MRC,45.00',
    'Lumen,5-KE4X-001,INV-1,2026-10-05,2026-10-31,2026-10-01,5551234568,Plan,MRC,45.00',
  ].join('\n');
  const outcome = readBill([{ name: 'bill.csv', bytes: new TextEncoder().encode(text) }]);
  if (outcome.kind !== 'draft') throw new Error(JSON.stringify(outcome));
  expect(outcome.draft.errors).toEqual([
    expect.objectContaining({
      row: 3,
      column: 'Period End',
      message: expect.stringContaining(
        'the period ends on 2026-10-01, before it starts (2026-10-31)',
      ),
    }),
  ]);
});
