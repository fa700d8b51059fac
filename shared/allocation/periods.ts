/**
 * Service-period basis: which part of a charge falls in a month. A charge covers its line's own
 * period, else its invoice's period, else just the invoice date. A period spanning several months
 * is split by the number of its days in each month, with largest remainder, so the parts of every
 * month add up to the line exactly (allocating each month in turn never gains or loses a cent).
 * Only the months a month's loader reads the invoice for ({@link invoiceReaches}) take a part: a
 * line's days in a month beyond them (a line of an August bill for September to December, whose
 * own period is September to November) are shared over its days in the months the bill reaches,
 * instead of being lost with a month that never reads the bill; a line with no day in them covers
 * the invoice's period, else its date.
 */
import type { IsoDate, IsoMonth } from '../dates/iso-date';
import {
  addMonthsToMonth,
  daysBetween,
  endOfMonth,
  isIsoDate,
  isoMonthOf,
  startOfMonth,
} from '../dates/iso-date';
import { cents, splitLargestRemainder, type Cents } from '../money/cents';
import type { Invoice } from '../model';
import type { ChargeBlock } from '../storage/charge-blocks';

/** A closed range of days a charge covers. */
export interface ChargePeriod {
  start: IsoDate;
  end: IsoDate;
}

/**
 * The days a line covers: its own start and end when both are real dates in order, else the
 * invoice's period likewise, else the invoice date alone (a one-day period).
 */
export function chargePeriod(invoice: Invoice, lineStart: string, lineEnd: string): ChargePeriod {
  if (isIsoDate(lineStart) && isIsoDate(lineEnd) && lineStart <= lineEnd) {
    return { start: lineStart, end: lineEnd };
  }
  const { periodStart, periodEnd } = invoice;
  if (periodStart !== undefined && periodEnd !== undefined && periodStart <= periodEnd) {
    return { start: periodStart, end: periodEnd };
  }
  return { start: invoice.invoiceDate, end: invoice.invoiceDate };
}

/**
 * How far back a service-period month looks for a bill dated before it whose stated period
 * reaches it: a year billed in advance.
 */
export const ADVANCE_BILLING_MONTHS = 12;

/**
 * How far ahead a service-period month looks for a bill dated after it whose stated period
 * reaches it: a quarter (or a year) billed in arrears, the January bill for October to December.
 */
export const ARREARS_BILLING_MONTHS = 12;

/**
 * The months a service-period chargeback finds part of an invoice in through its stated period:
 * those of the period from {@link ARREARS_BILLING_MONTHS} before the invoice's month (bills in
 * arrears) to {@link ADVANCE_BILLING_MONTHS} after it (bills in advance), the reach of the
 * month's loader.
 */
export function monthsOfInvoicePeriod(
  invoice: Pick<Invoice, 'invoiceDate' | 'periodStart' | 'periodEnd'>,
): IsoMonth[] {
  const { periodStart, periodEnd } = invoice;
  if (periodStart === undefined || periodEnd === undefined || periodStart > periodEnd) return [];
  const dated = isoMonthOf(invoice.invoiceDate);
  const earliest = addMonthsToMonth(dated, -ARREARS_BILLING_MONTHS);
  const latest = addMonthsToMonth(dated, ADVANCE_BILLING_MONTHS);
  const from = isoMonthOf(periodStart) > earliest ? isoMonthOf(periodStart) : earliest;
  const to = isoMonthOf(periodEnd) < latest ? isoMonthOf(periodEnd) : latest;
  const months: IsoMonth[] = [];
  for (let month = from; month <= to; month = addMonthsToMonth(month, 1)) months.push(month);
  return months;
}

/**
 * The bills a service-period month reads whatever their periods: those dated from
 * {@link DATED_MONTHS_BEFORE} month before it to {@link DATED_MONTHS_AFTER} after it.
 */
export const DATED_MONTHS_BEFORE = 1;
export const DATED_MONTHS_AFTER = 2;

/**
 * Whether a service-period month reads `invoice` (the reach of `loadMonthInput`): one dated from the
 * month before it to two after it, or one dated up to {@link ADVANCE_BILLING_MONTHS} before or
 * {@link ARREARS_BILLING_MONTHS} after it whose stated period reaches it. The engine gives an
 * invoice's lines to these months only, so the months add up to the bill whatever its lines say.
 */
