/**
 * Savings, one definition for every screen (dashboard, savings tracker, monthly report):
 *
 * - **identified**: money at stake the checks found, each dollar once (see `claims.ts`), in the
 *   billing month of the charges, dismissed findings left out: a finding over several bills puts
 *   in each bill's month what it claims on that bill's lines (as its dispute letter splits it by
 *   invoice), and what it claims on no line in its own period;
 * - **disputed**: what a dispute claims, in the month it was filed with the carrier (else opened);
 *   a draft, not yet filed, claims nothing from the carrier yet and is left out until it is;
 * - **recovered**: each credit, in the month of the bill that carried it (the credit's date).
 *
 * Each amount is shared among the findings of its dispute by their money at stake, so a screen
 * filtered to a site or a cost center sees its findings' share, and the shares add up to the
 * dispute's figures to the cent.
 */
import { isoMonthOf, type IsoDate, type IsoMonth } from '../dates/iso-date';
import type { Dispute, Finding } from '../model';
import { cents, splitLargestRemainder, type Cents } from '../money/cents';
import {
  claimParts,
  countedImpact,
  countOnce,
  type ClaimingFinding,
  type CountedOnce,
} from './claims';

/** The three bases, as named on screen. */
export const SAVINGS_BASES = {
  identified: 'by billing month of the charges',
  disputed: 'by date filed',
  recovered: 'by date of the credit',
} as const;

export type SavingsKind = keyof typeof SAVINGS_BASES;

/** One amount of savings, dated by its basis. */
export interface SavingsEntry {
  kind: SavingsKind;
  month: IsoMonth;
  amount: Cents;
  carrierId: string;
  /** The finding it belongs to; absent for a dispute with no finding left. */
  findingId?: string;
  /** The dispute whose claim or credit it is a share of; absent for identified money. */
  disputeId?: string;
}

/** What the savings read of a finding. */
export type SavingsFinding = ClaimingFinding & Pick<Finding, 'subject'>;

/** What the savings read of a dispute: its claim, when filed, and the dated credits received. */
export type SavingsDispute = Pick<
  Dispute,
  'id' | 'carrierId' | 'findingIds' | 'claimedAmount' | 'creditedAmount' | 'openedOn'
> &
  Partial<Pick<Dispute, 'submittedOn' | 'closedOn' | 'status'>> & {
    credits?: readonly { on: string; amount: Cents }[];
  };

/** Invoice id → billing month (the month of its invoice date), as `identifiedByMonth` reads it. */
export type InvoiceMonths = ReadonlyMap<string, IsoMonth>;

/** The billing month of each invoice: the month of its invoice date. */
export function invoiceMonthsOf(
  invoices: readonly { id: string; invoiceDate: IsoDate }[],
): InvoiceMonths {
  return new Map(invoices.map((invoice) => [invoice.id, isoMonthOf(invoice.invoiceDate)]));
}

/**
 * A finding's identified money by billing month, oldest first: what it claims on each bill's
 * charge lines in that bill's month (`claimParts`, the split its dispute letter makes by invoice),
 * the rest (money on no line, lines of a bill not in `months`) in the finding's period. When its
 * line claims cannot say how much each bill carries, all of it in its period. The amounts add up
 * to its money at stake, each dollar once; none for a dismissed finding or one with no period.
 */
export function identifiedByMonth(
  once: CountedOnce,
  finding: SavingsFinding,
  months: InvoiceMonths,
): { month: IsoMonth; amount: Cents }[] {
  const period = finding.subject.period;
  if (period === undefined) return [];
  const parts = claimParts(once, finding);
  const sums = new Map<IsoMonth, number>();
  const add = (month: IsoMonth, amount: number) => {
    if (amount > 0) sums.set(month, (sums.get(month) ?? 0) + amount);
  };
  if (!parts.exact) add(period, countedImpact(once, finding));
  else {
    for (const line of parts.held) add(months.get(line.invoiceId) ?? period, line.claim);
    add(period, parts.notOnLines);
  }
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, amount]) => ({ month, amount: cents(amount) }));
}

/**
 * Every savings amount of a workspace (see the module comment for the bases); `months` gives each
 * invoice's billing month, for the identified money of a finding over several bills.
 */
