import { describe, expect, it } from 'vitest';
import { countOnce } from '../../shared/audit/claims';
import { findingsView } from '../../shared/audit/dashboard-findings';
import { mergeFindings } from '../../shared/audit/run';
import type { FindingDraft } from '../../shared/audit/rule';
import { NO_DASHBOARD_FILTER } from '../../shared/billing/dashboard-view';
import { DimensionIndex } from '../../shared/billing/dimensions';
import { isoDate, isoMonth } from '../../shared/dates';
import { isOutstanding, type Finding } from '../../shared/model';
import { cents } from '../../shared/money/cents';
import {
  filterRows,
  findingRows,
  NO_FILTERS,
  OPEN_OR_DISPUTED,
} from '../../renderer/features/findings/rows';
import { totalsOf } from '../../renderer/features/findings/totals';

const OCT = isoMonth(2026, 10);

function draft(id: string, ruleId: string, impact: number): FindingDraft {
  return {
    id,
    ruleId,
    severity: 'warning',
    subject: { carrierId: 'vz', accountNumber: '100', serviceKey: `+1555${id}`, period: OCT },
    impact: cents(impact),
    message: id,
  };
}

/**
 * Bills first, then the inventory: the unknown services and the missing invoice the first audit
 * found are no longer found by the second, which resolves them. One finding is credited, one
 * disputed, one dismissed.
 */
function afterInventory(): Finding[] {
  const first = mergeFindings(
    [],
    [
      draft('u1', 'unknown-service', 7_000_00),
      draft('u2', 'unknown-service', 273_86),
      draft('u3', 'unknown-service', 23_27),
      draft('m1', 'missing-invoice', 0),
      draft('r1', 'rate-mismatch', 55_00),
      draft('r2', 'rate-mismatch', 40_00),
      draft('r3', 'rate-mismatch', 12_00),
      draft('r4', 'rate-mismatch', 9_99),
      draft('r5', 'late-fee', 25_00),
    ],
    '2026-11-01T00:00:00.000Z',
  ).findings.map((f): Finding => {
    if (f.id === 'r2') return { ...f, status: 'credited' };
    if (f.id === 'r3') return { ...f, status: 'disputed' };
    if (f.id === 'r4') return { ...f, status: 'dismissed' };
    return f;
  });
  const second = mergeFindings(
    first,
    [
      draft('u3', 'unknown-service', 23_27),
      draft('r1', 'rate-mismatch', 55_00),
      draft('r3', 'rate-mismatch', 12_00),
      draft('r4', 'rate-mismatch', 9_99),
    ],
    '2026-11-02T00:00:00.000Z',
  ).findings;
  return second;
}

describe('findings the audit no longer finds are not at stake or at risk anywhere', () => {
  const findings = afterInventory();
  const lookups = { carriers: [], services: [], sites: [], invoices: [] };
  const once = countOnce(findings);
  const rows = findingRows(findings, lookups, isoDate(2026, 11, 2), once);
  const index = new DimensionIndex({ accounts: [], services: [], sites: [] });
  const dashboard = findingsView(findings, [], index, NO_DASHBOARD_FILTER, [OCT]);

  it('the audit resolved what it no longer found', () => {
    expect(findings.filter((f) => f.status === 'resolved').map((f) => f.id)).toEqual([
      'u1',
      'u2',
      'm1',
      'r5',
    ]);
    expect(findings.filter(isOutstanding).map((f) => f.id)).toEqual(['u3', 'r1', 'r3']);
  });

  it("the Findings tiles say what the dashboard's tiles say", () => {
    const totals = totalsOf(rows);
    expect(totals).toMatchObject({
      count: 9,
      atRisk: 23_27,
      total: 67_00,
      gross: 67_00,
      open: 55_00,
      disputed: 12_00,
      recovered: 40_00,
    });
    expect(totals.atRisk).toBe(dashboard.atRisk);
    expect(totals.total).toBe(dashboard.atStake);
  });

  it('the "open or disputed" filter keeps the same findings, and its totals are the same', () => {
    const kept = filterRows(rows, { ...NO_FILTERS, status: OPEN_OR_DISPUTED });
    expect(kept.map((r) => r.id).sort()).toEqual(['r1', 'r3', 'u3']);
    expect(totalsOf(kept)).toMatchObject({ count: 3, atRisk: 23_27, total: 67_00 });
  });
});
