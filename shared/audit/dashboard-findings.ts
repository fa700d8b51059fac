/**
 * Billing errors for the dashboard, with its filters applied: money at stake per rule (each dollar
 * once), the open findings outside the months shown, and the savings of `savings.ts` per month.
 */
import {
  filtersBelowInvoice,
  matchesDimensions,
  type DashboardFilter,
} from '../billing/dashboard-view';
import type { DimensionIndex } from '../billing/dimensions';
import type { IsoDate, IsoMonth } from '../dates';
import { impactKindOf, isOutstanding, type Dispute, type Finding } from '../model';
import { cents, sumCents, type Cents } from '../money/cents';
import { countedImpact, countOnce, type CountedOnce } from './claims';
import {
  identifiedByMonth,
  savingsByMonth,
  savingsEntries,
  type InvoiceMonths,
  type SavingsDispute,
  type SavingsFinding,
  type SavingsMonth,
} from './savings';

export interface RuleStake {
  ruleId: string;
  /** Findings still open or disputed. */
  count: number;
  /** Their money at stake (cents), each dollar once; 0 for a rule whose impact is money at risk. */
  atStake: Cents;
  /** Their money at risk (cents): `unknown-service`'s billed amounts, never inside `atStake`. */
  atRisk: Cents;
}

export type SavingsPoint = SavingsMonth;

export interface FindingsView {
  byRule: RuleStake[];
  /** Savings per month of the range, on the bases of `SAVINGS_BASES`. */
  savings: SavingsPoint[];
  atStake: Cents;
  /** Money at risk in open or disputed findings, shown beside `atStake`, never inside it. */
  atRisk: Cents;
  openCount: number;
  /**
   * Open or disputed findings the other filters keep whose billing month is outside the range (or
   * unknown): the Findings page lists them, the dashboard's figures do not.
   */
  outside: { count: number; atStake: Cents };
  identified: Cents;
  recovered: Cents;
}

type FindingInput = SavingsFinding & Pick<Finding, 'disputeId'>;

export function findingsView(
  findings: readonly FindingInput[],
  disputes: readonly SavingsDispute[],
  index: DimensionIndex,
  filter: DashboardFilter,
  months: readonly IsoMonth[],
  /** Each invoice's billing month (`invoiceMonthsOf`): where a finding over several bills is identified. */
  invoiceMonths: InvoiceMonths = new Map(),
): FindingsView {
  const inRange = new Set<string>(months);
  const rules = new Map<string, { count: number; atStake: number; atRisk: number }>();
  const belowInvoice = filtersBelowInvoice(filter);
  const once = countOnce(findings);
  // Findings the carrier and inventory filters keep, whatever their month: a dispute filed in
  // the range about a finding billed before it is still disputed in the range.
  const passing = new Set<string>();
  const outside = { count: 0, atStake: 0 };

  for (const finding of findings) {
    const subject = finding.subject;
    if (filter.carrierId !== '' && subject.carrierId !== filter.carrierId) continue;
    if (
      belowInvoice &&
      !matchesDimensions(
        filter,
        index.resolve(subject.carrierId, subject.accountNumber ?? '', subject.serviceKey ?? ''),
      )
    )
      continue;
    passing.add(finding.id);
    const live = isOutstanding(finding);
    const atStake = countedImpact(once, finding);
    if (subject.period === undefined || !inRange.has(subject.period)) {
      if (live) {
        outside.count++;
        outside.atStake += atStake;
      }
      continue;
    }
    if (!live) continue;
    const rule = rules.get(finding.ruleId) ?? { count: 0, atStake: 0, atRisk: 0 };
    rule.count++;
    if (impactKindOf(finding.ruleId) === 'at-risk') rule.atRisk += finding.impact;
    else rule.atStake += atStake;
    rules.set(finding.ruleId, rule);
  }

  const entries = savingsEntries(findings, disputes, once, invoiceMonths).filter((entry) =>
    entry.findingId === undefined
      ? filter.carrierId === '' || entry.carrierId === filter.carrierId
      : passing.has(entry.findingId),
  );
  const savings = savingsByMonth(entries, months);
  const byRule = [...rules.entries()]
    .map(([ruleId, r]) => ({
      ruleId,
      count: r.count,
      atStake: cents(r.atStake),
      atRisk: cents(r.atRisk),
    }))
    .sort((a, b) => b.atStake - a.atStake || b.count - a.count || a.ruleId.localeCompare(b.ruleId));
  return {
    byRule,
    savings,
    atStake: cents(byRule.reduce((sum, r) => sum + r.atStake, 0)),
    atRisk: cents(byRule.reduce((sum, r) => sum + r.atRisk, 0)),
    openCount: byRule.reduce((sum, r) => sum + r.count, 0),
    outside: { count: outside.count, atStake: cents(outside.atStake) },
    identified: cents(savings.reduce((sum, p) => sum + p.identified, 0)),
    recovered: cents(savings.reduce((sum, p) => sum + p.recovered, 0)),
  };
}

/**
 * The findings a month's report says were found that month, and their money at stake in it: those
 * still standing — open, disputed, or credited since (a report read again later still counts
 * what its month found) — not those the audit no longer finds (`resolved`) or the user dismissed,
 * billed in the month, each with its share of the month as the savings identify it
 * (`identifiedByMonth`: a finding over several bills counts in each bill's month).
 */
export function foundIn(
  findings: readonly SavingsFinding[],
  month: IsoMonth,
  invoiceMonths: InvoiceMonths,
  once: CountedOnce = countOnce(findings),
): { count: number; atStake: Cents } {
  let count = 0;
  let atStake = 0;
  for (const finding of findings) {
    if (finding.status === 'resolved' || finding.status === 'dismissed') continue;
    const shares = identifiedByMonth(once, finding, invoiceMonths);
    const share = shares.find((s) => s.month === month)?.amount ?? 0;
    // Money in other months only (a later bill's part of a finding dated by its first month) is
    // not found in this one; a finding of no money counts in the month it is dated.
    if (share === 0 && (shares.length > 0 || finding.subject.period !== month)) continue;
    count++;
    atStake += share;
  }
  return { count, atStake: cents(atStake) };
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
 * in "to date" would lose it.) A draft is no open dispute: not filed, it claims nothing yet.
 */
export function recoveriesIn(disputes: readonly DisputeCredits[], month: IsoMonth, today: IsoDate) {
  const credits = disputes.flatMap((d) => d.credits ?? []);
  const open = disputes.filter((d) => !SETTLED.has(d.status) && d.status !== 'draft');
  return {
    thisMonth: sumCents(credits.filter((c) => c.on.startsWith(month)).map((c) => c.amount)),
    toDate: sumCents(credits.filter((c) => c.on <= today).map((c) => c.amount)),
    openDisputes: open.length,
    stillClaimed: sumCents(open.map((d) => cents(Math.max(0, d.claimedAmount - d.creditedAmount)))),
  };
}
