/**
 * Billing errors for the dashboard, with its filters applied: money at stake per rule, and per
 * billing month what the checks identified, what went to the carrier and what came back as credit.
 */
import {
  filtersBelowInvoice,
  matchesDimensions,
  type DashboardFilter,
} from '../billing/dashboard-view';
import type { DimensionIndex } from '../billing/dimensions';
import type { IsoDate, IsoMonth } from '../dates';
import { impactKindOf, type Dispute, type Finding } from '../model';
import { cents, splitLargestRemainder, sumCents, type Cents } from '../money/cents';

export interface RuleStake {
  ruleId: string;
  /** Findings still open or disputed. */
  count: number;
  /** Their money at stake (cents); 0 for a rule whose impact is money at risk. */
  atStake: Cents;
  /** Their money at risk (cents): `unknown-service`'s billed amounts, never inside `atStake`. */
  atRisk: Cents;
}

export interface SavingsPoint {
  month: IsoMonth;
  /** Overbilling found in that month's bills (not dismissed). */
  identified: Cents;
  /** Of which sent to the carrier in a dispute. */
  disputed: Cents;
  /** Credits received for them, shared across a dispute's findings by their amount. */
  recovered: Cents;
}

export interface FindingsView {
  byRule: RuleStake[];
  savings: SavingsPoint[];
  atStake: Cents;
  /** Money at risk in open or disputed findings, shown beside `atStake`, never inside it. */
  atRisk: Cents;
  openCount: number;
  identified: Cents;
  recovered: Cents;
}

type FindingInput = Pick<Finding, 'id' | 'ruleId' | 'subject' | 'impact' | 'status' | 'disputeId'>;
type DisputeInput = Pick<Dispute, 'id' | 'findingIds' | 'creditedAmount'>;

/**
 * Each finding's share of its dispute's credits, in whole cents that add up to the credit: shared
 * by money at stake among the dispute's findings that claim some (not dismissed), else all of it
 * to the dispute's first finding, so no credit is ever lost from the savings.
 */
function recoveredByFinding(
  findings: ReadonlyMap<string, FindingInput>,
  disputes: readonly DisputeInput[],
): Map<string, number> {
  const shares = new Map<string, number>();
  for (const dispute of disputes) {
    if (dispute.creditedAmount === 0) continue;
    const members = dispute.findingIds.flatMap((id) => {
      const finding = findings.get(id);
      return finding ? [finding] : [];
    });
    const claiming = members.filter((f) => f.impact > 0 && f.status !== 'dismissed');
    const first = members[0];
    if (claiming.length === 0) {
      if (first) shares.set(first.id, (shares.get(first.id) ?? 0) + dispute.creditedAmount);
      continue;
    }
    const split = splitLargestRemainder(
      dispute.creditedAmount,
      claiming.map((f) => f.impact),
    );
    claiming.forEach((finding, i) =>
      shares.set(finding.id, (shares.get(finding.id) ?? 0) + (split[i] ?? 0)),
    );
  }
  return shares;
}

export function findingsView(
  findings: readonly FindingInput[],
  disputes: readonly DisputeInput[],
  index: DimensionIndex,
  filter: DashboardFilter,
  months: readonly IsoMonth[],
): FindingsView {
  const monthAt = new Map<string, number>(months.map((m, i) => [m, i]));
  const points = months.map(() => ({ identified: 0, disputed: 0, recovered: 0 }));
  const rules = new Map<string, { count: number; atStake: number; atRisk: number }>();
  const recovered = recoveredByFinding(new Map(findings.map((f) => [f.id, f])), disputes);
  const belowInvoice = filtersBelowInvoice(filter);

  for (const finding of findings) {
    const subject = finding.subject;
    if (filter.carrierId !== '' && subject.carrierId !== filter.carrierId) continue;
    const at = subject.period === undefined ? undefined : monthAt.get(subject.period);
    if (at === undefined) continue;
    if (
      belowInvoice &&
      !matchesDimensions(
        filter,
        index.resolve(subject.carrierId, subject.accountNumber ?? '', subject.serviceKey ?? ''),
      )
    )
      continue;
    const atRisk = impactKindOf(finding.ruleId) === 'at-risk';
    if (finding.status === 'open' || finding.status === 'disputed') {
      const rule = rules.get(finding.ruleId) ?? { count: 0, atStake: 0, atRisk: 0 };
      rule.count++;
      if (atRisk) rule.atRisk += finding.impact;
      else rule.atStake += finding.impact;
      rules.set(finding.ruleId, rule);
    }
    const point = points[at];
    if (!point) continue;
    if (finding.status !== 'dismissed' && finding.impact > 0 && !atRisk) {
      point.identified += finding.impact;
      if (finding.disputeId) point.disputed += finding.impact;
    }
    point.recovered += recovered.get(finding.id) ?? 0;
  }

  const byRule = [...rules.entries()]
    .map(([ruleId, r]) => ({
      ruleId,
      count: r.count,
      atStake: cents(r.atStake),
      atRisk: cents(r.atRisk),
    }))
    .sort((a, b) => b.atStake - a.atStake || b.count - a.count || a.ruleId.localeCompare(b.ruleId));
  const savings = months.map((month, i) => ({
    month,
    identified: cents(points[i]?.identified ?? 0),
    disputed: cents(points[i]?.disputed ?? 0),
    recovered: cents(points[i]?.recovered ?? 0),
  }));
  return {
    byRule,
    savings,
    atStake: cents(byRule.reduce((sum, r) => sum + r.atStake, 0)),
    atRisk: cents(byRule.reduce((sum, r) => sum + r.atRisk, 0)),
    openCount: byRule.reduce((sum, r) => sum + r.count, 0),
    identified: cents(savings.reduce((sum, p) => sum + p.identified, 0)),
    recovered: cents(savings.reduce((sum, p) => sum + p.recovered, 0)),
  };
}

/** A dispute as the recoveries read it: its state, its claim and the dated credits received. */
type DisputeCredits = Pick<Dispute, 'status' | 'claimedAmount' | 'creditedAmount'> & {
  credits?: readonly { on: string; amount: Cents }[];
};

/** Dispute states that claim nothing more from the carrier. */
const SETTLED = new Set<Dispute['status']>(['closed', 'denied', 'credited']);

/**
 * A month's recoveries for the report: credits received in `month`, and — on the same basis as
 * what open disputes still claim, which is today's — every credit received up to `today`. (A
 * credit recorded after the month is recovered to date; counting it in "still claimed" but not
 * in "to date" would lose it.)
 */
export function recoveriesIn(disputes: readonly DisputeCredits[], month: IsoMonth, today: IsoDate) {
  const credits = disputes.flatMap((d) => d.credits ?? []);
  const open = disputes.filter((d) => !SETTLED.has(d.status));
  return {
    thisMonth: sumCents(credits.filter((c) => c.on.startsWith(month)).map((c) => c.amount)),
    toDate: sumCents(credits.filter((c) => c.on <= today).map((c) => c.amount)),
    openDisputes: open.length,
    stillClaimed: sumCents(open.map((d) => cents(Math.max(0, d.claimedAmount - d.creditedAmount)))),
  };
}
