/**
 * How a dispute's status moves when the user saves its details, and what its findings become when
 * it reaches an outcome. Pure: the Dexie repository (`renderer/db/disputes.ts`) applies it.
 */
import type { IsoDate } from '../dates';
import type { Dispute, DisputeStatus, Finding, FindingStatus } from '../model';
import { assertNever } from '../result';

/**
 * The status a dispute is saved with: the one the user picked in the form, else — when nobody
 * picked one — a draft given a filed date becomes `submitted` (filing is what a draft waits for),
 * else the dispute keeps the status it has now (a credit recorded meanwhile is never undone).
 */
export function disputeStatusOnSave(
  current: DisputeStatus,
  filedOn: IsoDate | undefined,
  picked?: DisputeStatus,
): DisputeStatus {
  if (picked !== undefined) return picked;
  return current === 'draft' && filedOn !== undefined ? 'submitted' : current;
}

/** What a dispute's outcome makes of its findings. */
export type FindingStatusUnderDispute = Extract<FindingStatus, 'disputed' | 'credited' | 'open'>;

/**
 * The status a dispute's findings take: `disputed` while it runs (draft, filed, partially
 * credited); `credited` once fully credited, or closed after some credit came back (the claim is
 * settled); `open` again when the carrier denied it or it was closed with nothing back — the money
 * is still lost, so the finding can be disputed again or dismissed.
 */
export function findingStatusUnder(
  dispute: Pick<Dispute, 'status' | 'creditedAmount'>,
): FindingStatusUnderDispute {
  switch (dispute.status) {
    case 'draft':
    case 'submitted':
    case 'partially-credited':
      return 'disputed';
    case 'credited':
      return 'credited';
    case 'closed':
      return dispute.creditedAmount > 0 ? 'credited' : 'open';
    case 'denied':
      return 'open';
    default:
      return assertNever(dispute.status);
  }
}

/** The history note of findings following their dispute to `status`. */
export function followNote(
  dispute: Pick<Dispute, 'status' | 'creditedAmount' | 'carrierReference'>,
): string {
  const ticket = dispute.carrierReference ? ` (ticket ${dispute.carrierReference})` : '';
  if (dispute.status === 'denied') return `Dispute denied by the carrier${ticket}`;
  if (dispute.status === 'closed')
    return dispute.creditedAmount > 0
      ? `Dispute closed${ticket} with a partial credit`
      : `Dispute closed${ticket} with no credit`;
  if (dispute.status === 'credited') return `Dispute credited${ticket}`;
  return `Dispute reopened${ticket}`;
}

/**
 * The findings of a dispute that move when its status changes, moved (each with a history entry
 * `{ status, at, note }`); the others are left out. A finding moves when the dispute holds it
 * (its `disputeId`, status `disputed` or `credited`: what the dispute made of it) or when it is one
 * the dispute let go earlier, still `open` and in no dispute, and the dispute runs again (a denial
 * recorded by mistake, or an appeal). A finding open again leaves the dispute (no `disputeId`), so
 * it can be put in a new one; one the user dismissed or resolved is the user's and stays.
 */
export function findingsFollowingDispute<F extends Finding>(
  dispute: Pick<Dispute, 'id' | 'status' | 'creditedAmount'>,
  members: readonly F[],
  at: string,
  note: string,
): F[] {
  const target = findingStatusUnder(dispute);
  const moved: F[] = [];
  for (const finding of members) {
    const held =
      finding.disputeId === dispute.id &&
      (finding.status === 'disputed' || finding.status === 'credited');
    const letGo = finding.disputeId === undefined && finding.status === 'open' && target !== 'open';
    if ((!held && !letGo) || finding.status === target) continue;
    const next: F = {
      ...finding,
      status: target,
      statusHistory: [...finding.statusHistory, { status: target, at, note }],
    };
    if (target === 'open') delete next.disputeId;
    else next.disputeId = dispute.id;
    moved.push(next);
  }
  return moved;
}
