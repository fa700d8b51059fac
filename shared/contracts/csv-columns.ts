/**
 * The columns of the contracts and contract-rates CSV files, the other names people give them,
 * and readers for their small value types (months, days, yes/no, status), each returning a
 * sentence when the cell cannot be read.
 */
import { headerKey } from '../import/table';
import type { Allowance, ContractRate, ContractStatus } from '../model/contract';
import { CONTRACT_STATUSES } from '../model/contract';

/** One column: its canonical header (written on export) and the other headers accepted on import. */
export interface ColumnSpec {
  key: string;
  header: string;
  aliases: readonly string[];
  required: boolean;
}

/** Contract columns in export order. */
export const CONTRACT_COLUMNS = [
  {
    key: 'id',
    header: 'Contract ID',
    aliases: ['Contract #', 'Contract No', 'Contract Number', 'Agreement ID', 'Agreement Number'],
    required: true,
  },
  {
    key: 'carrier',
    header: 'Carrier',
    aliases: ['Vendor', 'Provider', 'Supplier', 'Carrier Name', 'Vendor Name'],
    required: true,
  },
  {
    key: 'name',
    header: 'Name',
    aliases: ['Contract Name', 'Agreement Name', 'Description', 'Title'],
    required: false,
  },
  {
    key: 'accounts',
    header: 'Accounts',
    aliases: ['Account', 'Account Numbers', 'Account Number', 'Billing Accounts', 'BANs', 'BAN'],
    required: false,
  },
  {
    key: 'startDate',
    header: 'Start Date',
    aliases: ['Contract Start', 'Term Start', 'Effective Date', 'Commencement Date', 'Start'],
    required: true,
  },
  {
    key: 'termMonths',
    header: 'Term Months',
    aliases: ['Term (months)', 'Term Length', 'Initial Term', 'Term', 'Months'],
    required: true,
  },
  {
    key: 'endDate',
    header: 'End Date',
    aliases: ['Contract End', 'Term End', 'Expiration Date', 'Expiry Date', 'End'],
    required: false,
  },
  {
    key: 'autoRenew',
    header: 'Auto Renew',
    aliases: ['Auto-Renewal', 'Auto Renewal', 'Autorenew', 'Evergreen', 'Renews Automatically'],
    required: false,
  },
  {
    key: 'renewalTermMonths',
    header: 'Renewal Term Months',
    aliases: ['Renewal Term (months)', 'Renewal Term', 'Renewal Months', 'Renewal Period'],
    required: false,
  },
  {
    key: 'noticeDays',
    header: 'Notice Days',
    aliases: ['Notice Period (days)', 'Notice Period', 'Days Notice', 'Notice Required', 'Notice'],
    required: false,
  },
  {
    key: 'marc',
    header: 'MARC',
    aliases: [
      'Minimum Annual Commitment',
      'Minimum Annual Revenue Commitment',
      'Annual Commitment',
      'Commitment',
    ],
    required: false,
  },
  { key: 'status', header: 'Status', aliases: ['Contract Status', 'State'], required: false },
] as const satisfies readonly ColumnSpec[];

/** Contract-rate columns in export order. */
export const CONTRACT_RATE_COLUMNS = [
  CONTRACT_COLUMNS[0],
  {
    key: 'plan',
    header: 'Plan Or Service Type',
    aliases: ['Plan', 'Plan Name', 'Rate Plan', 'Service Type', 'Product', 'Plan/Service Type'],
    required: false,
  },
  {
    key: 'serviceId',
    header: 'Service ID',
    aliases: ['Circuit ID', 'Service Number', 'Phone Number', 'Line Number', 'Service'],
    required: false,
  },
  {
    key: 'monthlyRate',
    header: 'Monthly Rate',
    aliases: ['Contract Rate', 'Rate', 'MRC', 'Monthly Recurring Charge', 'Monthly Price', 'Price'],
    required: true,
  },
  {
    key: 'monthToMonthRate',
    header: 'Month-to-Month Rate',
    aliases: [
      'Month to Month Rate',
      'MTM Rate',
      'Out of Contract Rate',
      'Holdover Rate',
      'Rate After Term',
    ],
    required: false,
  },
  {
    key: 'dataAllowance',
    header: 'Data Allowance GB',
    aliases: ['Data Allowance (GB)', 'Data Allowance', 'Data GB', 'Data (GB)', 'Data Bucket'],
    required: false,
  },
  {
    key: 'voiceAllowance',
    header: 'Voice Minutes Allowance',
    aliases: ['Voice Minutes', 'Minutes Allowance', 'Voice Allowance', 'Minutes', 'Voice'],
    required: false,
  },
  {
    key: 'messagesAllowance',
    header: 'Messages Allowance',
    aliases: ['Messaging Allowance', 'Text Allowance', 'Messages', 'Texts', 'SMS'],
    required: false,
  },
] as const satisfies readonly ColumnSpec[];

