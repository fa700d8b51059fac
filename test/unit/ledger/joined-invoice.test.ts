import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../shared/dates';
import { joinedInvoice } from '../../../shared/ledger/bills';
import { cents } from '../../../shared/money/cents';
import { makeInvoice } from '../audit/helpers';

describe('a stored invoice completed by a later file', () => {
  const before = makeInvoice({
    id: 'invoice-stored',
    invoiceNumber: 'R-1',
    status: 'approved',
    dueDate: isoDate(2026, 11, 25),
    remitTo: 'Rogers, PO Box 1',
    exchange: {
      currency: 'CAD',
      usdPerUnit: '0.73',
      originalAmount: '100.00',
      originalDue: '100.00',
    },
    approval: {
      decidedBy: 'person',
      outcome: 'approve',
      rule: 'person',
      reason: 'Checked against the contract',
      decidedOn: isoDate(2026, 11, 20),
    },
  });

  it('states what the joined read of every part states: an exchange answered 1 this time is gone', () => {
    const joined = makeInvoice({
      id: 'invoice-new',
      invoiceNumber: 'R-1',
      dueDate: isoDate(2026, 11, 25),
      statedTotal: cents(250_00),
    });
    const record = joinedInvoice(before, joined);
    expect(record.exchange).toBeUndefined();
    expect('exchange' in record).toBe(false);
    expect(record.remitTo).toBeUndefined();
    expect(record.statedTotal).toBe(250_00);
  });

  it('keeps what is the user’s: its status and approval, the number it was stored under', () => {
    const joined = makeInvoice({ id: 'invoice-new', invoiceNumber: 'R-1 (2)', status: 'received' });
    const record = joinedInvoice(before, joined);
    expect(record.status).toBe('approved');
    expect(record.approval).toEqual(before.approval);
    expect(record.invoiceNumber).toBe('R-1');
  });

  it('takes the exchange the joined read states', () => {
    const exchange = {
      currency: 'CAD',
      usdPerUnit: '0.74',
      originalAmount: '250.00',
      originalDue: '250.00',
    };
    const joined = makeInvoice({ id: 'invoice-new', invoiceNumber: 'R-1', exchange });
    expect(joinedInvoice(before, joined).exchange).toEqual(exchange);
  });
});
