/**
 * The month a bill that states no period bills. It is the month of its invoice date, unless the
 * account has another such bill dated in that month a whole billing cycle earlier: then one of the
 * two came early (the April bill dated March 31, beside March's of March 1), and it bills the month
 * after. Without this, the early bill would read as a re-sent copy of the first, April as missing
 * and March as billed twice.
 */
import {
  addMonthsToMonth,
  daysBetween,
  isoMonthOf,
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
 * bill). A cycle bills the month of its first bill's date, or the month after the cycle before
 * it when that is later: two cycles never bill one month. A bill inside a cycle bills the later
 * of its own date's month and its cycle's. Where no two bills of a month are a cycle apart, every
 * bill bills the month of its date, as before.
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
  let cycle: { opened: IsoDate; month: IsoMonth } | undefined;
  for (const { bill, index } of order) {
    const own = isoMonthOf(bill.invoiceDate);
    if (cycle !== undefined && daysBetween(cycle.opened, bill.invoiceDate) < CYCLE_APART_DAYS) {
      months[index] = own > cycle.month ? own : cycle.month;
      continue;
    }
    const after = cycle === undefined ? own : addMonthsToMonth(cycle.month, 1);
    const month = own > after ? own : after;
    months[index] = month;
    cycle = { opened: bill.invoiceDate, month };
  }
  return months;
}