export function savingsEntries(
  findings: readonly SavingsFinding[],
  disputes: readonly SavingsDispute[],
  once: CountedOnce = countOnce(findings),
  months: InvoiceMonths = new Map(),
): SavingsEntry[] {
  const entries: SavingsEntry[] = [];
  const byId = new Map(findings.map((f) => [f.id, f]));
  for (const finding of findings) {
    for (const { month, amount } of identifiedByMonth(once, finding, months))
      entries.push({
        kind: 'identified',
        month,
        amount,
        carrierId: finding.subject.carrierId,
        findingId: finding.id,
      });
  }
  for (const dispute of disputes) {
    const members = dispute.findingIds.flatMap((id) => byId.get(id) ?? []);
    const share = sharer(dispute, members, once);
    // A draft is not filed with the carrier: nothing is claimed until it is.
    if (dispute.status !== 'draft')
      share('disputed', monthOf(dispute.submittedOn ?? dispute.openedOn), dispute.claimedAmount);
    const credits =
      dispute.credits ??
      (dispute.creditedAmount > 0
        ? [{ on: dispute.closedOn ?? dispute.openedOn, amount: dispute.creditedAmount }]
        : []);
    for (const credit of credits) share('recovered', monthOf(credit.on), credit.amount);
  }
  return entries;

  function sharer(dispute: SavingsDispute, members: SavingsFinding[], counted: CountedOnce) {
    // Shared by money at stake among the findings that claim some, else all to the first one.
    const claiming = members.filter(
      (f) => f.status !== 'dismissed' && countedImpact(counted, f) > 0,
    );
    const weights = claiming.map((f) => countedImpact(counted, f));
    return (kind: SavingsKind, month: IsoMonth, amount: Cents) => {
      if (amount === 0) return;
      if (claiming.length === 0) {
        const first = members[0];
        entries.push({
          kind,
          month,
          amount,
          carrierId: dispute.carrierId,
          ...(first ? { findingId: first.id } : {}),
          disputeId: dispute.id,
        });
        return;
      }
      splitLargestRemainder(amount, weights).forEach((part, i) => {
        const finding = claiming[i];
        if (finding !== undefined && part !== 0)
          entries.push({
            kind,
            month,
            amount: part,
            carrierId: dispute.carrierId,
            findingId: finding.id,
            disputeId: dispute.id,
          });
      });
    };
  }
}

function monthOf(date: string): IsoMonth {
  return date.slice(0, 7) as IsoMonth;
}

/** One month of savings. */
export interface SavingsMonth {
  month: IsoMonth;
  identified: Cents;
  disputed: Cents;
  recovered: Cents;
}

/**
 * Entries summed by month: the `months` given (in their order, zeros included), else every month
 * with an entry, oldest first.
 */
export function savingsByMonth(
  entries: readonly SavingsEntry[],
  months?: readonly IsoMonth[],
): SavingsMonth[] {
  const sums = new Map<IsoMonth, Record<SavingsKind, number>>(
    (months ?? []).map((m) => [m, { identified: 0, disputed: 0, recovered: 0 }]),
  );
  for (const entry of entries) {
    let sum = sums.get(entry.month);
    if (sum === undefined) {
      if (months !== undefined) continue;
      sum = { identified: 0, disputed: 0, recovered: 0 };
      sums.set(entry.month, sum);
    }
    sum[entry.kind] += entry.amount;
  }
  const order = months ?? [...sums.keys()].sort();
  return order.map((month) => {
    const sum = sums.get(month) ?? { identified: 0, disputed: 0, recovered: 0 };
    return {
      month,
      identified: cents(sum.identified),
      disputed: cents(sum.disputed),
      recovered: cents(sum.recovered),
    };
  });
}

/**
 * Each finding's share of its dispute's claim as filed (`kind` `disputed`) or of the credits it
 * received (`recovered`), finding id → cents: shared as {@link savingsEntries} shares them, so a
 * dispute's findings add up to its claim, or its credits, to the cent, whatever the checks find
 * of them now. Findings of no stored dispute are absent. The claim is only that of the dispute
 * the finding is in now: a dispute denied earlier still lists it, and its claim is no longer made
 * (counting it too would claim the finding twice); the credits of every dispute were received.
 */
export function disputeShares(
  findings: readonly (SavingsFinding & { disputeId?: string })[],
  disputes: readonly SavingsDispute[],
  kind: 'disputed' | 'recovered',
  once: CountedOnce = countOnce(findings),
): Map<string, Cents> {
  const stored = new Set(disputes.map((d) => d.id));
  const shares = new Map<string, Cents>();
  for (const finding of findings)
    if (finding.disputeId !== undefined && stored.has(finding.disputeId))
      shares.set(finding.id, cents(0));
  const current = new Map(findings.map((f) => [f.id, f.disputeId]));
  for (const entry of savingsEntries(findings, disputes, once)) {
    if (entry.kind !== kind || entry.findingId === undefined) continue;
    if (kind === 'disputed' && entry.disputeId !== current.get(entry.findingId)) continue;
    shares.set(entry.findingId, cents((shares.get(entry.findingId) ?? 0) + entry.amount));
  }
  return shares;
}
