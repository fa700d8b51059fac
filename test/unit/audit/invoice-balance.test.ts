/**
 * invoice-math's balance arithmetic: the amount due is the previous balance less payments, plus
 * adjustments and the current charges (catalogue). Verizon's AccountSummary states all of them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InvoiceBalance } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';
import { readBill } from '../../helpers/read-bill';
import { checkCase } from './cases';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

/** May's invoice stating $145.26 of current charges, its lines adding up to it, with `balance`. */
function withBalance(balance: InvoiceBalance) {
  const invoice = makeInvoice({ statedTotal: cents(145_26), balance });
  return snapshotOf({ bills: [billed(invoice, [line('recurring', 145_26)])] });
}

const ID = 'invoice-math|lumen|A-1|N-2026-05@balance|2026-05';

/** A payment reversed: written positive, and added back, as the balance forward shows. */
const REVERSED = {
  previousBalance: cents(242_40),
  payments: cents(50_00),
  adjustments: cents(-15_00),
  balanceForward: cents(277_40),
};

describe('the balance of a bill', () => {
  it('that adds up raises nothing, payments written negative or positive', () => {
    for (const payments of [-140_00, 140_00]) {
      checkCase({
        name: `payments ${payments}`,
        rule: 'invoice-math',
        snapshot: withBalance({
          previousBalance: cents(140_00),
          payments: cents(payments),
          adjustments: cents(0),
          balanceForward: cents(0),
          amountDue: cents(145_26),
        }),
        expected: [],
      });
    }
  });

  it('a payment reversed (written positive, added back as the balance forward shows) raises nothing', () => {
    checkCase({
      name: 'a payment reversed',
      rule: 'invoice-math',
      snapshot: withBalance({ ...REVERSED, amountDue: cents(422_66) }),
      expected: [],
    });
  });

  it('a payment reversed, with an amount due above it, says so', () => {
    checkCase({
      name: 'a payment reversed, asking more',
      rule: 'invoice-math',
      snapshot: withBalance({ ...REVERSED, amountDue: cents(432_66) }),
      expected: [
        {
          id: ID,
          impact: 10_00,
          message:
            'Invoice N-2026-05 asks $432.66 but its previous balance $242.40 plus payments reversed $50.00, adjustments -$15.00 (its balance forward $277.40) and its current charges $145.26 make $422.66: $10.00 more than owed.',
        },
      ],
    });
  });

  it('asking more than the previous balance less payments, plus adjustments and current charges, is an error of the excess', () => {
    checkCase({
      name: 'a payment not credited',
      rule: 'invoice-math',
      snapshot: withBalance({
        previousBalance: cents(140_00),
        payments: cents(-140_00),
        adjustments: cents(-5_00),
        balanceForward: cents(-5_00),
        amountDue: cents(280_26),
      }),
      expected: [
        {
          id: ID,
          impact: 140_00,
          message:
            'Invoice N-2026-05 asks $280.26 but its previous balance $140.00 less payments $140.00, adjustments -$5.00 and its current charges $145.26 make $140.26: $140.00 more than owed.',
        },
      ],
    });
  });

  it('asking less is reported with no money at stake', () => {
    checkCase({
      name: 'asks less',
      rule: 'invoice-math',
      snapshot: withBalance({ balanceForward: cents(10_00), amountDue: cents(150_26) }),
      expected: [
        {
          id: ID,
          impact: 0,
          message:
            'Invoice N-2026-05 asks $150.26 but its balance forward $10.00 and its current charges $145.26 make $155.26: $5.00 less than owed — no money at stake, as the bill asks for less.',
        },
      ],
    });
  });

  it('is its own finding beside lines that do not add up to the total', () => {
    const invoice = makeInvoice({
      statedTotal: cents(145_26),
      balance: { balanceForward: cents(0), amountDue: cents(150_26) },
    });
    checkCase({
      name: 'both',
      rule: 'invoice-math',
      snapshot: snapshotOf({ bills: [billed(invoice, [line('recurring', 140_00)])] }),
      expected: [
        {
          id: ID,
          impact: 5_00,
          message:
            'Invoice N-2026-05 asks $150.26 but its balance forward $0.00 and its current charges $145.26 make $145.26: $5.00 more than owed.',
        },
        {
          id: 'invoice-math|lumen|A-1|N-2026-05|2026-05',
          impact: 5_26,
          message:
            'Invoice N-2026-05 states a total of $145.26 but its lines add up to $140.00: $5.26 more than itemised.',
        },
      ],
    });
  });

  it('is read from Verizon’s AccountSummary', () => {
    const bytes = readFileSync(
      new URL('../../fixtures/files/verizon-account-summary.txt', import.meta.url),
    );
    const outcome = readBill([{ name: 'AccountSummary.txt', bytes: new Uint8Array(bytes) }]);
    if (outcome.kind !== 'draft') throw new Error(outcome.kind);
    expect(outcome.draft.invoices[0]?.balance).toEqual({
      previousBalance: 140_00,
      payments: -140_00,
      adjustments: 0,
      balanceForward: 0,
      amountDue: 145_26,
    });
  });
});
