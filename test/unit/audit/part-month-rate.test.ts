/**
 * A new service's first bill often charges its part-month (from the install day) beside its
 * first whole month, each line with its own period. Each bills the rate for its days: together
 * they are not a charge above the contract rate. A real overcharge beside a part-month is still
 * found, for the right amount.
 */
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { exactPeriodMonths } from '../../../shared/dates/period';
import { isoDate } from '../../../shared/dates';
import { billed, line, makeContract, makeInvoice, makeService, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'rate-mismatch');
// The invoice's period as a charge-line file gives it: its first line's (the part-month).
const november = makeInvoice({
  month: '2026-11',
  periodStart: isoDate(2026, 10, 15),
  periodEnd: isoDate(2026, 10, 31),
});
const period = (from: [number, number], to: [number, number]) => ({
  periodStart: isoDate(2026, from[0], from[1]),
  periodEnd: isoDate(2026, to[0], to[1]),
});

function findings(partMonth: number, wholeMonth: number) {
  const snapshot = snapshotOf({
    services: [makeService({ activatedOn: isoDate(2026, 10, 15) })],
    bills: [
      billed(november, [
        line('recurring', partMonth, {
          ...period([10, 15], [10, 31]),
          description: 'Plan (part month)',
        }),
        line('recurring', wholeMonth, period([11, 1], [11, 30])),
      ]),
    ],
  });
  return runAudit(snapshot, rules).findings.map((f) => [f.ruleId, f.impact]);
}

describe('a part-month billed beside the first whole month', () => {
  it('is no charge above the rate: $45 × 17/31 and $45', () => {
    expect(findings(24_68, 45_00)).toEqual([]);
  });

  it('still finds the whole month billed above the rate, by what it is over', () => {
    expect(findings(24_68, 55_00)).toEqual([['rate-mismatch', 10_00]]);
  });
});

describe('exactPeriodMonths', () => {
  it.each([
    [[10, 15], [10, 31], 17 / 31],
    [[11, 1], [11, 30], 1],
    [[9, 17], [10, 16], 1],
    [[1, 1], [3, 31], 3],
    [[1, 31], [2, 27], 28 / 28],
  ] as const)('%j – %j is %f months', (from, to, months) => {
    const { periodStart, periodEnd } = period(from as [number, number], to as [number, number]);
    expect(exactPeriodMonths(periodStart, periodEnd)).toBeCloseTo(months, 9);
  });
});

describe('lines billing periods of their own, judged period by period', () => {
  const bill = (lines: ReturnType<typeof line>[]) =>
    runAudit(
      snapshotOf({ bills: [billed(makeInvoice({ month: '2026-11' }), lines)] }),
      rules,
    ).findings.map((f) => f.impact);

  it('finds a month billed above the rate beside a small charge in arrears', () => {
    expect(
      bill([
        line('recurring', 60_00, period([11, 1], [11, 30])),
        line('recurring', 5_00, { ...period([10, 1], [10, 31]), description: 'Voicemail' }),
      ]),
    ).toEqual([15_00]);
  });

  it('finds two months each billed above the rate, the same line in each', () => {
    expect(
      bill([
        line('recurring', 60_00, period([10, 1], [10, 31])),
        line('recurring', 60_00, period([11, 1], [11, 30])),
      ]),
    ).toEqual([30_00]);
  });
});

it('judges a part-month whose period is the invoice’s (stored without its own) beside the next month', () => {
  // As an import stores them: the first line's period is the invoice's, so the line keeps none.
  const snapshot = snapshotOf({
    services: [makeService({ activatedOn: isoDate(2026, 10, 15) })],
    bills: [
      billed(november, [
        line('recurring', 24_68, { description: 'Plan (part month)' }),
        line('recurring', 45_00, period([11, 1], [11, 30])),
      ]),
    ],
  });
  expect(runAudit(snapshot, rules).findings).toEqual([]);
});

it('nets a discount of the whole bill against lines billing parts of it: no false overcharge', () => {
  const snapshot = snapshotOf({
    bills: [
      billed(makeInvoice({ month: '2026-11' }), [
        line('recurring', 26_25, { ...period([11, 1], [11, 14]), description: 'Plan A' }),
        line('recurring', 30_00, { ...period([11, 15], [11, 30]), description: 'Plan B' }),
        line('credit', -11_25, { description: 'Corporate discount 20%' }),
      ]),
    ],
  });
  expect(runAudit(snapshot, rules).findings).toEqual([]);
});

it('leaves a bill running past the contract’s end to out-of-contract, as a whole', () => {
  const both = ALL_RULES.filter((rule) => ['rate-mismatch', 'out-of-contract'].includes(rule.id));
  const snapshot = snapshotOf({
    contracts: [makeContract({ endDate: isoDate(2026, 11, 15) })],
    bills: [
      billed(makeInvoice({ month: '2026-11' }), [
        line('recurring', 30_00, period([10, 1], [10, 31])),
        line('recurring', 60_00, period([11, 1], [11, 30])),
      ]),
    ],
  });
  expect(runAudit(snapshot, both).findings.map((f) => f.ruleId)).toEqual(['out-of-contract']);
});
