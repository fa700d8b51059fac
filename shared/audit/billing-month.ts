/**
 * The month a bill that states no period bills. It is the month of its invoice date, unless the
 * account has another such bill dated in that month a whole billing cycle apart: then one of the
 * two came early (the April bill dated March 31, beside March's of March 1) and bills the month
 * after, or the first came late (February's dated March 2, beside March's of March 31, for bills
 * dated the 28th) and bills the month before. Without this, one would read as a re-sent copy of
 * the other, a month as missing and another as billed twice; and reading a late bill as an early
 * one would move every later month of the account by one.
 */
import {
  addMonthsToMonth,
  dateParts,
  daysBetween,
  daysInMonth,
  isoDate,
  isoMonthOf,
  monthParts,
  type IsoDate,
  type IsoMonth,
} from '../dates/iso-date';

/**
 * Days between two bills of one account from which they bill two months, not one. Monthly bills
 * are 28 to 31 days apart, and a bill a day or two early or late, or a cycle day moved by the
 * carrier, brings two of them a few days closer (March 3 then March 31: 28 days); 25 leaves three
 * days below February's 28. A copy re-sent under a new number comes within days of the bill, and a
 * supplemental bill of one-time charges inside its month's cycle, so neither is read as a month.
 */
export const CYCLE_APART_DAYS = 25;

/** What {@link billingMonths} reads of a bill. */
export interface DatedBill {
  invoiceDate: IsoDate;
  invoiceNumber: string;
}

/**
 * The month each of an account's bills that state no period bills, in the order given. Read in
 * date order, each bill opens a billing cycle when it is dated {@link CYCLE_APART_DAYS} or more
 * after the first bill of the cycle before it, else belongs to that cycle (a copy, a supplemental
 * bill). A cycle bills the month of its first bill's date; two cycles never bill one month. When
 * a cycle's month is the one the cycle before it bills, one of their two bills is off its day:
 * - the one before came late, and bills the month before its date, when that month is billed by
 *   no cycle and its date is nearer the account's bill day in that month than in its own (bills
 *   dated the 28th: January's, then February's late on March 2, then March's on March 31);
 * - else this one came early, and bills the month after the cycle before it (bills dated the 1st:
 *   March's on March 1, then April's early on March 31), as does every later cycle dated in a
 *   month already billed (a carrier moving its bill day from the 1st to the month's end).
 *
 * The account's bill day is that of the cycle before the late one. A bill inside a cycle bills
 * the later of its own date's month and its cycle's, or its cycle's when the cycle came late.
 * Where no two bills of a month are a cycle apart, every bill bills the month of its date.
 */
export function billingMonths(bills: readonly DatedBill[]): IsoMonth[] {
  const order = bills
    .map((bill, index) => ({ bill, index }))
    .sort(
      (a, b) =>
        a.bill.invoiceDate.localeCompare(b.bill.invoiceDate) ||
        a.bill.invoiceNumber.localeCompare(b.bill.invoiceNumber),
    );
  const months: IsoMonth[] = bills.map((bill) => isoMonthOf(bill.invoiceDate));
  const cycles: Cycle[] = [];
  for (const { bill, index } of order) {
    const own = isoMonthOf(bill.invoiceDate);
    const cycle = cycles.at(-1);
    if (cycle !== undefined && daysBetween(cycle.opened, bill.invoiceDate) < CYCLE_APART_DAYS) {
      cycle.bills.push(index);
      months[index] = cycle.late || own <= cycle.month ? cycle.month : own;
      continue;
    }
    if (cycle !== undefined && own === cycle.month) {
      const before = cycles.at(-2);
      if (before !== undefined && cameLate(cycle, before)) {
        cycle.month = addMonthsToMonth(cycle.month, -1);
        cycle.late = true;
        for (const member of cycle.bills) months[member] = cycle.month;
      }
    }
    const after = cycle === undefined ? own : addMonthsToMonth(cycle.month, 1);
    const month = own > after ? own : after;
    months[index] = month;
    cycles.push({ opened: bill.invoiceDate, month, late: false, bills: [index] });
  }
  return months;
}

/** A billing cycle: the date of its first bill, the month it bills, and its bills (by index). */
interface Cycle {
  opened: IsoDate;
  month: IsoMonth;
  /** Its first bill came after its month (see {@link cameLate}). */
  late: boolean;
  bills: number[];
}

/**
 * Whether `cycle`'s first bill is the month before's, late: that month is billed by no cycle
 * (`before` bills an earlier one) and the bill's date is nearer `before`'s day of the month in
 * that month than in its own.
 */
function cameLate(cycle: Cycle, before: Cycle): boolean {
  const earlier = addMonthsToMonth(cycle.month, -1);
  if (before.month >= earlier) return false;
  const { day } = dateParts(before.opened);
  const dayIn = (month: IsoMonth): IsoDate => {
    const { year, month: m } = monthParts(month);
    return isoDate(year, m, Math.min(day, daysInMonth(year, m)));
  };
  return (
    Math.abs(daysBetween(dayIn(earlier), cycle.opened)) <
    Math.abs(daysBetween(dayIn(cycle.month), cycle.opened))
  );
}
