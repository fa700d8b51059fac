/**
 * Rows of a bill that could not be read, when the import goes on without them, stay on their
 * invoice as a count and an amount: the carrier itemised them, so the invoice-math check must
 * not take their money as missing from the bill (see `shared/import/unread-rows.ts`).
 */
import { describe, expect, it } from 'vitest';
import { invoiceFromDraft } from '../../../shared/billing/invoice-from-draft';
import type { BillDraft } from '../../../shared/import/draft';
import { unreadRowsByInvoice } from '../../../shared/import/unread-rows';
import { textBytes } from '../../helpers/drafts';
import { readBill } from '../../helpers/read-bill';

const HEADER =
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount,Invoice Total';

function draftOf(text: string): BillDraft {
  const outcome = readBill([{ name: 'bill.csv', bytes: textBytes(text) }]);
  if (outcome.kind !== 'draft') throw new Error(JSON.stringify(outcome));
  return outcome.draft;
}

const row = (invoice: string, category: string, amount: string, total = '870.00') =>
  `Lumen,A7,${invoice},2026-05-01,,Fee,${category},${amount},${total}`;

describe('rows not read, by invoice', () => {
  it('counts the rows of unknown categories and adds up their amounts', () => {
    const draft = draftOf(
      [
        HEADER,
        'Lumen,A7,L-1,2026-05-01,555-010-0001,MRC,MRC,800.00,870.00',
        row('L-1', 'Other', '12.00'),
        row('L-1', 'Misc', '13.00'),
        row('L-1', 'Account Charges', '14.00'),
        row('L-1', '', '15.00'),
        row('L-1', 'Surcharges', '16.00'),
      ].join('\n'),
    );
    expect(draft.errors).toHaveLength(4);
    const [invoice] = draft.invoices;
    const unread = unreadRowsByInvoice(draft);
    expect(unread.get(invoice?.key ?? '')).toEqual({ rows: 4, amount: 54_00, unpriced: 0 });
    // The stored invoice keeps them, as the app's commit and the CLI both make it.
    if (invoice === undefined) throw new Error('no invoice');
    const unreadOfInvoice = unread.get(invoice.key);
    const stored = invoiceFromDraft(
      unreadOfInvoice === undefined ? invoice : { ...invoice, unread: unreadOfInvoice },
      { id: 'i', carrierId: 'lumen', importBatchId: 'b' },
      [],
    );
    expect(stored.unread).toEqual({ rows: 4, amount: 54_00, unpriced: 0 });
  });

  it('counts a row whose amount cannot be read as one whose money is not known', () => {
    const draft = draftOf(
      [
        HEADER,
        'Lumen,A7,L-1,2026-05-01,555-010-0001,MRC,MRC,800.00,870.00',
        row('L-1', 'Other', '12.00'),
        row('L-1', 'Surcharges', '1O.00'),
      ].join('\n'),
    );
    const [invoice] = draft.invoices;
    expect(unreadRowsByInvoice(draft).get(invoice?.key ?? '')).toEqual({
      rows: 2,
      amount: 12_00,
      unpriced: 1,
    });
  });

  it('gives a row to the invoice it names in a file of several invoices', () => {
    const draft = draftOf(
      [
        HEADER,
        'Lumen,A7,L-1,2026-05-01,555-010-0001,MRC,MRC,800.00,870.00',
        'Lumen,A7,L-2,2026-05-01,555-010-0001,MRC,MRC,800.00,800.00',
        row('L-1', 'Other', '70.00'),
        // No invoice number that could be read: it may be either invoice's.
        'Lumen,A7,,2026-05-01,,Fee,Other,5.00,',
      ].join('\n'),
    );
    const unread = unreadRowsByInvoice(draft);
    const [first, second] = draft.invoices;
    expect(unread.get(first?.key ?? '')).toEqual({ rows: 2, amount: 70_00, unpriced: 1 });
    expect(unread.get(second?.key ?? '')).toEqual({ rows: 1, amount: 0, unpriced: 1 });
  });

  it('leaves an invoice whose every row was read without any', () => {
    const draft = draftOf(
      [HEADER, 'Lumen,A7,L-1,2026-05-01,555-010-0001,MRC,MRC,800.00,800.00'].join('\n'),
    );
    expect(unreadRowsByInvoice(draft).size).toBe(0);
  });
});
