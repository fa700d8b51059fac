/**
 * A contract's rate card prices the days from its start: a bill for a period before it (the old
 * price, before a renegotiated rate took effect) is not an overcharge of the new rate, and a bill
 * running across the start is judged for its days from it.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isoDate } from '../../../shared/dates';
import { cents } from '../../../shared/money/cents';
import { billed, line, makeContract, makeInvoice, makeService, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'rate-mismatch');
const renegotiated = makeContract({
  startDate: isoDate(2026, 4, 1),
  endDate: isoDate(2029, 3, 31),
});

function found(
  bills: ReturnType<typeof billed>[],
  contract = renegotiated,
  service = makeService(),
) {
  const snapshot = snapshotOf({ bills, contracts: [contract], services: [service] });
  return runAudit(snapshot, rules).findings.map((f) => [f.impact, f.message]);
}

it('the old price billed before a new contract started is no overcharge of its rate', () => {
  const march = billed(makeInvoice({ month: '2026-03' }), [line('recurring', 50_00)]);
  const april = billed(makeInvoice({ month: '2026-04' }), [line('recurring', 45_00)]);
  expect(found([march, april])).toEqual([]);
});

it('after the start, the new rate is what the bill is judged against', () => {
  const march = billed(makeInvoice({ month: '2026-03' }), [line('recurring', 50_00)]);
  const april = billed(makeInvoice({ month: '2026-04' }), [line('recurring', 50_00)]);
  expect(found([march, april])).toEqual([
    [
      5_00,
      'Line 555-010-0001 billed $50.00 recurring on invoice N-2026-04; contract rate $45.00 — $5.00 over.',
    ],
  ]);
});

it('a bill running across the start is judged for its days from it', () => {
  // 15 March – 14 April: 17 of its 31 days are before the contract.
  const bill = makeInvoice({
    month: '2026-04',
    periodStart: isoDate(2026, 3, 15),
    periodEnd: isoDate(2026, 4, 14),
  });
  expect(found([billed(bill, [line('recurring', 55_00)])])).toEqual([
    [
      4_52,
      'Line 555-010-0001 billed $55.00 recurring on invoice N-2026-04; contract rate $45.00 — $4.52 over (the days billed before the contract started on 2026-04-01 are not judged against its rates).',
    ],
  ]);
});

it('an expected monthly charge of the service itself has no start', () => {
  const march = billed(makeInvoice({ month: '2026-03' }), [line('recurring', 50_00)]);
  const service = makeService({ plan: 'Other', expectedMonthlyCents: cents(45_00) });
  expect(found([march], renegotiated, service).map(([impact]) => impact)).toEqual([5_00]);
});

it('a contract starting after every bill of its services says its rates judged none of them', () => {
  const bills = ['2026-01', '2026-02', '2026-03'].map((month) =>
    billed(makeInvoice({ month }), [line('recurring', 60_00)]),
  );
  const findings = runAudit(
    snapshotOf({ bills, contracts: [renegotiated], services: [makeService()] }),
    rules,
  ).findings;
  expect(findings.map((f) => [f.severity, f.impact, f.message])).toEqual([
    [
      'info',
      0,
      `${renegotiated.name} starts on 2026-04-01, after every bill of the service its rate card prices (2026-01 to 2026-03 (3 invoices)): no bill has been checked against its rates. If the contract started earlier, correct its start date; otherwise bills for days from 2026-04-01 on will be checked.`,
    ],
  ]);
  // Its own id: a decision on it is never carried to a rate finding of the same service.
  expect(findings[0]?.id).toContain('@before-start');
});

it('once one bill falls in its term, the contract judged its services: no such note', () => {
  const march = billed(makeInvoice({ month: '2026-03' }), [line('recurring', 50_00)]);
  const april = billed(makeInvoice({ month: '2026-04' }), [line('recurring', 45_00)]);
  expect(found([march, april])).toEqual([]);
  const bill = makeInvoice({
    month: '2026-04',
    periodStart: isoDate(2026, 3, 15),
    periodEnd: isoDate(2026, 4, 14),
  });
  expect(found([billed(bill, [line('recurring', 45_00)])])).toEqual([]);
});
