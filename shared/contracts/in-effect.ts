/**
 * Which of several contracts naming one account prices a bill of a given day. A company renewing
 * with its carrier often records the new agreement beside the old one, both naming the account:
 * the bills of 2026 belong to the contract signed for 2026, not to the one that ended in 2025 (whose
 * rate card and commitment would make the new rates unchecked, the account "out of contract" and
 * the new commitment look half spent).
 */
import { addDays, type IsoDate } from '../dates/iso-date';
import type { Contract } from '../model/contract';

/** What choosing a contract by its term reads. */
export type TermOfContract = Pick<
  Contract,
  'startDate' | 'endDate' | 'autoRenew' | 'renewalTermMonths' | 'status'
>;

/**
 * Whether a contract still fixes prices for a period starting on `date`: within its term, or
 * after it when it renews by itself for a real term (a 0-month renewal is month-to-month).
 */
export function contractCovers(contract: TermOfContract, date: IsoDate): boolean {
  if (date <= contract.endDate) return true;
  return contract.autoRenew && contract.renewalTermMonths > 0 && contract.status !== 'terminated';
}

/**
 * The contracts of `named` (all naming one account) that hold a bill of `date`: those started by
 * then whose own term covers it; else those started by then still renewing by themselves (a
 * contract within its signed term supersedes an older one rolling over); else every one started
 * by then (none covers it: an expired contract keeps its bills, out of contract); else, before any
 * has started, all of them. With one contract, always that one.
 */
export function contractsInEffect<T extends TermOfContract>(
  named: readonly T[],
  date: IsoDate,
): readonly T[] {
  if (named.length <= 1) return named;
  const started = named.filter((contract) => contract.startDate <= date);
  if (started.length === 0) return named;
  const inTerm = started.filter((contract) => date <= contract.endDate);
  if (inTerm.length > 0) return inTerm;
  const renewing = started.filter((contract) => contractCovers(contract, date));
  return renewing.length > 0 ? renewing : started;
}

/**
 * The one contract of `named` pricing a bill of `date`: of those in effect, the first `prefer`
 * accepts (the one whose rate card prices the service), then the latest started (a renewal signed
 * over a running term), then the latest ended; before any has started, the first to start.
 */
export function contractInEffect<T extends TermOfContract>(
  named: readonly T[],
  date: IsoDate,
  prefer: (contract: T) => boolean = () => false,
): T | undefined {
  if (named.length <= 1) return named[0];
  if (named.every((contract) => contract.startDate > date))
    return named.reduce((first, contract) =>
      contract.startDate < first.startDate ? contract : first,
    );
  let chosen: T | undefined;
  let chosenPreferred = false;
  for (const contract of contractsInEffect(named, date)) {
    const preferred = prefer(contract);
    if (
      chosen === undefined ||
      (preferred && !chosenPreferred) ||
      (preferred === chosenPreferred &&
        (contract.startDate > chosen.startDate ||
          (contract.startDate === chosen.startDate && contract.endDate > chosen.endDate)))
    ) {
      chosen = contract;
      chosenPreferred = preferred;
    }
  }
  return chosen;
}

/** What telling a contract's successor reads. */
export type SuccessionFields = Pick<
  Contract,
  'id' | 'carrierId' | 'status' | 'startDate' | 'endDate' | 'accountIds' | 'serviceIds'
>;

/**
 * The contract taking over from `contract` at the end of its term running to `end` (its end date
 * unless given: an auto-renewed contract's current term): another of its carrier, live, covering
 * the same accounts or services, starting after it did and by the day after that end, and running
 * past it (a renewal recorded as a new contract beside the old one); the first to start.
 */
export function successorOf<T extends SuccessionFields>(
  contract: SuccessionFields,
  contracts: readonly T[],
  end: IsoDate = contract.endDate,
): T | undefined {
  const accounts = new Set(contract.accountIds);
  const services = new Set(contract.serviceIds);
  const after = addDays(end, 1);
  let found: T | undefined;
  for (const other of contracts) {
    if (other.id === contract.id || other.carrierId !== contract.carrierId) continue;
    if (!['active', 'in-review', 'negotiating'].includes(other.status)) continue;
    if (other.startDate <= contract.startDate || other.startDate > after) continue;
    if (other.endDate <= end) continue;
    const shares =
      other.accountIds.some((id) => accounts.has(id)) ||
      other.serviceIds.some((id) => services.has(id));
    if (shares && (found === undefined || other.startDate < found.startDate)) found = other;
  }
  return found;
}