export function invoiceReaches(
  invoice: Pick<Invoice, 'invoiceDate' | 'periodStart' | 'periodEnd'>,
  month: IsoMonth,
): boolean {
  const dated = isoMonthOf(invoice.invoiceDate);
  if (
    dated >= addMonthsToMonth(month, -DATED_MONTHS_BEFORE) &&
    dated <= addMonthsToMonth(month, DATED_MONTHS_AFTER)
  )
    return true;
  return (
    dated >= addMonthsToMonth(month, -ADVANCE_BILLING_MONTHS) &&
    dated <= addMonthsToMonth(month, ARREARS_BILLING_MONTHS) &&
    invoicePeriodReaches(invoice, month)
  );
}

/**
 * The months that read `invoice` for its date alone ({@link invoiceReaches}): from
 * {@link DATED_MONTHS_AFTER} months before its month to {@link DATED_MONTHS_BEFORE} after it.
 */
export function monthsAroundInvoiceDate(invoice: Pick<Invoice, 'invoiceDate'>): IsoMonth[] {
  const dated = isoMonthOf(invoice.invoiceDate);
  const months: IsoMonth[] = [];
  for (let step = -DATED_MONTHS_AFTER; step <= DATED_MONTHS_BEFORE; step++)
    months.push(addMonthsToMonth(dated, step));
  return months;
}

/** Whether any line of `invoices` (their `blocks`) has a part in `month` by service period. */
export function anyLineInMonth(
  month: IsoMonth,
  invoices: readonly Invoice[],
  blocks: readonly ChargeBlock[],
): boolean {
  const share = new MonthShare(month);
  const byId = new Map(invoices.map((invoice) => [invoice.id, invoice]));
  return blocks.some((block) => {
    const invoice = byId.get(block.invoiceId);
    if (invoice === undefined) return false;
    for (let i = 0; i < block.count; i++) {
      const amount = cents(block.amount[i] ?? 0);
      if (share.partOf(amount, invoice, block.periodStart[i], block.periodEnd[i]) !== 0)
        return true;
    }
    return false;
  });
}

/**
 * Whether an invoice's own stated period has days in `month`: a bill dated well before the month
 * (a quarter or a year billed in advance) or well after it (a quarter billed in arrears) still
 * carries part of it, so the caller of a service-period allocation must pass it even though its
 * date is far from the month.
 */
export function invoicePeriodReaches(
  invoice: Pick<Invoice, 'periodStart' | 'periodEnd'>,
  month: IsoMonth,
): boolean {
  const { periodStart, periodEnd } = invoice;
  if (periodStart === undefined || periodEnd === undefined || periodStart > periodEnd) return false;
  return periodStart <= endOfMonth(month) && periodEnd >= startOfMonth(month);
}

/**
 * Splits periods by month for one target month; caches the day weights of each distinct period of
 * each invoice, and which months the invoice being read reaches (most lines share their invoice's
 * period, so a month of lines computes only a few).
 */
export class MonthShare {
  private readonly cache = new Map<string, { weights: number[]; index: number } | null>();
  private reachOf: Invoice | undefined;
  private readonly reached = new Map<IsoMonth, boolean>();

  constructor(private readonly month: IsoMonth) {}

  /**
   * The part of a line of `invoice` that falls in the month: its amount shared by largest
   * remainder over the days of the first of its periods — its own, else its invoice's — that has
   * days in the months the invoice reaches ({@link invoiceReaches}), counting those days only;
   * else all of it in its invoice's month.
   */
  partOf(amount: Cents, invoice: Invoice, lineStart = '', lineEnd = ''): Cents {
    if (isIsoDate(lineStart) && isIsoDate(lineEnd) && lineStart <= lineEnd) {
      const part = this.partIn(amount, invoice, lineStart, lineEnd);
      if (part !== null) return part;
    }
    const { periodStart, periodEnd } = invoice;
    if (periodStart !== undefined && periodEnd !== undefined && periodStart <= periodEnd) {
      const part = this.partIn(amount, invoice, periodStart, periodEnd);
      if (part !== null) return part;
    }
    return isoMonthOf(invoice.invoiceDate) === this.month ? amount : cents(0);
  }

