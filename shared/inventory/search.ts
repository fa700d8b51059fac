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

/** Between a row's fields in its search text: no typed search contains it, so no match spans two fields. */
const FIELD_BREAK = '\u0001';

/** What the search compares of one row, worked out once (not once per keystroke). */
interface SearchEntry {
  id: string;
  serviceIdRaw: string;
  /** The row's fields in lower case, one after another. */
  text: string;
  /** Its circuit match key ('' when none). */
  key: string;
  /** Its `serviceMatchKey`, filled in the first time a phone search needs it. */
  phoneKey?: string | null;
}

/** The rows ready to be searched: build it once per set of rows, search it on every keystroke. */
export interface SearchIndex {
  entries: readonly SearchEntry[];
}

export function searchIndex(rows: readonly SearchRow[]): SearchIndex {
  return {
    entries: rows.map((row) => ({
      id: row.id,
      serviceIdRaw: row.serviceIdRaw,
      text: [
        row.serviceIdRaw,
        row.site,
        row.carrier,
        row.accountNumber,
        row.plan,
        row.userName,
        row.department,
        row.contract,
        row.chargedTo,
      ]
        .join(FIELD_BREAK)
        .toLowerCase(),
      key: circuitMatchKey(row.serviceIdRaw) ?? '',
    })),
  };
}

/** Ids of the indexed rows the search finds; null when the search is blank (every row). */
export function findServices(index: SearchIndex, search: string): Set<string> | null {
  const text = search.trim().toLowerCase();
  if (text === '') return null;
  // Letters and digits only: phone punctuation, spaces, dots and dashes do not count.
  const key = circuitMatchKey(search);
  // A whole phone number in any format (`+1 (555) 010-0002`) is its E.164 key.
  const phone = phoneMatchKey(search);
  // A row written as that number ends with its last digits whatever the format, so only those
  // rows are parsed as phone numbers (once each; the key is kept for the next search).
  const tail = phone === null ? '' : phone.slice(-4);
  const found = new Set<string>();
  for (const entry of index.entries) {
    if (
      entry.text.includes(text) ||
      (key !== null && entry.key.includes(key)) ||
      (phone !== null && entry.key.endsWith(tail) && phoneKeyOf(entry) === phone)
    )
      found.add(entry.id);
  }
  return found;
}

function phoneKeyOf(entry: SearchEntry): string | null {
  if (entry.phoneKey === undefined) entry.phoneKey = serviceMatchKey(entry.serviceIdRaw);
  return entry.phoneKey;
}

/** Ids of the rows the search finds; null when the search is blank (every row). */
export function servicesFound(rows: readonly SearchRow[], search: string): Set<string> | null {
  return search.trim() === '' ? null : findServices(searchIndex(rows), search);
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
