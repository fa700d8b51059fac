/**
 * A notice period written in months (`3 months`, `90 days` is read by `readDays`). A contract
 * stores its notice in days (`noticeDays`, counted back from each term's end), so months are
 * turned into the days that never make a deadline later than the paper's calendar months.
 */
import type { IsoDate } from '../dates/iso-date';
import { addDays, addMonths, daysBetween } from '../dates';
import { contractEndDate } from './terms';

const NOTICE_MONTHS = /^(\d{1,2})\s*(?:months?|mos?\.?)$/i;

/** The months of a notice period written in months (`3 months`, `1 month`, `2 mo`), else null. */
export function noticeMonthsOf(text: string): number | null {
  const match = NOTICE_MONTHS.exec(text.trim());
  const months = match === null ? NaN : Number(match[1]);
  return months >= 1 && months <= 36 ? months : null;
}

/**
 * Renewal terms looked at past the end date. A term end's month and place in the leap-year cycle
 * repeat after at most 48 terms (48 months hold every month of every year of the cycle), so this
 * many terms see every end a renewal chain can reach, whatever the term's length (5-year terms
 * reach a leap February only every 20 years); a few more cover the first term settling on a
 * month's last day.
 */
const TERMS_LOOKED_AT = 52;

/**
 * The notice days for `months` calendar months before the end of a term: the most days those
 * months span before `endDate` and before the ends of the renewal terms that follow it
 * (`renewalTermMonths` 0: month to month), so no deadline comes later than the months say; one can
 * come a day or two earlier (3 months before 2027-02-28 is 2026-11-28, 92 days; before 2028-02-29
 * it is 2027-11-29, 92 days too; 2 months before 2027-03-31 is 59 days, before 2028-03-31 60).
 */
export function noticeDaysForMonths(
  months: number,
  endDate: IsoDate,
  renewalTermMonths: number,
): number {
  const step = renewalTermMonths >= 1 ? Math.trunc(renewalTermMonths) : 1;
  let days = 0;
  let end = endDate;
  for (let term = 0; term <= TERMS_LOOKED_AT; term += 1) {
    days = Math.max(days, daysBetween(addMonths(end, -months), end));
    end = contractEndDate(addDays(end, 1), step);
  }
  return days;
}
