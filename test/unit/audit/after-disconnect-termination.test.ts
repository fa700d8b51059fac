/**
 * billed-after-disconnect claims what was billed for the days after a service's disconnect. An
 * early-termination fee is billed because of the disconnect, not for days after it: it is left
 * out (nrc-unexpected, or the user, judges it). A credit takes money off the claim only when it
 * gives back days the claim charges: a credit of the rest of the month the disconnect fell in
 * ("Partial month credit Mar 16-31") gives back that month's bill, which is not claimed.
 */
import { expect, it } from 'vitest';
import { isoDate } from '../../../shared/dates';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { describedStart } from '../../../shared/audit/described-period';
import { billed, line, makeInvoice, makeService, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'billed-after-disconnect');
const plan = line('recurring', 45_00, { description: 'Biz plan' });

function found(
  disconnectedOn: ReturnType<typeof isoDate>,
  months: Record<string, (typeof plan)[]>,
) {
  const bills = Object.entries(months).map(([month, lines]) =>
    billed(makeInvoice({ month }), lines),
  );
  const services = [makeService({ status: 'disconnected', disconnectedOn })];
  return runAudit(snapshotOf({ bills, services }), rules).findings.map((f) => [
    f.impact,
    f.message,
  ]);
}

it.each([
  ['one-time', 'Early Termination Fee'],
  ['one-time', 'ETF'],
  ['one-time', 'Early cancellation charge'],
] as const)(
  'a %s “%s” on the bill after the disconnect is not counted',
  (category, description) => {
    expect(
      found(isoDate(2026, 1, 31), {
        '2026-02': [plan, line(category, 200_00, { description })],
        '2026-03': [plan],
      }),
    ).toEqual([
      [
        90_00,
        '555-010-0001 was disconnected on 2026-01-31 but billed $90.00 on 2026-02 to 2026-03 (2 invoices), less than 3 months after the disconnect.',
      ],
    ]);
  },
);

it('an early-termination fee alone after the disconnect is no finding', () => {
  const etf = line('one-time', 200_00, { description: 'Early Termination Fee' });
  expect(found(isoDate(2026, 1, 31), { '2026-02': [etf] })).toEqual([]);
});

it('a credit for the rest of the month of the disconnect takes nothing off the later months', () => {
  const partMonth = line('credit', -23_23, { description: 'Partial month credit Mar 16-31' });
  expect(
    found(isoDate(2026, 3, 15), {
      '2026-03': [plan],
      '2026-04': [plan, partMonth],
      '2026-05': [plan],
      '2026-06': [plan],
    }),
  ).toEqual([
    [
      135_00,
      '555-010-0001 was disconnected on 2026-03-15 but billed $135.00 on 2026-04 to 2026-06 (3 invoices), less than 3 months after the disconnect.',
    ],
  ]);
});

it('a credit stating March as its own period gives back March, not April', () => {
  const march = { periodStart: isoDate(2026, 3, 16), periodEnd: isoDate(2026, 3, 31) };
  const credit = line('credit', -23_23, { description: 'Partial month credit', ...march });
  expect(found(isoDate(2026, 3, 15), { '2026-04': [plan, credit] })).toEqual([
    [
      45_00,
      '555-010-0001 was disconnected on 2026-03-15 but billed $45.00 on invoice N-2026-04 (2026-04), less than 3 months after the disconnect.',
    ],
  ]);
});

it('a credit for days after the disconnect still nets, named or not', () => {
  const named = line('credit', -45_00, { description: 'Credit Apr 1-30' });
  const unnamed = line('credit', -45_00, { description: 'Credit - billed in error' });
  expect(found(isoDate(2026, 3, 15), { '2026-04': [plan, named] })).toEqual([]);
  expect(found(isoDate(2026, 3, 15), { '2026-04': [plan, unnamed] })).toEqual([]);
  expect(
    found(isoDate(2026, 3, 15), { '2026-04': [plan], '2026-05': [plan, unnamed] }).map(
      ([impact]) => impact,
    ),
  ).toEqual([45_00]);
});

it('reads the first day of the days a description names', () => {
  const april = isoDate(2026, 4, 30);
  expect(describedStart('Partial month credit Mar 16-31', april)).toBe('2026-03-16');
  expect(describedStart('Credit March 16 to April 15', april)).toBe('2026-03-16');
  expect(describedStart('Credit Mar 16, 2025 - Mar 31, 2025', april)).toBe('2025-03-16');
  expect(describedStart('Proration Dec 16-31', isoDate(2027, 1, 31))).toBe('2026-12-16');
  expect(describedStart('May 5G plan credit', april)).toBeUndefined();
  expect(describedStart('Marketing 15-20 credit', april)).toBeUndefined();
  expect(describedStart('Credit - billed in error', april)).toBeUndefined();
});
