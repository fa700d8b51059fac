/**
 * What reading a bill file produces before anything is stored: the preview shows exactly this,
 * and the commit stores exactly this. Built by pure functions in `shared/import/`.
 */
import type { DateOrder, IsoDate, IsoMonth } from '../dates';
import type { ChargeCategory, InvoiceBalance, InvoiceExchange, UnreadRows } from '../model';
import type { Cents } from '../money/cents';
import type { FieldError } from '../result';
import { invoiceKey as ledgerInvoiceKey } from '../ids/keys';

/** An invoice found in a file, before it has a database id. */
export interface DraftInvoice {
  /** Stable key within the draft and across imports: `carrier|account|invoiceNumber` (see `invoiceKey`). */
  key: string;
  carrierName: string;
  accountNumber: string;
  /** As printed; carriers without one (AT&T Premier) get `<account>-<invoice date as YYYYMMDD>`. */
  invoiceNumber: string;
  invoiceDate: IsoDate;
  dueDate?: IsoDate;
  periodStart?: IsoDate;
  periodEnd?: IsoDate;
  /** The total the carrier states for the invoice, in cents; null when the file gives none. */
  statedTotal: Cents | null;
  /** Where the bill says to send payment, as printed; absent when it states none. */
  remitTo?: string;
  /** The account's balance as the bill states it; absent when it does not. */
  balance?: InvoiceBalance;
  /** Set when its amounts were in another currency, converted to dollars with the user's rate. */
  exchange?: InvoiceExchange;
  /** Name of the file (or ZIP member) the invoice came from. */
  sourceFile: string;
  /**
   * The files the invoice was read from, one per kind of file (Verizon's line summary and account
   * summary are two parts of one invoice; other layouts have one part, `bill`). Absent in drafts
   * written before parts existed: the invoice is then one part, `bill`, from `sourceFile`.
   */
  parts?: DraftPart[];
  /**
   * The made-up number (`<account>-<yyyymmdd>`) a stored invoice of this bill goes by, when a file
   * naming no invoice number (T-Mobile's summary) was imported before the one that names it: the
   * plan completes that stored invoice instead of adding the bill a second time.
   */
  storedAs?: string;
  /** Its rows that could not be read, when the import goes on without them (see `unread-rows.ts`). */
  unread?: UnreadRows;
}

/** One file of an invoice and the kind of file it is. */
export interface DraftPart {
  /** The layout kind (`wireless-summary`, `account-summary`) or `bill` for a whole-invoice file. */
  kind: string;
  sourceFile: string;
}

/**
 * A second file of the same kind for an invoice already read (a copy: the same bytes twice, or
 * the same report exported again). Its rows are not read; the app refuses it and says so, the
 * CLI counts the invoice once and reports `duplicate-invoice`.
 */
export interface DraftCopy {
  invoiceKey: string;
  carrierName: string;
  accountNumber: string;
  invoiceNumber: string;
  kind: string;
  /** The copy. */
  sourceFile: string;
  /** The file of that kind the invoice was read from. */
  sameAs: string;
  /**
   * The copy's own lines, when the invoice is joined from several files of this kind (an export
   * by department): a copy of one of them repeats that part, not the whole invoice.
   */
  partTotal?: Cents;
}

/** A charge line found in a file; `invoiceKey` ties it to its `DraftInvoice`. */
export interface DraftChargeLine {
  invoiceKey: string;
  /** Service identifier exactly as on the bill; '' for account-level charges. */
  serviceIdRaw: string;
  /** `serviceMatchKey(serviceIdRaw)`; null for account-level or unreadable identifiers. */
  serviceKey: string | null;
  description: string;
  category: ChargeCategory;
  /** Billed quantity when the bill gives one; null otherwise. */
  quantity: number | null;
  /** Amount in cents; negative for credits. */
  amount: Cents;
  /** The line's own billing account when it is not the invoice's (see `ChargeLine.accountNumber`). */
  accountNumber?: string;
  periodStart?: IsoDate;
  periodEnd?: IsoDate;
  /** File (or ZIP member) and 1-based line number the charge was read from. */
  sourceFile: string;
  sourceRow: number;
  /** Free-form extras the profile kept (user name, cost center text, plan), shown in the detail. */
  extras?: Record<string, string>;
}

