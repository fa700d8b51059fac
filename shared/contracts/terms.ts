/**
 * Contract terms: when a term ends, when notice is due, and which term is running today.
 *
 * Conventions (every function here follows them):
 * - Dates are calendar dates ({@link IsoDate}); both ends of a term are inclusive.
 * - A term of N months starting on day D ends the day before D's N-month anniversary. When the
 *   anniversary day does not exist in that month (Jan 31 → February, Feb 29 → a common year), the
 *   anniversary is the first day of the following month, so the term ends on the last day of the
 *   target month: 2024-01-31 + 1 month ends 2024-02-29, 2024-02-29 + 12 months ends 2025-02-28.
 *   This never makes a term a day short, which clamping the anniversary would.
 * - The notice deadline is the last day notice can reach the carrier: the term's end date minus
 *   the notice days (`noticeDays` 0 makes it the end date itself).
 * - A renewal term starts the day after the previous term ends and is counted from there with the
 *   same rule. Renewals chain from the contract's stored `endDate` (which the user may have typed
 *   from the signed paper), not from `startDate`.
 */
import type { IsoDate } from '../dates/iso-date';
import { addDays, addMonthsToMonth, dateParts, daysInMonth, isoDate, isoMonth } from '../dates';
import type { Contract } from '../model/contract';

/** What {@link currentTerm} needs from a contract. */
export type TermFields = Pick<
  Contract,
  'endDate' | 'noticeDays' | 'autoRenew' | 'renewalTermMonths'
>;

/** The term a contract is in on a given day. */
export interface CurrentTerm {
  /** First day of the current term: the day after the previous term's end; null for the initial term. */
  renewedOn: IsoDate | null;
  /** Last day of the current term (inclusive). For an expired contract, the day it ended. */
  termEnd: IsoDate;
  /** Last day notice can reach the carrier for the current term: `termEnd` − `noticeDays`. */
  noticeDeadline: IsoDate;
  /** How many automatic renewals have happened up to today (0 while in the initial term). */
  rolledOver: number;
  /**
   * True when the contract now runs month to month: an evergreen contract with
   * `renewalTermMonths` 0 past its initial term, or an expired contract (out of contract, billed
   * at month-to-month rates).
   */
  monthToMonth: boolean;
  /** True when the contract does not renew by itself and its end date has passed. */
  expired: boolean;
}

/**
 * Last day (inclusive) of a term of `termMonths` months starting on `start`: 2024-01-15 + 36 →
 * 2027-01-14, 2024-01-31 + 1 → 2024-02-29, 2024-02-29 + 12 → 2025-02-28 (see the module
 * conventions). Throws on a negative or fractional term, or on 0 months (a programmer error:
 * validate user input first).
 */
export function contractEndDate(start: IsoDate, termMonths: number): IsoDate {
  if (!Number.isInteger(termMonths) || termMonths < 1) {
    throw new RangeError(
      `contractEndDate() needs a whole number of months >= 1, got ${termMonths}.`,
    );
  }
  const { year, month, day } = dateParts(start);
  const target = addMonthsToMonth(isoMonth(year, month), termMonths);
  const targetYear = Number(target.slice(0, 4));
  const targetMonth = Number(target.slice(5, 7));
  const lastDay = daysInMonth(targetYear, targetMonth);
  // The anniversary does not exist in the target month: it falls on the 1st of the next month.
  if (day > lastDay) return isoDate(targetYear, targetMonth, lastDay);
  return addDays(isoDate(targetYear, targetMonth, day), -1);
}

/**
 * Last day notice of non-renewal can reach the carrier: `endDate` − `noticeDays` days.
 * A contract ending 2027-01-01 with 30 days' notice must be noticed by 2026-12-02.
 */
export function noticeDeadline(contract: Pick<Contract, 'endDate' | 'noticeDays'>): IsoDate {
  return addDays(contract.endDate, -Math.max(0, Math.trunc(contract.noticeDays)));
}

/**
 * The term running on `today`.
 *
 * - On or before `endDate`: the initial term (`rolledOver` 0), whatever `autoRenew` says.
 * - Past `endDate`, auto-renewing (evergreen): rolled forward one renewal term at a time until a
 *   term covers today; `renewalTermMonths` 0 (or less) rolls one month at a time and sets
 *   `monthToMonth`.
 * - Past `endDate`, not auto-renewing: `expired` and `monthToMonth`; `termEnd` and
 *   `noticeDeadline` stay those of the last term.
 *
 * A day is covered by a term when it is on or before the term's end, so the end date itself is
 * still in the term. The contract's `status` is not looked at: callers decide what a terminated
 * contract means.
 */
