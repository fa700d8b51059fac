import type { InvoiceFacts, RuleContext } from '../context';
import {
  addDays,
  addMonthsToMonth,
  daysInMonth,
  isoDate,
  isoMonthOf,
  monthParts,
  monthRange,
  type IsoDate,
  type IsoMonth,
} from '../../dates/iso-date';
import { periodMonths } from '../../dates/period';
import { USAGE_REPORT_PART } from '../../import/draft';
import { ZERO_CENTS } from '../../money/cents';
import {
  findingId,
  resolveSettings,
  type AuditRule,
  type FindingDraft,
  type SettingSpec,
} from '../rule';

/**
 * How far back a month can be reported missing. A bill missing years ago is no longer a risk of
 * late fees or cut-off (it was paid, credited or written off long since), and the account's first
 * invoice may carry a mistyped year: an invoice dated 1900-01-01 must not turn into 1,500
 * findings. Two years covers the history users keep and every carrier's dispute window.
 */
export const MISSING_INVOICE_LOOKBACK_MONTHS = 24;

const SETTINGS = [
  {
    key: 'graceDays',
    label: 'Days after the bill date before it counts as missing',
    unit: 'days',
    default: 10,
    // Past three months the next bills would be missing too: a longer grace hides a lost account.
    range: { min: 0, max: 90, whole: true },
  },
] as const satisfies readonly SettingSpec[];

/**
 * A month with no invoice for an account that bills monthly: counted from the account's first
 * stored invoice (at most {@link MISSING_INVOICE_LOOKBACK_MONTHS} back) to today (or the day it
 * closed, or the day its last service was disconnected), once the bill date plus the grace period
 * has passed. The bill date is the account's
 * bill cycle day, else the day of its latest invoice.
 */
export const missingInvoiceRule: AuditRule = {
  id: 'missing-invoice',
  title: 'Invoice missing',
  description:
    'An account with no invoice for a month it is billed, after a grace period. No money impact: a risk of late fees or cut-off.',
  severity: 'warning',
  settings: SETTINGS,
  check(context) {
    const settings = resolveSettings(context.settings, this.id, SETTINGS);
    const drafts: FindingDraft[] = [];
    for (const invoices of context.invoicesByAccount.values()) {
      const first = invoices[0];
      const latest = invoices[invoices.length - 1];
      if (first === undefined || latest === undefined) continue;
      const { carrierId, accountNumber } = first.invoice;
      const account = first.account;
      const billed = billedMonths(invoices);
      for (const month of reportedMonths(invoices)) billed.add(month);
      // A month another account's invoice bills lines on this one (a BAN moved under an AT&T
      // FAN, a sub-account under an EDI 811 master account) it is billed, if not on a bill of its own.
      const naming = context.invoicesNaming(carrierId, accountNumber).map((lines) => lines.facts);
      for (const month of billedMonths(naming)) billed.add(month);
      const cycleDay = account?.billCycleDay ?? Number(latest.invoice.invoiceDate.slice(8, 10));
      const ended = account?.closedOn ?? lastServiceEnded(context, account?.id);
      const until = ended !== undefined && ended < context.today ? ended : context.today;
      // After the last month billed, an account billed by the quarter (or the year) is due a bill
      // every that many months, not every month.
      const cadence = Math.min(usualBillMonths(invoices), billingMonthsOf(latest));
      const covered = monthNumber(
        [...billed].reduce((last, month) => (month > last ? month : last), first.month),
      );
      for (const month of monthsToCheck(first.month, isoMonthOf(until), context.today)) {
        if (billed.has(month)) continue;
        const after = monthNumber(month) - covered;
        if (after > 0 && (after - 1) % cadence !== 0) continue;
        const { year, month: number } = monthParts(month);
        const expected = isoDate(year, number, Math.min(cycleDay, daysInMonth(year, number)));
        if (expected > until || addDays(expected, settings.graceDays) >= context.today) continue;
        drafts.push({
          id: findingId(this.id, carrierId, accountNumber, '', month),
          ruleId: this.id,
          severity: this.severity,
          subject: { carrierId, accountNumber, period: month },
          impact: ZERO_CENTS,
          message: `No ${context.carrierName(carrierId)} invoice for account ${accountNumber} for ${month}: it was due around ${expected}, ${graceWords(settings.graceDays)} passed.`,
        });
      }
    }
    return drafts;
  },
};

/**
 * The day an account's last service was disconnected, when the inventory has services on the
 * account and every one of them is disconnected: no bill is due after it. Undefined while any is
 * ordered, active or pending (or the account has none in the inventory: nothing tells).
 */
function lastServiceEnded(
  context: RuleContext,
  accountId: string | undefined,
): IsoDate | undefined {
  if (accountId === undefined) return undefined;
  let last: IsoDate | undefined;
  let any = false;
  for (const service of context.snapshot.services) {
    if (service.accountId !== accountId) continue;
    any = true;
    if (service.status !== 'disconnected' || service.disconnectedOn === undefined) return undefined;
    if (last === undefined || service.disconnectedOn > last) last = service.disconnectedOn;
  }
  return any ? last : undefined;
}

/**
 * The months an account's invoices bill. A bill that states its period (or only its end) bills the
 * month its period ends in, shifted as the account's bills usually are (Lumen dates its bill on the 1st of the
 * month it covers, Verizon mid-month on the last day of its cycle): a bill for September dated
 * August 31 bills September, not August a second time. A bill without a stated period bills its
 * billing month: the month of its date, or the next when the account's bill of that month came a
 * whole cycle before it (the April bill dated March 31). On an account billed by the quarter (or the year), a bill also stands for
 * the months until the next one is due, in advance or in arrears.
 */