/** Usage of one service for one bill cycle, summed from usage columns. */
export interface DraftUsage {
  invoiceKey: string;
  serviceIdRaw: string;
  serviceKey: string;
  month: IsoMonth;
  /** Voice minutes; null when the file gives no figure (unknown, not zero). */
  minutes: number | null;
  /** Messages sent plus received; null when not known. */
  messages: number | null;
  /** Data in kilobytes (1 KB = 1,024 bytes); null when not known. */
  dataKb: number | null;
  /** Roaming voice minutes, already included in `minutes`; absent when the file does not say. */
  roamingMinutes?: number;
  /** Roaming data in kilobytes, already included in `dataKb`; absent when the file does not say. */
  roamingDataKb?: number;
  sourceFile: string;
  sourceRow: number;
}

/** A row deliberately not imported (header repeat, subtotal, total, blank), with the reason. */
export interface SkippedRow {
  sourceFile: string;
  row: number;
  reason: string;
}

/** A row that could not be read: shown in the preview, never dropped silently. */
export interface RowError extends FieldError {
  sourceFile: string;
  row: number;
  /**
   * The row's amount as written (several amount columns joined with ` + `), when the reader
   * knows its amount columns: what leaving the row out leaves out of the bill.
   */
  amount?: string;
  /**
   * The same amount read, in cents, when every amount cell of the row could be read: what the bill
   * itemises in a row imported without (see `unread-rows.ts`). Absent when it is not known.
   */
  cents?: Cents;
  /** The invoice number the row names, when it could be read: the invoice the row belongs to. */
  invoiceNumber?: string;
}

/** The outcome of reading one or more files with one profile or mapping. */
export interface BillDraft {
  /** Profile id (`verizon-raw-data`, `att-premier-summary`, `tmobile-summary`, `tmobile-detail`, `temdesk-charges`) or `mapping:<id>`. */
  profileId: string;
  /** Human name of the layout, e.g. `Verizon Wireless — Raw Data Download`. */
  layoutName: string;
  dateOrder: DateOrder;
  invoices: DraftInvoice[];
  lines: DraftChargeLine[];
  usage: DraftUsage[];
  skipped: SkippedRow[];
  errors: RowError[];
  /** Data rows read (header and preamble excluded). */
  rowsRead: number;
  /**
   * Things the user should see that do not stop a row from importing: a stated total that differs
   * from the sum of the lines, text that already held U+FFFD replacement characters.
   */
  warnings?: RowError[];
  /** Files of the upload the profile recognised but does not read (Verizon usage detail), with why. */
  ignoredFiles?: { sourceFile: string; reason: string }[];
  /** Files that repeat an invoice part already read (see {@link DraftCopy}); their rows are not read. */
  copies?: DraftCopy[];
  /**
   * Rows that could not be read beyond the listed `errors` (which end with a sentence counting
   * them): a file of thousands of bad rows lists the first ones only.
   */
  unlistedErrorRows?: number;
  /**
   * Why nothing of the draft can be imported as read (amounts whose decimal convention varies,
   * an invoice whose lines add up past the bound): the importer turns it into a file error.
   */
  refusal?: string;
  /**
   * The refusal is a usage-only file's (usage detail, a pooling report, usage archives) whose bill
   * is neither in the pick nor stored: nothing in it is billed, and nothing is wrong with it. Both
   * doors name it as not imported with the bill to import it with, and go on with the rest.
   */
  usageWithoutBill?: true;
  /**
   * Fields for which a file held several of their column names (AT&T-style `Amount`, `Cost`): the
   * column read, by the layout's priority, and the ones left unread. Shown in the preview and the
   * CLI's summary, one sentence each ({@link columnChoiceSentence}).
   */
  columnChoices?: ColumnChoice[];
  /**
   * Invoices outside this draft that its usage belongs to (a usage-only file read for a bill
   * stored earlier, or read in another draft of the same pick): the commit adds the usage to them.
   */
  usageFor?: UsageTarget[];
}