export function currentTerm(contract: TermFields, today: IsoDate): CurrentTerm {
  const initial: CurrentTerm = {
    renewedOn: null,
    termEnd: contract.endDate,
    noticeDeadline: noticeDeadline(contract),
    rolledOver: 0,
    monthToMonth: false,
    expired: false,
  };
  if (today <= contract.endDate) return initial;
  if (!contract.autoRenew) return { ...initial, monthToMonth: true, expired: true };

  const monthToMonth = !(contract.renewalTermMonths >= 1);
  const renewalMonths = monthToMonth ? 1 : Math.trunc(contract.renewalTermMonths);
  let termEnd = contract.endDate;
  let renewedOn = termEnd;
  let rolledOver = 0;
  while (termEnd < today) {
    renewedOn = addDays(termEnd, 1);
    termEnd = contractEndDate(renewedOn, renewalMonths);
    rolledOver += 1;
  }
  return {
    renewedOn,
    termEnd,
    noticeDeadline: noticeDeadline({ endDate: termEnd, noticeDays: contract.noticeDays }),
    rolledOver,
    monthToMonth,
    expired: false,
  };
}

/** The term a contract is in on a day, numbered from its start, for people to read. */
export interface TermOnDay {
  /** 0 for the initial term, then 1, 2… for each renewal term. */
  number: number;
  /** First and last day of the term (both inclusive). */
  start: IsoDate;
  end: IsoDate;
  /** Last day notice can reach the carrier for this term. */
  noticeDeadline: IsoDate;
  /** True when the contract does not renew by itself and its last term has ended. */
  expired: boolean;
  /** True when the renewals run a month at a time. */
  monthToMonth: boolean;
}

/**
 * The term running on `today`, counted from `startDate`: the initial term ends `termMonths` after
 * the start (or on `endDate` when that is earlier, the date typed from the paper). A stored
 * `endDate` past the initial term records renewals already taken (an auto-renewed contract), so
 * the days between are renewal terms, not the initial one; past `endDate` an auto-renewing
 * contract keeps rolling (see {@link currentTerm}). Month-to-month renewals up to `endDate` count
 * as one renewal term.
 */
export function termOnDay(
  contract: TermFields & Pick<Contract, 'startDate' | 'termMonths'>,
  today: IsoDate,
): TermOnDay {
  const computed =
    Number.isInteger(contract.termMonths) && contract.termMonths >= 1
      ? contractEndDate(contract.startDate, contract.termMonths)
      : contract.endDate;
  const monthToMonth = !(contract.renewalTermMonths >= 1);
  const months = monthToMonth ? 1 : Math.trunc(contract.renewalTermMonths);
  const term = (number: number, start: IsoDate, end: IsoDate, expired = false): TermOnDay => ({
    number,
    start,
    end,
    noticeDeadline: noticeDeadline({ endDate: end, noticeDays: contract.noticeDays }),
    expired,
    monthToMonth: number > 0 && monthToMonth,
  });
  let current = term(
    0,
    contract.startDate,
    computed < contract.endDate ? computed : contract.endDate,
  );
  while (current.end < today) {
    const start = addDays(current.end, 1);
    if (current.end < contract.endDate) {
      // A renewal already recorded in the stored end date: never past it.
      const next = monthToMonth ? contract.endDate : contractEndDate(start, months);
      current = term(current.number + 1, start, next < contract.endDate ? next : contract.endDate);
    } else if (contract.autoRenew) {
      current = term(current.number + 1, start, contractEndDate(start, months));
    } else {
      return { ...current, expired: true };
    }
  }
  return current;
}

/** A term as the contract page states it: `Renewal term 1, 2026-03-01 – 2027-02-28; notice by 2027-01-29`. */
export function describeTerm(term: TermOnDay): string {
  const span = `${term.start} – ${term.end}`;
  if (term.expired) return `Ended ${term.end}: out of contract`;
  if (term.number === 0) return `Initial term, ${span}; notice by ${term.noticeDeadline}`;
  if (term.monthToMonth)
    return `Month to month after the initial term; this month ${span}, notice by ${term.noticeDeadline}`;
  return `Renewal term ${term.number}, ${span}; notice by ${term.noticeDeadline}`;
}