export function billedMonths(invoices: readonly InvoiceFacts[]): Set<IsoMonth> {
  const cadence = usualBillMonths(invoices);
  const offsets = new Map<number, number>();
  const ends = invoices.map((facts) => {
    // A bill that states only its period's end (AT&T Premier's market cycle end date) bills the
    // month it ends in as well: a March bill (cycle ending March 31) dated April 2 bills March,
    // not April a second time with March missing.
    const { periodEnd } = facts.invoice;
    if (periodEnd === undefined) return undefined;
    const end = isoMonthOf(periodEnd);
    const offset = monthNumber(facts.month) - monthNumber(end);
    offsets.set(offset, (offsets.get(offset) ?? 0) + 1);
    return end;
  });
  // The usual shift between the month a bill's period ends and its date; the smaller on a tie.
  let usual = 0;
  let seen = 0;
  for (const [offset, count] of offsets) {
    if (count > seen || (count === seen && Math.abs(offset) < Math.abs(usual))) {
      usual = offset;
      seen = count;
    }
  }
  const months = new Set<IsoMonth>();
  invoices.forEach((facts, index) => {
    const end = ends[index];
    if (end === undefined) {
      months.add(facts.billingMonth);
      return;
    }
    const billedIn = addMonthsToMonth(end, usual);
    months.add(billedIn);
    // A bill of a longer period (a quarter, a year) bills every month of it, shifted as the
    // account's bills are (a quarter billed in arrears in October, July to September, is the
    // bill of August to October: the bill due in July, for April to June, is still missing),
    // and on an account billed so the next bill is due that many months after it: a quarter
    // billed in arrears in April (January to March) stands for April, May and June, when no
    // bill is due.
    const { periodStart } = facts.invoice;
    const length = billingMonthsOf(facts);
    if (periodStart === undefined) return;
    if (length < 2) return;
    for (const month of monthRange(addMonthsToMonth(isoMonthOf(periodStart), usual), billedIn))
      months.add(month);
    for (let i = 1; i < Math.min(length, cadence); i++) months.add(addMonthsToMonth(billedIn, i));
  });
  return months;
}

/**
 * The months a usage report spans, from its first month of calls to its last: Microsoft Teams' PSTN
 * usage report makes an invoice of each month that had calls, so a month inside the report with
 * no call had nothing to bill and is not missing (a report with calls in October and December
 * says November had none). Months after a report's last are left to the next report.
 */
function reportedMonths(invoices: readonly InvoiceFacts[]): IsoMonth[] {
  const spans = new Map<string, { first: IsoMonth; last: IsoMonth }>();
  for (const facts of invoices) {
    const { parts } = facts.invoice;
    if (parts === undefined || parts.length === 0) continue;
    if (parts.some((part) => part.kind !== USAGE_REPORT_PART)) continue;
    const month = isoMonthOf(facts.invoice.periodEnd ?? facts.invoice.invoiceDate);
    for (const part of parts) {
      const key = `${part.importBatchId}\u0000${part.sourceFile}`;
      const span = spans.get(key);
      if (span === undefined) spans.set(key, { first: month, last: month });
      else {
        if (month < span.first) span.first = month;
        if (month > span.last) span.last = month;
      }
    }
  }
  return [...spans.values()].flatMap(({ first, last }) => monthRange(first, last));
}

/**
 * How many months an account's bills usually stand for: 3 for an account billed by the quarter,
 * 1 for a monthly account even after a catch-up bill of two months (the fewer on a tie).
 */
function usualBillMonths(invoices: readonly InvoiceFacts[]): number {
  const counts = new Map<number, number>();
  for (const facts of invoices) {
    const months = billingMonthsOf(facts);
    counts.set(months, (counts.get(months) ?? 0) + 1);
  }
  let usual = 1;
  let seen = 0;
  for (const [months, count] of counts) {
    if (count > seen || (count === seen && months < usual)) {
      usual = months;
      seen = count;
    }
  }
  return usual;
}

/** How many months a bill stands for: its stated period's months, else 1. */
function billingMonthsOf(facts: InvoiceFacts): number {
  const { periodStart, periodEnd } = facts.invoice;
  return periodStart === undefined || periodEnd === undefined
    ? 1
    : Math.max(1, periodMonths(periodStart, periodEnd));
}

function monthNumber(month: IsoMonth): number {
  const { year, month: number } = monthParts(month);
  return year * 12 + number;
}

/**
 * The months after `firstBilled` up to `last`, within the look-back window before `today`. Empty
 * when the first invoice is dated in `last` or later (a future date such as 9999-12-31 included):
 * there is no month after it to walk, and none may be computed past the calendar's end.
 */
export function monthsToCheck(firstBilled: IsoMonth, last: IsoMonth, today: IsoDate): IsoMonth[] {
  if (firstBilled >= last) return [];
  const afterFirst = addMonthsToMonth(firstBilled, 1);
  const windowStart = addMonthsToMonth(isoMonthOf(today), -MISSING_INVOICE_LOOKBACK_MONTHS);
  return monthRange(afterFirst > windowStart ? afterFirst : windowStart, last);
}

/** `1 day's grace has`, `10 days' grace have`. */
function graceWords(days: number): string {
  return days === 1 ? "1 day's grace has" : `${days} days' grace have`;
}