  /** The month's part of `amount` over the period; null when no month of it reaches the invoice. */
  private partIn(amount: Cents, invoice: Invoice, start: IsoDate, end: IsoDate): Cents | null {
    const startMonth = isoMonthOf(start);
    if (startMonth === isoMonthOf(end)) {
      if (!this.reaches(invoice, startMonth)) return null;
      return startMonth === this.month ? amount : cents(0);
    }
    const key = `${invoice.id}/${start}/${end}`;
    let entry = this.cache.get(key);
    if (entry === undefined) {
      entry = dayWeights({ start, end }, this.month, reachWindow(invoice), (month) =>
        this.reaches(invoice, month),
      );
      this.cache.set(key, entry);
    }
    if (entry === null) return null;
    return entry.index < 0 ? cents(0) : partAt(amount, entry.weights, entry.index);
  }

  /** {@link invoiceReaches}, remembered for the invoice whose lines are being read. */
  private reaches(invoice: Invoice, month: IsoMonth): boolean {
    if (this.reachOf !== invoice) {
      this.reachOf = invoice;
      this.reached.clear();
    }
    let reached = this.reached.get(month);
    if (reached === undefined) {
      reached = invoiceReaches(invoice, month);
      this.reached.set(month, reached);
    }
    return reached;
  }
}

/**
 * Part `index` of `splitLargestRemainder(amount, weights)` without building the whole split: the
 * floored share, plus one leftover cent when its remainder ranks among the largest (ties to the
 * lower index, as there). Falls back to the full split when the products could lose precision.
 */
export function partAt(amount: Cents, weights: readonly number[], index: number): Cents {
  const magnitude = Math.abs(amount);
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (magnitude * weightSum > Number.MAX_SAFE_INTEGER) {
    return splitLargestRemainder(amount, weights)[index] ?? cents(0);
  }
  let allotted = 0;
  const remainders = weights.map((weight) => {
    const product = magnitude * weight;
    const remainder = product % weightSum;
    allotted += (product - remainder) / weightSum;
    return remainder;
  });
  const own = remainders[index] ?? 0;
  let rank = 0;
  remainders.forEach((remainder, j) => {
    if (remainder > own || (remainder === own && j < index)) rank += 1;
  });
  const part =
    (magnitude * (weights[index] ?? 0) - own) / weightSum + (rank < magnitude - allotted ? 1 : 0);
  return cents(amount < 0 ? -part : part);
}

/**
 * The months that may read `invoice` at all ({@link invoiceReaches}): from
 * {@link ARREARS_BILLING_MONTHS} before its month to {@link ADVANCE_BILLING_MONTHS} after it.
 */
function reachWindow(invoice: Pick<Invoice, 'invoiceDate'>): [IsoMonth, IsoMonth] {
  const dated = isoMonthOf(invoice.invoiceDate);
  return [
    addMonthsToMonth(dated, -ARREARS_BILLING_MONTHS),
    addMonthsToMonth(dated, ADVANCE_BILLING_MONTHS),
  ];
}

/**
 * Days of the period in each of its months within `window` that `reaches` (0 in the others), and
 * the position of `month` among them (-1 when they do not have it); null when none reaches. The
 * months outside the window never read the bill: left out, they would only weigh 0 (and a period
 * open to 9999-12-31 would make every line of it count a hundred thousand months).
 */
function dayWeights(
  period: ChargePeriod,
  month: IsoMonth,
  [earliest, latest]: [IsoMonth, IsoMonth],
  reaches: (month: IsoMonth) => boolean,
): { weights: number[]; index: number } | null {
  const startMonth = isoMonthOf(period.start);
  const endMonth = isoMonthOf(period.end);
  const first = startMonth > earliest ? startMonth : earliest;
  const last = endMonth < latest ? endMonth : latest;
  const weights: number[] = [];
  let index = -1;
  let reached = false;
  for (let current = first; current <= last; current = addMonthsToMonth(current, 1)) {
    const from = startOfMonth(current) > period.start ? startOfMonth(current) : period.start;
    const to = endOfMonth(current) < period.end ? endOfMonth(current) : period.end;
    const counts = reaches(current);
    if (current === month && counts) index = weights.length;
    reached ||= counts;
    weights.push(counts ? daysBetween(from, to) + 1 : 0);
  }
  return reached ? { weights, index } : null;
}
