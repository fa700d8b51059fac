/**
 * A draft dispute, not yet filed with the carrier, claims nothing from it: its findings' money is
 * at stake, not "claimed in disputes", on the Findings tiles, in the savings (dashboard, savings
 * tab) and in the monthly report's "still claimed" — until it is filed, in the month filed. Every
 * total still reconciles: at stake = open + claimed now + in draft.
 */
import { describe, expect, it } from 'vitest';
import { countOnce } from '../../shared/audit/claims';
import { recoveriesIn } from '../../shared/audit/dashboard-findings';
import { savingsByMonth, savingsEntries } from '../../shared/audit/savings';
import { isoDate, isoMonth } from '../../shared/dates';
import type { Finding } from '../../shared/model';
import { cents } from '../../shared/money/cents';
import type { DisputeRecord } from '../../renderer/db/findings';
import { findingRows } from '../../renderer/features/findings/rows';
import { totalsOf } from '../../renderer/features/findings/totals';

const OCT = isoMonth(2026, 10);
const NOV = isoMonth(2026, 11);
const FOUND = '2026-10-05T09:00:00.000Z';

function finding(id: string, impact: number, status: Finding['status'], disputeId?: string) {
  return {
    id,
    ruleId: 'rate-mismatch',
    severity: 'warning',
    subject: { carrierId: 'vz', accountNumber: '100', serviceKey: `+1555${id}`, period: OCT },
    impact: cents(impact),
    message: id,
    status,
    statusHistory: [],
    firstSeenAt: FOUND,
    lastSeenAt: FOUND,
    ...(disputeId === undefined ? {} : { disputeId }),
  } satisfies Finding;
}

/** $55.00 in a draft dispute, $20.00 in a filed one, $9.00 open. */
const findings: Finding[] = [
  finding('drafted', 55_00, 'disputed', 'd-draft'),
  finding('filed', 20_00, 'disputed', 'd-filed'),
  finding('open', 9_00, 'open'),
];
const draft: DisputeRecord = {
  id: 'd-draft',
  carrierId: 'vz',
  accountNumber: '100',
  findingIds: ['drafted'],
  claimedAmount: cents(55_00),
  creditedAmount: cents(0),
  status: 'draft',
  openedOn: isoDate(2026, 10, 20),
  credits: [],
};
const filed: DisputeRecord = {
  ...draft,
  id: 'd-filed',
  findingIds: ['filed'],
  claimedAmount: cents(20_00),
  status: 'submitted',
  submittedOn: isoDate(2026, 10, 21),
};
const lookups = { carriers: [], services: [], sites: [], invoices: [] };
const today = isoDate(2026, 11, 25);

describe('a draft dispute claims nothing until it is filed', () => {
  it('on the Findings tiles: at stake, apart from what the disputes claim, and the totals add up', () => {
    const rows = findingRows(findings, { ...lookups, disputes: [draft, filed] }, today);
    expect(rows.find((r) => r.id === 'drafted')).toMatchObject({ claimed: 0, drafted: 55_00 });
    expect(rows.find((r) => r.id === 'filed')).toMatchObject({ claimed: 20_00, drafted: 0 });
    const totals = totalsOf(rows);
    expect(totals).toMatchObject({
      total: 84_00,
      open: 9_00,
      disputed: 20_00,
      disputedNow: 20_00,
      inDraft: 55_00,
    });
    // No "found now at other money than claimed": the draft's money is not a change of claim.
    expect(totals.open + totals.disputedNow + totals.inDraft).toBe(totals.total);
  });

  it('in the savings (dashboard and savings tab): claimed in the month it is filed, not before', () => {
    const once = countOnce(findings);
    const before = savingsByMonth(savingsEntries(findings, [draft, filed], once));
    expect(before.map((m) => [m.month, m.disputed])).toEqual([[OCT, 20_00]]);

    const sent: DisputeRecord = {
      ...draft,
      status: 'submitted',
      submittedOn: isoDate(2026, 11, 2),
    };
    const after = savingsByMonth(savingsEntries(findings, [sent, filed], once));
    expect(after.map((m) => [m.month, m.disputed])).toEqual([
      [OCT, 20_00],
      [NOV, 55_00],
    ]);
    const rows = findingRows(findings, { ...lookups, disputes: [sent, filed] }, today);
    expect(totalsOf(rows)).toMatchObject({ disputed: 75_00, inDraft: 0 });
  });

  it('in the monthly report: no open dispute and nothing still claimed for a draft', () => {
    expect(recoveriesIn([draft, filed], NOV, today)).toEqual({
      thisMonth: 0,
      toDate: 0,
      openDisputes: 1,
      stillClaimed: 20_00,
    });
  });
});
