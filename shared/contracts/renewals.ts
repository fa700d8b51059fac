/**
 * The renewals list: every contract with its notice deadline, how close it is, what an unnoticed
 * renewal would lock in, and what to do about it, in a sentence.
 *
 * Alerts count from the notice deadline, not the end date: by the end date it is too late.
 */
import { successorOf } from './in-effect';
import type { IsoDate } from '../dates/iso-date';
import { addDays, addMonths, daysBetween } from '../dates';
import type { Cents } from '../money/cents';
import { cents, ZERO_CENTS } from '../money/cents';
import type { Contract } from '../model/contract';
import { currentTerm } from './terms';

/** Alert windows in days before the notice deadline, used when settings say nothing. */
export const DEFAULT_ALERT_WINDOWS: readonly number[] = [120, 90, 45, 30];

/** Where a contract stands on the renewals list. */
export const RENEWAL_STATES = [
  'past-deadline',
  'month-to-month',
  'expired',
  'in-window',
  'ok',
  'terminated',
] as const;

/** See {@link RENEWAL_STATES} and {@link renewalRows} for what each one means. */
export type RenewalState = (typeof RENEWAL_STATES)[number];

/** What {@link renewalRows} reads from a contract. */
export type RenewalContract = Pick<
  Contract,
  | 'id'
  | 'name'
  | 'carrierId'
  | 'endDate'
  | 'noticeDays'
  | 'autoRenew'
  | 'renewalTermMonths'
  | 'status'
  | 'startDate'
  | 'accountIds'
  | 'serviceIds'
>;

/** One line of the renewals list. */
export interface RenewalRow {
  contractId: string;
  name: string;
  carrierId: string;
  /** Last day notice can reach the carrier for the current term (see {@link currentTerm}). */
  noticeDeadline: IsoDate;
  /** Last day of the current term (after any automatic renewals); for expired contracts, the day it ended. */
  endDate: IsoDate;
  /** The day the next term would start (or did start, for expired contracts): `endDate` + 1 day. */
  renewsOn: IsoDate;
  /** Days from today to the notice deadline: 0 on the deadline itself, negative once it has passed. */
  daysToNotice: number;
  /** The tightest alert window reached (days), or null; only for `in-window` rows. */
  window: number | null;
  state: RenewalState;
  /** Months the next automatic renewal lasts (1 for month-to-month); 0 when it does not renew by itself. */
  renewalMonths: number;
  /** How many automatic renewals have already happened. */
  rolledOver: number;
  /** Current monthly spend on the contract, in cents (0 when unknown). */
  monthlySpend: Cents;
  /**
   * What an unnoticed auto-renewal locks in: monthly spend × {@link RenewalRow.renewalMonths}.
   * Zero for contracts that do not renew by themselves, expired and terminated ones.
   */
  atStakeCents: Cents;
  /** What to do, as a sentence for the user. */
  action: string;
}

/**
 * The tightest alert window reached `daysLeft` days before a deadline: the smallest window `w`
 * with `daysLeft <= w` (120 days left is in the 120-day window, 121 is in none). The deadline
 * day itself (0) is in the tightest window; a passed deadline (negative) is in none, because
 * "past the deadline" is a state of its own, not a window. Windows need not be sorted.
 */
export function alertWindow(daysLeft: number, windows: readonly number[]): number | null {
  if (daysLeft < 0) return null;
  let tightest: number | null = null;
  for (const window of windows) {
    if (daysLeft <= window && (tightest === null || window < tightest)) tightest = window;
  }
  return tightest;
}

/**
 * One row per contract, ordered by notice deadline (then name, then id).
 *
 * States, first match wins:
 * - `terminated`: the contract's status is `terminated`. Kept on the list so nothing silently
 *   disappears, but sorted last (by end date) with no window and nothing at stake.
 * - `expired`: does not renew by itself and its end date has passed: out of contract, billed at
 *   month-to-month rates.
 * - `month-to-month`: an evergreen contract with no renewal term (`renewalTermMonths` 0) that is
 *   past its initial term; the deadline shown is the current month's.
 * - `past-deadline`: the current term's notice deadline has passed and the term has not ended.
 * - `in-window`: the deadline is within one of the alert `windows` (see {@link alertWindow}).
 * - `ok`: further away than the widest window.
 *
 * `spendByContract` is each contract's monthly spend in cents (missing means 0).
 * `carrierNames` (carrier id → name) makes the action read "Give notice to Lumen"; without it,
 * "Give notice to the carrier".
 */
export function renewalRows(
  contracts: readonly RenewalContract[],
  spendByContract: ReadonlyMap<string, Cents>,
  today: IsoDate,
  windows: readonly number[] = DEFAULT_ALERT_WINDOWS,
  carrierNames: ReadonlyMap<string, string> = new Map(),
): RenewalRow[] {
  const rows = contracts.map((contract) =>
    renewalRow(
      contract,
      spendByContract.get(contract.id) ?? ZERO_CENTS,
      today,
      windows,
      carrierNames.get(contract.carrierId) ?? 'the carrier',
      contracts,
    ),
  );
  return rows.sort(compareRows);
}

