/**
 * Some carriers write a month as "Oct 1 – Nov 1": the end is the next period's first day, not a
 * day billed twice. Such bills follow each other and do not overlap; a bill that starts before
 * the earlier one's end still does, and so does one starting on the last day of a period
 * written "Sep 1 – Sep 30".
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isoDate, type IsoDate } from '../../../shared/dates';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'period-overlap');

/** Bills of $310 a month for the periods given, dated two days after each ends. */
function overlaps(periods: [IsoDate, IsoDate][]) {
  const bills = periods.map(([start, end], i) =>
    billed(
      makeInvoice({
        invoiceNumber: `B-${i + 1}`,
        invoiceDate: isoDate(2026, Number(end.slice(5, 7)), 3),
        periodStart: start,
        periodEnd: end,
      }),
      [line('recurring', 310_00)],
    ),
  );
  const snapshot = snapshotOf({ bills, today: isoDate(2026, 12, 20) });
  return runAudit(snapshot, rules).findings.map((f) => [f.subject.invoiceNumber, f.impact]);
}

it('months written "Oct 1 – Nov 1", each bill starting where the one before ends: no overlap', () => {
  expect(
    overlaps([
      [isoDate(2026, 9, 1), isoDate(2026, 10, 1)],
      [isoDate(2026, 10, 1), isoDate(2026, 11, 1)],
      [isoDate(2026, 11, 1), isoDate(2026, 12, 1)],
    ]),
  ).toEqual([]);
});

it('a bill starting before that end still overlaps', () => {
  expect(
    overlaps([
      [isoDate(2026, 9, 1), isoDate(2026, 10, 1)],
      [isoDate(2026, 9, 16), isoDate(2026, 10, 16)],
    ]),
  ).toEqual([['B-2', 160_00]]);
});

it('a bill starting on the last day of "Sep 1 – Sep 30" overlaps it by that day', () => {
  expect(
    overlaps([
      [isoDate(2026, 9, 1), isoDate(2026, 9, 30)],
      [isoDate(2026, 9, 30), isoDate(2026, 10, 30)],
    ]),
  ).toEqual([['B-2', 10_00]]);
});

it('an account writing its months "Nov 1 – Nov 30" billed 1 November twice in "Oct 1 – Nov 1"', () => {
  // Its bills before and after end on a month's last day: "Oct 1 – Nov 1" is 32 days.
  expect(
    overlaps([
      [isoDate(2026, 9, 1), isoDate(2026, 9, 30)],
      [isoDate(2026, 10, 1), isoDate(2026, 11, 1)],
      [isoDate(2026, 11, 1), isoDate(2026, 11, 30)],
    ]),
  ).toEqual([['B-3', 10_33]]);
});
