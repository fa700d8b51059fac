/**
 * period-overlap with charge lines that state periods of their own: a line counts for the days
 * of its own period the earlier bill already covered, so next month's charge on a bill whose
 * first line is a new service's part-month is no overlap — whatever order the lines come in.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isoDate } from '../../../shared/dates';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'period-overlap');
const october = makeInvoice({ month: '2026-10' });
const bbec = { serviceIdRaw: 'BBEC.556677..LUMN' };
const dhec = { serviceIdRaw: 'DHEC.554433..WIN' };
const own = (from: [number, number], to: [number, number]) => ({
  periodStart: isoDate(2026, from[0], from[1]),
  periodEnd: isoDate(2026, to[0], to[1]),
});

function overlaps(bbecPeriod: ReturnType<typeof own>) {
  // November's bill takes its period from its first line: DHEC's part-month.
  const november = makeInvoice({ month: '2026-11', ...own([10, 15], [10, 31]) });
  const snapshot = snapshotOf({
    services: [],
    bills: [
      billed(october, [line('recurring', 1250_00, bbec)]),
      billed(november, [
        line('recurring', 466_13, dhec),
        line('recurring', 1250_00, { ...bbec, ...bbecPeriod }),
      ]),
    ],
  });
  return runAudit(snapshot, rules).findings.map((finding) => finding.impact);
}

it('no finding when the line billed before covers none of the earlier bill’s days', () => {
  expect(overlaps(own([11, 1], [11, 30]))).toEqual([]);
});

it('counts a line for the days of its own period the earlier bill covered', () => {
  // Oct 20 – Nov 19: 12 of its 31 days fall in October's bill.
  expect(overlaps(own([10, 20], [11, 19]))).toEqual([Math.round((1250_00 * 12) / 31)]);
});
