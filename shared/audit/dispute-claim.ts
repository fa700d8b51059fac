/**
 * What a dispute asks the carrier for. A claim asks only for money at stake, each cent once,
 * exactly as the Findings page counts it ({@link atStakeCents}): a finding that claims no carrier
 * money (an allocation gap, money at risk, an inventory gap, a $0.00 renegotiation item, or lines
 * another finding already claims) is left out of the dispute, with the reason, so it stays open
 * for the work it does need instead of sitting "disputed" with nothing asked. The form shows
 * what it leaves out before the user opens the dispute; a dispute opened with such a finding in it
 * anyway is refused, naming each one ({@link disputeRefusal}), never trimmed without a word.
 */
import { impactKindOf, type Dispute, type Finding } from '../model';
import { formatCents, sumCents, type Cents } from '../money/cents';
import { plural } from '../text/wording';
import { atStakeCents, type ClaimingFinding, type CountedOnce } from './claims';
import { ruleTitleOf } from './rules';

/** What {@link disputeChoice} reads of a finding. */
export type DisputableFinding = ClaimingFinding & {
  subject: Pick<Finding['subject'], 'carrierId' | 'accountNumber' | 'serviceIdRaw'>;
  disputeId?: string | undefined;
};

/** The selected findings sorted into what a dispute claims and what it leaves out. */
export interface DisputeChoice<F extends DisputableFinding> {
  /** The findings the dispute takes, each with the cents it claims (more than 0). */
  claimed: { finding: F; claim: Cents }[];
  /** The findings left out, each with a sentence saying why. */
  leftOut: { finding: F; reason: string }[];
  /** The claim: the sum of `claimed`, the Findings page's money at stake of those findings. */
  total: Cents;
  /** The distinct carrier accounts selected (`carrierId|accountNumber`); a dispute covers one. */
  accounts: string[];
}

/**
 * How a sentence names a dispute: by the carrier's ticket when it has one, else by the day it was
 * opened, e.g. `the dispute with ticket LUM-88121`.
 */
export function disputeName(dispute: Pick<Dispute, 'carrierReference' | 'openedOn'>): string {
  return dispute.carrierReference
    ? `the dispute with ticket ${dispute.carrierReference}`
    : `the dispute opened on ${dispute.openedOn}`;
}

/** Dispute id → how a sentence names it ({@link disputeName}). */
export function disputeNames(
  disputes: readonly Pick<Dispute, 'id' | 'carrierReference' | 'openedOn'>[],
): Map<string, string> {
  return new Map(disputes.map((dispute) => [dispute.id, disputeName(dispute)]));
}

/** Why a finding asks the carrier for nothing; null when it claims money at stake. */
function reasonLeftOut(
  finding: DisputableFinding,
  claim: Cents,
  names: ReadonlyMap<string, string>,
): string | null {
  if (finding.disputeId !== undefined)
    return `already in ${names.get(finding.disputeId) ?? 'a dispute'}, which claims it`;
  if (finding.status === 'dismissed') return 'dismissed';
  const kind = impactKindOf(finding.ruleId);
  if (kind === 'unallocated')
    return 'an internal allocation gap (no cost center), no money owed by the carrier';
  if (kind === 'at-risk')
    return 'money at risk: a service missing from the inventory, to look into before disputing';
  if (claim > 0) return null;
  return finding.impact > 0
    ? 'its charge lines are already claimed by another finding'
    : 'no money to claim ($0.00)';
}

/**
 * Sorts the selected findings into a dispute's claim and what it leaves out (see the module);
 * `names` (dispute id → {@link disputeName}) names the dispute a finding is already in.
 */
export function disputeChoice<F extends DisputableFinding>(
  counted: CountedOnce,
  findings: readonly F[],
  names: ReadonlyMap<string, string> = new Map(),
): DisputeChoice<F> {
  const claimed: DisputeChoice<F>['claimed'] = [];
  const leftOut: DisputeChoice<F>['leftOut'] = [];
  for (const finding of findings) {
    const claim = atStakeCents(counted, finding);
    const reason = reasonLeftOut(finding, claim, names);
    if (reason === null) claimed.push({ finding, claim });
    else leftOut.push({ finding, reason });
  }
  const accounts = [
    ...new Set(findings.map((f) => `${f.subject.carrierId}|${f.subject.accountNumber ?? ''}`)),
  ];
  return {
    claimed,
    leftOut,
    total: sumCents(claimed.map((c) => c.claim)),
    accounts,
  };
}

/**
 * Why a dispute of exactly these findings cannot be opened: some ask the carrier for no money at
 * stake, each named with its reason, e.g. `… Renewal notice due (CIRCUIT-9), $0.00: no money to
 * claim ($0.00).` Null when every finding claims money.
 */
export function disputeRefusal<F extends DisputableFinding>(
  choice: DisputeChoice<F>,
): string | null {
  const { leftOut } = choice;
  if (leftOut.length === 0) return null;
  const selected = leftOut.length + choice.claimed.length;
  // A finding already in a dispute is claimed there: it claims nothing MORE, and says why.
  const why = leftOut.every(({ finding }) => finding.disputeId !== undefined)
    ? choice.claimed.length > 0
      ? `${leftOut.length} of these ${plural(selected, 'finding')} ${leftOut.length === 1 ? 'is already in a dispute and claims nothing more, so leave it out' : 'are already in disputes and claim nothing more, so leave them out'}`
      : selected === 1
        ? 'this finding is already in a dispute, so it claims nothing more'
        : `these ${plural(selected, 'finding')} are already in disputes, so they claim nothing more`
    : choice.claimed.length > 0
      ? `${leftOut.length} of these ${plural(selected, 'finding')} ${leftOut.length === 1 ? 'claims none, so leave it out' : 'claim none, so leave them out'}`
      : selected === 1
        ? 'this finding claims none, so it cannot be disputed'
        : `none of these ${plural(selected, 'finding')} claims any, so there is nothing to dispute`;
  const named = leftOut.map(({ finding, reason }) => {
    const service = finding.subject.serviceIdRaw ? ` (${finding.subject.serviceIdRaw})` : '';
    return `${ruleTitleOf(finding.ruleId)}${service}, ${formatCents(finding.impact)}: ${reason}`;
  });
  return `A dispute asks the carrier for money at stake; ${why}: ${named.join('; ')}.`;
}
