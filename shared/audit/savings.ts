/**
 * Savings, one definition for every screen (dashboard, savings tracker, monthly report):
 *
 * - **identified**: money at stake the checks found, each dollar once (see `claims.ts`), in the
 *   billing month of the charges (the finding's period), dismissed findings left out;
 * - **disputed**: what a dispute claims, in the month it was filed with the carrier (else opened);
 * - **recovered**: each credit, in the month of the bill that carried it (the credit's date).
 *
 * Each amount is shared among the findings of its dispute by their money at stake, so a screen
 * filtered to a site or a cost center sees its findings' share, and the shares add up to the
 * dispute's figures to the cent.
 */
import type { IsoMonth } from '../dates/iso-date';
import type { Dispute, Finding } from '../model';
import { cents, splitLargestRemainder, type Cents } from '../money/cents';
import { countedImpact, countOnce, type ClaimingFinding, type CountedOnce } from './claims';

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
}

/** What the savings read of a finding. */
export type SavingsFinding = ClaimingFinding & Pick<Finding, 'subject'>;

/** What the savings read of a dispute: its claim, when filed, and the dated credits received. */
export type SavingsDispute = Pick<
  Dispute,
  'id' | 'carrierId' | 'findingIds' | 'claimedAmount' | 'creditedAmount' | 'openedOn'
> &
  Partial<Pick<Dispute, 'submittedOn' | 'closedOn'>> & {
    credits?: readonly { on: string; amount: Cents }[];
  };

/** Every savings amount of a workspace (see the module comment for the bases). */
export function savingsEntries(
  findings: readonly SavingsFinding[],
  disputes: readonly SavingsDispute[],
  once: CountedOnce = countOnce(findings),
): SavingsEntry[] {
  const entries: SavingsEntry[] = [];
  const byId = new Map(findings.map((f) => [f.id, f]));
  for (const finding of findings) {
    const amount = countedImpact(once, finding);
    if (finding.status === 'dismissed' || amount <= 0 || finding.subject.period === undefined)
      continue;
    entries.push({
      kind: 'identified',
      month: finding.subject.period,
      amount,
      carrierId: finding.subject.carrierId,
      findingId: finding.id,
    });
  }
  for (const dispute of disputes) {
    const members = dispute.findingIds.flatMap((id) => byId.get(id) ?? []);
    const share = sharer(dispute, members, once);
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
