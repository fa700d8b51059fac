/**
 * `duplicate-invoice`'s grouping of re-sent bills over tens of thousands of identical bills (a
 * hostile or broken export: one line, same account, date, service and amount, each under its own
 * number). Each copy was checked against every copy grouped before it, so 100,000 of them took
 * minutes (the audit of 40,000 took 46 s and 200,000 did not finish); the group's numbers are now
 * looked up, and the grouping itself is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { duplicateGroups } from '../../../shared/audit/invoice-copies';
import { billed, line, makeInvoice } from './helpers';
import type { InvoiceFacts } from '../../../shared/audit/invoice-facts';

/** A bill of one $0.01 line, as the audit sees it (only what the grouping reads). */
function bill(invoiceNumber: string): InvoiceFacts {
  const { invoice, blocks } = billed(makeInvoice({ month: '2026-10', invoiceNumber }), [
    line('recurring', 1),
  ]);
  return {
    invoice,
    blocks,
    month: '2026-10',
    periodStart: '2026-10-01',
    periodEnd: '2026-10-31',
    accountKey: 'lumen|5-KE4X-001',
    total: 1,
  } as unknown as InvoiceFacts;
}

describe('re-sent bills among 100,000 identical ones', () => {
  it('are one group of every number once, oldest number first', () => {
    const numbers = Array.from({ length: 100_000 }, (_, i) => `INV-${String(i).padStart(6, '0')}`);
    // The same number twice is the same bill read twice, not a copy under a new number.
    const invoices = [...numbers, 'INV-000007'].map(bill);
    const groups = duplicateGroups(invoices);
    expect(groups).toHaveLength(1);
    const [group = []] = groups;
    expect(group).toHaveLength(numbers.length);
    expect(group.map((facts) => facts.invoice.invoiceNumber)).toEqual(numbers);
  });
});
