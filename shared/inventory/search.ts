/**
 * Quick search of the services grid: what people type finds the service whichever way they write
 * it. A phone number or circuit ID is compared by its match key (`555-010-0002`, `5550100002` and
 * `(555) 010-0002` are one line; `dhec 554433` finds `DHEC.554433..WIN`); anything else is a
 * case-insensitive substring of the row's text (site, carrier, account, plan, user, contract…).
 */
import { circuitMatchKey, phoneMatchKey, serviceMatchKey } from '../ids/identifiers';
import type { ServiceRow } from './rows';

type SearchRow = Pick<
  ServiceRow,
  | 'id'
  | 'serviceIdRaw'
  | 'site'
  | 'carrier'
  | 'accountNumber'
  | 'plan'
  | 'userName'
  | 'department'
  | 'contract'
  | 'chargedTo'
>;

/** Ids of the rows the search finds; null when the search is blank (every row). */
export function servicesFound(rows: readonly SearchRow[], search: string): Set<string> | null {
  const text = search.trim().toLowerCase();
  if (text === '') return null;
  // Letters and digits only: phone punctuation, spaces, dots and dashes do not count.
  const key = circuitMatchKey(search);
  // A whole phone number in any format (`+1 (555) 010-0002`) is its E.164 key.
  const phone = phoneMatchKey(search);
  const found = new Set<string>();
  for (const row of rows) {
    const rowKey = circuitMatchKey(row.serviceIdRaw) ?? '';
    const byKey =
      (key !== null && rowKey.includes(key)) ||
      (phone !== null && serviceMatchKey(row.serviceIdRaw) === phone);
    const byText =
      byKey ||
      [
        row.serviceIdRaw,
        row.site,
        row.carrier,
        row.accountNumber,
        row.plan,
        row.userName,
        row.department,
        row.contract,
        row.chargedTo,
      ].some((value) => value.toLowerCase().includes(text));
    if (byKey || byText) found.add(row.id);
  }
  return found;
}

/** Rows both filters keep (null: a filter that keeps every row). */
export function bothFilters(
  first: ReadonlySet<string> | null,
  second: ReadonlySet<string> | null,
): ReadonlySet<string> | null {
  if (first === null) return second;
  if (second === null) return first;
  return new Set([...first].filter((id) => second.has(id)));
}
