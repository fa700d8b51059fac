/**
 * How a dispute's status moves when the user saves its details, and what its findings become when
 * it reaches an outcome. Pure: the Dexie repository (`renderer/db/disputes.ts`) applies it.
 */
import type { IsoDate } from '../dates';
import type { DisputeStatus } from '../model';

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