function renewalRow(
  contract: RenewalContract,
  monthlySpend: Cents,
  today: IsoDate,
  windows: readonly number[],
  carrier: string,
  all: readonly RenewalContract[],
): RenewalRow {
  const terminated = contract.status === 'terminated';
  // A terminated contract never rolls over: its dates stay those of its last term.
  const term = currentTerm(terminated ? { ...contract, autoRenew: false } : contract, today);
  const daysToNotice = daysBetween(today, term.noticeDeadline);
  const renewsOn = addDays(term.termEnd, 1);
  const renews = contract.autoRenew && !terminated && !term.expired;
  // A new contract recorded to take over: nothing rolls over at these rates.
  const successor = terminated ? undefined : successorOf(contract, all, term.termEnd);
  const renewalMonths =
    renews && successor === undefined ? Math.max(1, Math.trunc(contract.renewalTermMonths)) : 0;
  const window = alertWindow(daysToNotice, windows);
  const state: RenewalState = terminated
    ? 'terminated'
    : term.expired
      ? 'expired'
      : term.monthToMonth
        ? 'month-to-month'
        : daysToNotice < 0
          ? 'past-deadline'
          : window !== null
            ? 'in-window'
            : 'ok';
  const base = {
    contractId: contract.id,
    name: contract.name,
    carrierId: contract.carrierId,
    noticeDeadline: term.noticeDeadline,
    endDate: term.termEnd,
    renewsOn,
    daysToNotice,
    window: state === 'in-window' ? window : null,
    state,
    renewalMonths,
    rolledOver: term.rolledOver,
    monthlySpend,
    atStakeCents: cents(monthlySpend * renewalMonths),
  };
  const action =
    successor === undefined
      ? actionSentence(base, contract, carrier)
      : `${successor.name} takes over from ${successor.startDate}: once ${carrier} confirms it replaces this contract, mark this one expired or terminated.`;
  return { ...base, action };
}

type RowWithoutAction = Omit<RenewalRow, 'action'>;

function actionSentence(row: RowWithoutAction, contract: RenewalContract, carrier: string): string {
  const renewal =
    contract.renewalTermMonths >= 1
      ? `it renews for ${monthsText(row.renewalMonths)} at current rates`
      : 'it goes month-to-month at current rates';
  switch (row.state) {
    case 'terminated':
      return 'Terminated: nothing to renew.';
    case 'expired':
      return `Out of contract since ${row.renewsOn}: you pay month-to-month rates; negotiate a new term.`;
    case 'month-to-month':
      return `Month-to-month: give notice to ${carrier} by ${row.noticeDeadline} to end it on ${row.endDate}, or negotiate a term for better rates.`;
    case 'past-deadline':
      return contract.autoRenew
        ? `Past the notice deadline: it renews on ${row.renewsOn}${contract.renewalTermMonths >= 1 ? ` for ${monthsText(row.renewalMonths)}` : ' month-to-month'}; negotiate now.`
        : `Past the notice deadline: it ends on ${row.endDate} and then bills month-to-month rates; negotiate now.`;
    case 'in-window':
    case 'ok':
      return contract.autoRenew
        ? `Give notice to ${carrier} by ${row.noticeDeadline} or ${renewal}.`
        : `Ends on ${row.endDate} without renewing: negotiate with ${carrier} by ${row.noticeDeadline} or pay month-to-month rates from ${row.renewsOn}.`;
  }
}

function monthsText(months: number): string {
  return months === 1 ? '1 month' : `${months} months`;
}

function compareRows(a: RenewalRow, b: RenewalRow): number {
  const aLast = a.state === 'terminated';
  const bLast = b.state === 'terminated';
  if (aLast !== bLast) return aLast ? 1 : -1;
  const aKey = aLast ? a.endDate : a.noticeDeadline;
  const bKey = bLast ? b.endDate : b.noticeDeadline;
  if (aKey !== bKey) return aKey < bKey ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.contractId < b.contractId ? -1 : a.contractId > b.contractId ? 1 : 0;
}

/** One dated point on the renewals timeline chart. */
export interface TimelinePoint {
  contractId: string;
  name: string;
  date: IsoDate;
  /** `notice`: the notice deadline; `end`: the last day of the current term. */
  kind: 'notice' | 'end';
  state: RenewalState;
  atStakeCents: Cents;
}

/**
 * Notice deadlines and end dates from `today` (included) to `today` + `months` months (included),
 * sorted by date, then notice before end, then name. Terminated and expired contracts have no
 * future dates worth charting and are left out.
 */
export function timelinePoints(
  rows: readonly RenewalRow[],
  today: IsoDate,
  months = 24,
): TimelinePoint[] {
  const until = addMonths(today, months);
  const points: TimelinePoint[] = [];
  for (const row of rows) {
    if (row.state === 'terminated' || row.state === 'expired') continue;
    const candidates: [IsoDate, TimelinePoint['kind']][] = [
      [row.noticeDeadline, 'notice'],
      [row.endDate, 'end'],
    ];
    for (const [date, kind] of candidates) {
      if (date < today || date > until) continue;
      points.push({
        contractId: row.contractId,
        name: row.name,
        date,
        kind,
        state: row.state,
        atStakeCents: row.atStakeCents,
      });
    }
  }
  return points.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      (a.kind === b.kind ? 0 : a.kind === 'notice' ? -1 : 1) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}
