/**
 * A dispute's credit that has not come (`credit-not-applied`) is the money of the dispute's
 * findings asked for again: while they are disputed, money at stake counts those dollars once. A
 * reminder beyond what the findings still count (they were dismissed since) counts for itself.
 */
import { expect, it } from 'vitest';
import { countOnce } from '../../../shared/audit/claims';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import type { FindingStatus } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';
import { isoDate, type IsoDate } from '../../../shared/dates';
import {
  ACCOUNT,
  CARRIER,
  billed,
  line,
  makeInvoice,
  makeService,
  makeSite,
  snapshotOf,
} from './helpers';

const RULE_IDS = ['rate-mismatch', 'credit-not-applied', 'closed-site'];

/**
 * The line billed $50 against its $45 rate in June; the $5 disputed on 2 July, no credit since.
 * With `siteClosedOn`, the line's site closed then: closed-site claims every charge after it.
 */
function counted(disputedStatus: FindingStatus, siteClosedOn?: IsoDate) {
  const bills = ['2026-06', '2026-07', '2026-08', '2026-09'].map((month) =>
    billed(makeInvoice({ month }), [line('recurring', month === '2026-06' ? 50_00 : 45_00)]),
  );
  const closed = siteClosedOn !== undefined;
  const snapshot = {
    ...snapshotOf({
      bills,
      today: isoDate(2026, 9, 20),
      ...(closed
        ? {
            services: [makeService({ siteId: 'site-1' })],
            sites: [makeSite({ status: 'closed', closedOn: siteClosedOn })],
          }
        : {}),
    }),
    disputes: [
      {
        id: 'dsp-1',
        carrierId: CARRIER,
        accountNumber: ACCOUNT,
        filedOn: isoDate(2026, 7, 2),
        expectedCredit: cents(5_00),
        creditedAmount: cents(0),
        status: 'submitted',
      },
    ],
  };
  const rules = ALL_RULES.filter((rule) => RULE_IDS.includes(rule.id));
  const findings = runAudit(snapshot, rules).findings.map((finding) =>
    finding.ruleId === 'rate-mismatch'
      ? { ...finding, status: disputedStatus, disputeId: 'dsp-1' }
      : { ...finding, status: 'open' as const },
  );
  expect(findings.map((f) => [f.ruleId, f.impact])).toEqual([
    ...(closed ? [['closed-site', 185_00]] : []),
    ['credit-not-applied', 5_00],
    ['rate-mismatch', 5_00],
  ]);
  const once = countOnce(findings);
  return { net: once.net, overlaps: once.overlaps };
}

it('the reminder of a disputed finding’s credit is not counted a second time', () => {
  expect(counted('disputed')).toEqual({
    net: 5_00,
    overlaps: [
      { keptBy: 'rate-mismatch', alsoClaimedBy: 'credit-not-applied', lines: 1, cents: 5_00 },
    ],
  });
});

it('once the disputed finding is dismissed, the reminder counts for itself', () => {
  expect(counted('dismissed')).toEqual({ net: 5_00, overlaps: [] });
});

it('nor when the line it is on is held by another finding: a closed site’s $185 holds the $5', () => {
  expect(counted('disputed', isoDate(2026, 5, 31)).net).toBe(185_00);
});
