/**
 * A credit correcting a service's rate on the bill ("Rate adjustment", "Price correction") is part
 * of its price, like a discount: rate-mismatch compares the rate net of it. One that takes a bill
 * below the rate gives back an earlier month's excess, which is then no longer claimed. Other
 * credits (promotions, outages) still never hide an overcharge.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'rate-mismatch');

function found(bills: ReturnType<typeof billed>[]) {
  return runAudit(snapshotOf({ bills }), rules).findings.map((f) => [f.impact, f.message]);
}

const month = (name: string, lines: ReturnType<typeof line>[]) =>
  billed(makeInvoice({ month: name }), lines);

it.each([
  ['credit', 'Rate adjustment'],
  ['adjustment', 'Price correction - contract rate'],
  ['credit', 'Contract pricing credit'],
] as const)(
  'a %s “%s” bringing the line to the rate on the same bill is no overcharge',
  (category, description) => {
    expect(
      found([month('2026-05', [line('recurring', 50_00), line(category, -5_00, { description })])]),
    ).toEqual([]);
  },
);

it('a rate correction short of the rate leaves what is still over', () => {
  expect(
    found([
      month('2026-05', [
        line('recurring', 60_00),
        line('credit', -10_00, { description: 'Rate adjustment' }),
      ]),
    ]),
  ).toEqual([
    [
      5_00,
      'Line 555-010-0001 billed $50.00 net of its rate corrections on invoice N-2026-05; contract rate $45.00 — $5.00 over.',
    ],
  ]);
});

it('a promotional credit still does not net the rate', () => {
  expect(
    found([
      month('2026-05', [
        line('recurring', 50_00),
        line('credit', -5_00, { description: 'Promotional credit' }),
      ]),
    ]).map(([impact]) => impact),
  ).toEqual([5_00]);
});

it('a later rate correction giving back an earlier month’s excess takes it off the finding', () => {
  const april = month('2026-04', [line('recurring', 50_00)]);
  const may = month('2026-05', [line('recurring', 50_00)]);
  // June bills the rate and gives back April's and May's $5.00 each.
  const june = month('2026-06', [
    line('recurring', 45_00),
    line('credit', -10_00, { description: 'Rate adjustment Apr-May' }),
  ]);
  expect(found([april, may, june])).toEqual([]);
  // Given back only April's: May's $5.00 stands, and the message says what came back.
  const partly = month('2026-06', [
    line('recurring', 45_00),
    line('credit', -5_00, { description: 'Rate adjustment Apr' }),
  ]);
  expect(found([april, may, partly])).toEqual([
    [
      5_00,
      'Line 555-010-0001 billed $50.00 recurring a month; contract rate $45.00 — $5.00 over on 2026-04 to 2026-05 (2 invoices) (after $5.00 given back as rate corrections on invoice N-2026-06).',
    ],
  ]);
});

it('a rate correction gives back nothing billed after it', () => {
  const april = month('2026-04', [
    line('recurring', 45_00),
    line('credit', -5_00, { description: 'Rate adjustment' }),
  ]);
  const may = month('2026-05', [line('recurring', 50_00)]);
  expect(found([april, may]).map(([impact]) => impact)).toEqual([5_00]);
});

it('a line reversed on its bill (a credit of exactly its amount) is not billed', () => {
  const access = (amount: number) => line('recurring', amount, { description: 'Monthly access' });
  const billedInError = line('credit', -45_00, { description: 'Credit - billed in error' });
  // Re-rated on the same bill: $45 reversed, $50 billed: $5 over, not $50.
  expect(found([month('2026-05', [access(45_00), billedInError, access(50_00)])])).toEqual([
    [
      5_00,
      'Line 555-010-0001 billed $50.00 recurring on invoice N-2026-05; contract rate $45.00 — $5.00 over.',
    ],
  ]);
  // Reversed in full: nothing billed, nothing over.
  const reversal = line('credit', -60_00, { description: 'Reversal - Monthly access' });
  expect(found([month('2026-05', [access(60_00), reversal])])).toEqual([]);
});
