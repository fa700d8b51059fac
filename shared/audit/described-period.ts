/**
 * The first day a line says in its words it is for, when its period columns do not: "Partial
 * month credit Mar 16-31" on April's bill gives back March's days, whatever period the bill
 * states.
 */
import { calendarProblem, isoDate, type IsoDate } from '../dates/iso-date';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A month's name and day followed by the end of a range: `Mar 16-31`, `Mar 16 - Apr 15`, `March
 * 16, 2026 to March 31`. The range is required, so a month's name alone in other words ("May")
 * is never read as a date.
 */
const DAYS_RANGE =
  /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?\s*(?:-|–|—|\bto\b|\bthrough\b|\bthru\b)\s*(?:[a-z]+\.?\s+)?\d{1,2}\b/i;

/**
 * The start of the days a description names ({@link DAYS_RANGE}), or undefined when it names
 * none. With no year written, it is the latest such day on or before `billEnd` (a bill gives back
 * days it or an earlier bill charged): "Dec 16-31" on January's bill is last December's.
 */
export function describedStart(description: string, billEnd: IsoDate): IsoDate | undefined {
  const found = DAYS_RANGE.exec(description);
  if (found === null) return undefined;
  const month = MONTHS.indexOf((found[1] ?? '').slice(0, 3).toLowerCase()) + 1;
  const day = Number(found[2]);
  const written = found[3] === undefined ? undefined : Number(found[3]);
  const billYear = Number(billEnd.slice(0, 4));
  for (const year of written === undefined ? [billYear, billYear - 1] : [written]) {
    if (calendarProblem(year, month, day, description) !== null) continue;
    const start = isoDate(year, month, day);
    if (written !== undefined || start <= billEnd) return start;
  }
  return undefined;
}
