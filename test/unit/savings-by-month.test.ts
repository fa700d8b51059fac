import { describe, expect, it } from 'vitest';
import { claimParts, countOnce } from '../../shared/audit/claims';
import { findingsView } from '../../shared/audit/dashboard-findings';
import {
  identifiedByMonth,
  invoiceMonthsOf,
  savingsByMonth,
  savingsEntries,
  type SavingsFinding,
} from '../../shared/audit/savings';
import { NO_DASHBOARD_FILTER } from '../../shared/billing/dashboard-view';
import { DimensionIndex } from '../../shared/billing/dimensions';
import { isoDate, isoMonth } from '../../shared/dates';
import { cents, sumCents } from '../../shared/money/cents';

const OCT = isoMonth(2026, 10);
const NOV = isoMonth(2026, 11);
const invoiceMonths = invoiceMonthsOf([
  { id: 'inv-oct', invoiceDate: isoDate(2026, 10, 1) },
  { id: 'inv-nov', invoiceDate: isoDate(2026, 11, 1) },
]);

function finding(
  id: string,
  ruleId: string,
  impact: number,
  period: typeof OCT,
  lines: number[],
  invoiceIds = ['inv-oct', 'inv-nov'],
): SavingsFinding {
  return {
    id,
    ruleId,
    impact: cents(impact),
    status: 'open',
    subject: { carrierId: 'vz', accountNumber: '100', period },
    evidence: { claims: { invoiceIds, lines } },
  };
}

/** A rate billed $55 too much on October's bill and on November's; a $25 late fee in November. */
const rate = finding('rate', 'rate-mismatch', 110_00, OCT, [0, 0, 1, 55_00, 1, 0, 1, 55_00]);
const fee = finding('fee', 'late-fee', 25_00, NOV, [0, 0, 2, 25_00], ['inv-nov']);
/** $7 claimed on October's lines and $3 on no line (a wrong total): the $3 stays in its period. */
const total = finding('total', 'rate-mismatch', 10_00, OCT, [0, 0, 5, 4_00, 1, 0, 5, 3_00]);

describe('identified savings by the billing month of the charges', () => {
  it("puts each month's share of a finding over several bills in that month", () => {
    const months = savingsByMonth(savingsEntries([rate, fee], [], undefined, invoiceMonths));
    expect(months.map((m) => [m.month, m.identified])).toEqual([
      [OCT, 55_00],
      [NOV, 80_00],
    ]);
    expect(sumCents(months.map((m) => m.identified))).toBe(135_00);
  });

  it('splits as the dispute letter does: by what the finding claims on each invoice', () => {
    const once = countOnce([rate, total]);
    const perInvoice = new Map<string, number>();
    for (const line of claimParts(once, total).held)
      perInvoice.set(line.invoiceId, (perInvoice.get(line.invoiceId) ?? 0) + line.claim);
    expect(identifiedByMonth(once, total, invoiceMonths)).toEqual([
      { month: OCT, amount: 4_00 + 3_00 },
      { month: NOV, amount: perInvoice.get('inv-nov') },
    ]);
    expect(sumCents(identifiedByMonth(once, total, invoiceMonths).map((m) => m.amount))).toBe(
      10_00,
    );
  });

  it('the dashboard shows the same split', () => {
    const index = new DimensionIndex({ accounts: [], services: [], sites: [] });
    const view = findingsView(
      [rate, fee].map((f) => ({ ...f, severity: 'error' as const })),
      [],
      index,
      NO_DASHBOARD_FILTER,
      [OCT, NOV],
      invoiceMonths,
    );
    expect(view.savings.map((m) => [m.month, m.identified])).toEqual([
      [OCT, 55_00],
      [NOV, 80_00],
    ]);
    expect(view.identified).toBe(135_00);
  });

  it('a dismissed finding identifies nothing', () => {
    const dismissed = { ...rate, status: 'dismissed' as const };
    expect(identifiedByMonth(countOnce([dismissed]), dismissed, invoiceMonths)).toEqual([]);
  });
});