/**
 * The allowance fields of a rate, by rate-file column key, with their unit: its name in messages
 * and the words a cell may follow its number with (`10 GB`, `1,000 minutes`, `500 texts`).
 */
export const ALLOWANCE_FIELDS = [
  {
    key: 'dataAllowance',
    field: 'dataAllowanceGb',
    unit: 'GB',
    words: /^(?:gb|gigabytes?)$/i,
    whole: false,
  },
  {
    key: 'voiceAllowance',
    field: 'voiceMinutesAllowance',
    unit: 'minutes',
    words: /^(?:mins?\.?|minutes?)$/i,
    whole: true,
  },
  {
    key: 'messagesAllowance',
    field: 'messagesAllowance',
    unit: 'messages',
    words: /^(?:msgs?|messages?|texts?|sms)$/i,
    whole: true,
  },
] as const;

/** How a reader of {@link readAllowance} reads one allowance column. */
export type AllowanceSpec = Pick<(typeof ALLOWANCE_FIELDS)[number], 'unit' | 'words' | 'whole'>;

const ALLOWANCE_TEXT = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*([a-z]+\.?)?$/i;
const NO_ALLOWANCE = new Set(['', '-', 'na', 'n/a']);

/**
 * A plan allowance: a number of zero or more (`10`, `10 GB`, `2.5`, `1,000 minutes`; whole for
 * minutes and messages), followed by nothing or one of the column's own unit words, or the word
 * `unlimited` (any case). Blank, `-` and `N/A` give undefined: not known or not applicable — never
 * zero. Another column's unit (`10 minutes` for data) is refused, never read as this one's.
 * `whenNotKnown` is how the message tells the reader to say "not known" (a file's blank cell by
 * default; a form says to leave the field empty).
 */
export function readAllowance(
  text: string,
  spec: AllowanceSpec,
  whenNotKnown = 'a blank cell when not known',
): CellReading<Allowance | undefined> {
  const trimmed = text.trim();
  if (NO_ALLOWANCE.has(trimmed.toLowerCase())) return { ok: true, value: undefined };
  if (trimmed.toLowerCase() === 'unlimited') return { ok: true, value: 'unlimited' };
  const match = ALLOWANCE_TEXT.exec(trimmed);
  const word = match?.[3];
  const value =
    match === null || (word !== undefined && !spec.words.test(word))
      ? NaN
      : Number(`${match[1]?.replace(/,/g, '')}${match[2] ?? ''}`);
  if (!Number.isFinite(value) || value > 1e9 || (spec.whole && !Number.isInteger(value))) {
    const example = spec.whole ? '1000' : '10';
    const otherUnit =
      word !== undefined && !spec.words.test(word) ? `, which is not in ${spec.unit}` : '';
    return {
      ok: false,
      message: `expected ${spec.whole ? 'a whole number of' : 'a number of'} ${spec.unit} like ${example}, or unlimited, or ${whenNotKnown}, but found "${text}"${otherUnit}.`,
    };
  }
  return { ok: true, value };
}

/** The allowances a rate carries (only those that are known), to copy onto another rate. */
export function allowancesOf(
  rate: Pick<ContractRate, (typeof ALLOWANCE_FIELDS)[number]['field']>,
): Pick<ContractRate, (typeof ALLOWANCE_FIELDS)[number]['field']> {
  const known: Pick<ContractRate, (typeof ALLOWANCE_FIELDS)[number]['field']> = {};
  for (const { field } of ALLOWANCE_FIELDS) {
    const value = rate[field];
    if (value !== undefined) known[field] = value;
  }
  return known;
}

/** An allowance as the rates file writes it: the number, `unlimited`, or blank when not known. */
export function allowanceText(allowance: Allowance | undefined): string {
  if (allowance === undefined) return '';
  return allowance === 'unlimited' ? 'unlimited' : String(allowance);
}

/** Column positions by key (-1 when absent), and the required columns that are missing. */
export interface ResolvedColumns<K extends string> {
  /** Position of a column in the header, or -1 when the file has no such column. */
  indexOf: (key: K) => number;
  missing: ColumnSpec[];
}

/**
 * Finds each column in a header, comparing {@link headerKey}s (case, spaces, punctuation ignored):
 * the canonical header first, then the aliases in order. A header cell serves one column only.
 */