/** An invoice outside a draft that the draft's usage belongs to (see `stored-usage.ts`). */
export interface UsageTarget {
  invoiceKey: string;
  carrierName: string;
  accountNumber: string;
  invoiceNumber: string;
}

/** Which of a field's columns a file was read from, when it held more than one. */
export interface ColumnChoice {
  sourceFile: string;
  /** The field's name, e.g. `Amount`. */
  field: string;
  /** The column read, as written in the header. */
  used: string;
  /** The field's other columns in the header, not read. */
  notUsed: string[];
}

/** `Amount read from “Cost”; “Charge” not used.` */
export function columnChoiceSentence(choice: Omit<ColumnChoice, 'sourceFile'>): string {
  const others = choice.notUsed.map((name) => `“${name}”`).join(', ');
  return `${choice.field} read from “${choice.used}”; ${others} not used.`;
}

/**
 * How many problems a draft reports: the listed errors (without the closing "… and N more"
 * sentence) and the rows counted past them.
 */
export function problemCount(draft: Pick<BillDraft, 'errors' | 'unlistedErrorRows'>): number {
  const unlisted = draft.unlistedErrorRows ?? 0;
  return draft.errors.length - (unlisted > 0 ? 1 : 0) + unlisted;
}

/**
 * How many rows the errors are of: a row with several bad cells (a date and a category) is one
 * row, once per file; each note about a whole file (row 0) counts as one.
 */
export function distinctRowCount<T extends { row: number }>(
  errors: readonly T[],
  fileOf: (error: T) => string,
): number {
  const rows = new Set<string>();
  let notes = 0;
  for (const error of errors) {
    if (error.row === 0) notes += 1;
    else rows.add(`${fileOf(error)}\u0000${String(error.row)}`);
  }
  return rows.size + notes;
}

/**
 * How many rows of a draft could not be read: the rows its listed errors are of (several errors
 * of one row counted once) and the rows counted past them.
 */
export function unreadRowCount(draft: Pick<BillDraft, 'errors' | 'unlistedErrorRows'>): number {
  const unlisted = draft.unlistedErrorRows ?? 0;
  const listed = unlisted > 0 ? draft.errors.slice(0, -1) : draft.errors;
  return distinctRowCount(listed, (error) => error.sourceFile) + unlisted;
}

/** The parts of a draft invoice (one `bill` part from its source file when it lists none). */
export function partsOf(invoice: Pick<DraftInvoice, 'parts' | 'sourceFile'>): DraftPart[] {
  return invoice.parts ?? [{ kind: WHOLE_BILL, sourceFile: invoice.sourceFile }];
}

/** The kind of a file that holds a whole invoice. */
export const WHOLE_BILL = 'bill';

/**
 * The kind of a usage report whose months are invoices (Microsoft Teams' PSTN usage report): a
 * month with no call has no invoice, and is not a bill missing while the report spans it.
 */
export const USAGE_REPORT_PART = 'pstn-usage';

/**
 * Parts that hold an invoice's stated total but none of its charges, with the part that holds
 * them: Verizon's AccountSummary needs its Account & Wireless Summary.
 */
const COMPANIONS: Readonly<Record<string, { kind: string; file: string }>> = {
  'account-summary': { kind: 'wireless-summary', file: '“Account & Wireless Summary”' },
};

/**
 * The file an invoice's charges are still to come from (its parts hold a stated total but not
 * the part with its lines), or null when it has them. Such an invoice is incomplete, not wrong:
 * its lines adding up to nothing is no billing error.
 */
export function missingCompanionOf(invoice: {
  parts?: readonly { kind: string }[] | undefined;
}): string | null {
  const kinds = new Set((invoice.parts ?? []).map((part) => part.kind));
  for (const kind of kinds) {
    const companion = COMPANIONS[kind];
    if (companion !== undefined && !kinds.has(companion.kind)) return companion.file;
  }
  return null;
}

/**
 * The key that makes an invoice unique across imports: carrier + account + invoice number, each
 * compared by its key (`shared/ids/keys.ts`), so spacing, case and punctuation do not matter.
 */
export const invoiceKey = ledgerInvoiceKey;