export function resolveColumns<const S extends readonly ColumnSpec[]>(
  header: readonly string[],
  specs: S,
): ResolvedColumns<S[number]['key']> {
  const keys = header.map(headerKey);
  const taken = new Set<number>();
  const positions = new Map<S[number]['key'], number>();
  const missing: ColumnSpec[] = [];
  for (const spec of specs) {
    let found = -1;
    for (const name of [spec.header, ...spec.aliases]) {
      const at = keys.findIndex((key, i) => key === headerKey(name) && !taken.has(i));
      if (at !== -1) {
        found = at;
        break;
      }
    }
    if (found !== -1) taken.add(found);
    else if (spec.required) missing.push(spec);
    positions.set(spec.key, found);
  }
  return { indexOf: (key) => positions.get(key) ?? -1, missing };
}

/** A cell reading: the value, or the sentence after "Row 4, column "X": ". */
export type CellReading<T> = { ok: true; value: T } | { ok: false; message: string };

const MONTHS_TEXT = /^(\d{1,4})\s*(?:months?|mos?\.?|m)?$/i;
const YEARS_TEXT = /^(\d{1,2})\s*(?:years?|yrs?\.?|y)$/i;
const DAYS_TEXT = /^(\d{1,4})\s*(?:days?|d)?$/i;
const MONTH_TO_MONTH = new Set(['mtm', 'monthtomonth', 'monthly', 'none', 'no']);

/**
 * A whole number of months: `36`, `36 months`, `36 mo`, `3 years` (36). With `monthToMonth`,
 * also `month-to-month` / `MTM` / `none` for 0 (renewal terms).
 */
export function readMonths(
  text: string,
  options: { min: number; monthToMonth?: boolean },
): CellReading<number> {
  const trimmed = text.trim();
  const months = MONTHS_TEXT.exec(trimmed);
  const years = YEARS_TEXT.exec(trimmed);
  let value: number | null = null;
  if (months !== null) value = Number(months[1]);
  else if (years !== null) value = Number(years[1]) * 12;
  else if (options.monthToMonth === true && MONTH_TO_MONTH.has(headerKey(trimmed))) value = 0;
  if (value === null || value < options.min || value > 1200) {
    const example = options.monthToMonth === true ? '12 (0 for month-to-month)' : '36';
    return {
      ok: false,
      message: `expected a whole number of months like ${example} but found "${text}".`,
    };
  }
  return { ok: true, value };
}

/** A whole number of days: `60`, `60 days`, `60d`. */
export function readDays(text: string): CellReading<number> {
  const days = DAYS_TEXT.exec(text.trim());
  if (days === null || Number(days[1]) > 3650) {
    return {
      ok: false,
      message: `expected a whole number of days like 60 (or months, like 3 months) but found "${text}".`,
    };
  }
  return { ok: true, value: Number(days[1]) };
}

const YES = new Set(['yes', 'y', 'true', 't', '1', 'x', 'autorenew', 'evergreen']);
const NO = new Set(['no', 'n', 'false', 'f', '0']);

/** Yes/no: `Yes`, `Y`, `true`, `1`, `x` and `No`, `N`, `false`, `0`, in any case. */
export function readYesNo(text: string): CellReading<boolean> {
  const key = headerKey(text);
  if (YES.has(key)) return { ok: true, value: true };
  if (NO.has(key)) return { ok: true, value: false };
  return { ok: false, message: `expected Yes or No but found "${text}".` };
}

/** Status words people use, by {@link headerKey}, for each contract status. */
const STATUS_ALIASES: Record<ContractStatus, readonly string[]> = {
  active: ['active', 'current', 'ineffect', 'inforce', 'live', 'open', 'signed'],
  'in-review': ['inreview', 'review', 'underreview', 'pendingreview'],
  negotiating: ['negotiating', 'negotiation', 'innegotiation', 'renegotiating'],
  renewed: ['renewed'],
  'auto-renewed': ['autorenewed', 'autorenew', 'evergreen', 'rolledover'],
  terminated: ['terminated', 'cancelled', 'canceled', 'closed', 'ended'],
  expired: ['expired', 'lapsed', 'outofcontract'],
};

/** A contract status from its name or a common synonym (`Cancelled` → `terminated`). */
export function readStatus(text: string): CellReading<ContractStatus> {
  const key = headerKey(text);
  for (const status of CONTRACT_STATUSES) {
    if (STATUS_ALIASES[status].includes(key)) return { ok: true, value: status };
  }
  return {
    ok: false,
    message: `expected a status (Active, In Review, Negotiating, Renewed, Auto-Renewed, Terminated or Expired) but found "${text}".`,
  };
}
