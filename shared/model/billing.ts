/**
 * What bills hold once imported: invoices, their charge lines, usage, and the import batch that
 * brought them in (with the original file's hash, so a re-import is recognised).
 */
import type { Cents } from '../money/cents';
import type { IsoDate, IsoMonth } from '../dates/iso-date';

/** Kinds of charge line, as the audit and the chargeback group them. */
export const CHARGE_CATEGORIES = [
  'recurring',
  'usage',
  'one-time',
  'equipment',
  'tax',
  'surcharge',
  'credit',
  'late-fee',
  'adjustment',
  'third-party',
] as const;

/** See {@link CHARGE_CATEGORIES}. */
export type ChargeCategory = (typeof CHARGE_CATEGORIES)[number];

/** Where an invoice is in the review workflow. */
export const INVOICE_STATUSES = ['received', 'reviewed', 'approved', 'paid', 'on-hold'] as const;

/** See {@link INVOICE_STATUSES}. */
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** One bill of one carrier account for one cycle. */
export interface Invoice {
  id: string;
  carrierId: string;
  /** Account number as printed on the bill. */
  accountNumber: string;
  /**
   * Invoice number as printed; carriers without one (AT&T Premier) get `accountNumber` + invoice date.
   */
  invoiceNumber: string;
  /** Bill date (bill cycle date). */
  invoiceDate: IsoDate;
  dueDate?: IsoDate;
  /** First day of the billed period (inclusive). */
  periodStart?: IsoDate;
  /** Last day of the billed period (inclusive). */
  periodEnd?: IsoDate;
  /** Total current charges as the carrier states it, in cents; null when the file has no total. */
  statedTotal: Cents | null;
  /** Sum of this invoice's charge lines, in cents (kept so screens never load the lines). */
  linesTotal: Cents;
  /** Number of charge lines. */
  lineCount: number;
  /** Sum of the lines per category, in cents; categories with no line are absent. */
  categoryTotals: Partial<Record<ChargeCategory, Cents>>;
  status: InvoiceStatus;
  /** Every review step, oldest first: received at import, then reviewed, approved, paid or on hold. */
  history?: InvoiceStatusChange[];
  /** The import that created this invoice. */
  importBatchId: string;
  /** Name of the file (or ZIP member) the invoice was read from. */
  sourceFile?: string;
  /**
   * The files the invoice was read from, one per kind (Verizon's line summary and account summary
   * may come in separate imports), with the import each came in. Absent on invoices stored before
   * parts existed: those are one whole file.
   */
  parts?: InvoicePart[];
  /**
   * Who or what last decided whether the invoice may be paid: the approval policy (re-decided
   * after every import and checks run) or a person (never overridden by the policy). Absent while
   * nothing has decided.
   */
  approval?: ApprovalDecision;
  /** Remit-to (payment) address or name when the bill states one, as printed. */
  remitTo?: string;
  /**
   * The billing accounts its charge lines are billed on, each once, as printed, when they name
   * their own (an AT&T FAN invoice's BANs, an EDI 811 master account's sub-accounts): whose
   * services the invoice bills. Absent when no line names one.
   */
  lineAccounts?: string[];
  /** Set when the bill was in another currency, converted to dollars at import: from what, at what rate. */
  exchange?: InvoiceExchange;
  /** The payment, once the invoice is marked paid: the day and the payment reference. */
  payment?: InvoicePayment;
  /** When the invoice was written to an AP payment file: ISO 8601 timestamp in UTC. */
  exportedForPaymentAt?: string;
  /** The payment file's batch id (`PAY-2026-12-02-1`), so a batch can be found again. */
  paymentBatch?: string;
  /** The account's balance as the bill states it (Verizon's AccountSummary); absent when it does not. */
  balance?: InvoiceBalance;
  /**
   * Rows of the bill that could not be read and were imported without (absent when every row was
   * read): the carrier itemised them, so the checks do not take their money as missing.
   */
  unread?: UnreadRows;
}

/** Rows of a bill left out because they could not be read (see `shared/import/unread-rows.ts`). */
export interface UnreadRows {
  /** How many rows of the bill were not read (or may be its rows: see `unpriced`). */
  rows: number;
  /** What those of them whose amount could be read add up to, in cents. */
  amount: Cents;
  /**
   * How many of `rows` have no amount that could be read, or may belong to another invoice of the
   * same file (their invoice number could not be read): what they hold is not known.
   */
  unpriced: number;
}

/**
 * A bill in another currency than US dollars (a Teams PSTN usage report in euros), converted at
 * import with the rate the user gave: what its amounts were, so each dollar figure can be traced.
 */
export interface InvoiceExchange {
  /** The bill's currency as it names it (`EUR`). */
  currency: string;
  /** US dollars per 1 unit of it, as the user gave it (`1.0842`). */
  usdPerUnit: string;
  /** The invoice's charges in that currency, exact, as a plain decimal (`123.4567`). */
  originalAmount: string;
  /**
   * The total the bill states in that currency, as a plain decimal (`160.00`): what the carrier is
   * paid. Absent when the bill states none (its lines' sum is asked) or it was stored before this
   * was kept.
   */
  originalDue?: string;
}

/**
 * What a bill says was owed before its current charges and what is due now: previous balance,
 * payments and adjustments since (as written, payments usually negative), the balance forward,
 * and the total amount due. Each as stated; absent when the bill does not give it.
 */
export interface InvoiceBalance {
  previousBalance?: Cents;
  payments?: Cents;
  adjustments?: Cents;
  balanceForward?: Cents;
  amountDue: Cents;
}

/** Who decides an invoice's approval. */
export type ApprovalDecider = 'policy' | 'person';

/** What the approval policy concluded (`approve`) or that the invoice needs a person (`review`). */
export type ApprovalOutcome = 'approve' | 'review';

/** One approval decision, kept on the invoice. */
export interface ApprovalDecision {
  decidedBy: ApprovalDecider;
  outcome: ApprovalOutcome;
  /** The policy rule that decided (`within-tolerance`, `open-finding`…), or `person`. */
  rule: string;
  /** The rule's reason as a sentence, e.g. `Within 5 % of expected $1,234.00`. */
  reason: string;
  /** The day of the decision. */
  decidedOn: IsoDate;
}

/** How an invoice was paid. */
export interface InvoicePayment {
  paidOn: IsoDate;
  /** Check number, ACH trace or AP document number; may be empty. */
  reference: string;
}

/** One file of an invoice: its kind (`bill` for a whole-invoice file), name and import batch. */
export interface InvoicePart {
  kind: string;
  sourceFile: string;
  importBatchId: string;
}

/** One step of an invoice's review, stamped with when and why. */
export interface InvoiceStatusChange {
  status: InvoiceStatus;
  /** ISO 8601 timestamp in UTC. */
  at: string;
  note?: string;
}

/** One charge on an invoice. */
export interface ChargeLine {
  invoiceId: string;
  /** Service identifier exactly as on the bill (phone number, circuit ID); `''` for account-level charges. */
  serviceIdRaw: string;
  /** Match key from `serviceMatchKey`; null for account-level or unreadable identifiers. */
  serviceKey: string | null;
  /** Charge description as printed, e.g. `State 911`. */
  description: string;
  category: ChargeCategory;
  /** Billed quantity (lines, minutes, units) when the bill gives one; null otherwise. */
  quantity: number | null;
  /** Amount in cents; negative for credits. */
  amount: Cents;
  /**
   * The billing account the line belongs to, when the bill groups several under the invoice's
   * account (AT&T's BANs under a FAN invoice): the account its service is matched in the
   * inventory by. Absent when it is the invoice's own account.
   */
  accountNumber?: string;
  /** First day this charge covers, when the line says (else the invoice period applies). */
  periodStart?: IsoDate;
  /** Last day this charge covers (inclusive). */
  periodEnd?: IsoDate;
  /** 1-based line number in the source file, for showing the original row. */
  sourceRow: number;
  /**
   * The file (or ZIP member) the line was read from: an invoice can be read from several files
   * (Verizon's line summary and account summary), so a line number alone does not say where.
   * Absent on lines stored before it was kept: the invoice's `sourceFile`.
   */
  sourceFile?: string;
}

/** Usage of one service in one month, summed from usage detail or summary columns. */
export interface UsageRecord {
  /** Match key of the service (see `serviceMatchKey`). */
  serviceKey: string;
  /** Raw identifier as on the bill. */
  serviceIdRaw: string;
  /** Calendar month of the bill cycle. */
  month: IsoMonth;
  invoiceId?: string;
  /**
   * Voice minutes (decimal minutes, as carriers bill them); null when the bill gives no figure
   * (a blank cell is not known, never zero use).
   */
  minutes: number | null;
  /** Text and multimedia messages, sent plus received; null when not known. */
  messages: number | null;
  /** Data in kilobytes (1 KB = 1,024 bytes, as carriers count); null when not known. */
  dataKb: number | null;
  /** Roaming voice minutes, included in `minutes`. */
  roamingMinutes: number;
  /** Roaming data in kilobytes, included in `dataKb`. */
  roamingDataKb: number;
  /** Usage charges billed for this month, in cents. */
  usageCharges: Cents;
}

/** How many things an import read, kept, and refused. */
export interface ImportCounts {
  /** Data rows read from the file (header and blank lines excluded). */
  rowsRead: number;
  invoices: number;
  chargeLines: number;
  usageRecords: number;
  /** Summary or total rows recognised and skipped on purpose. */
  rowsSkipped: number;
  /** Rows that could not be read; each is listed in the preview with its line number. */
  rowErrors: number;
}

/** One committed import of one file. */
export interface ImportBatch {
  id: string;
  /** File name without its folder, e.g. `verizon-2024-08.zip`. */
  fileName: string;
  /** SHA-256 of the file's bytes, lower-case hex (64 characters), to recognise re-imports. */
  fileHash: string;
  /** File size in bytes. */
  fileSize: number;
  /** When the import was committed: an ISO 8601 timestamp in UTC, e.g. `2024-08-05T13:45:00.000Z`. */
  importedAt: string;
  /** Carrier import profile used to read the file. */
  profileId: string;
  carrierId?: string;
  counts: ImportCounts;
  /** True for the built-in sample company, so "Clear sample data" removes exactly that. */
  sample?: boolean;
  /** Text encoding the file was read with (`utf-8`, `utf-8-bom`, `windows-1252`). */
  encoding?: string;
  /**
   * The invoices, stored before it, that this file added usage to (a usage-only file imported
   * after its bill), by id. No invoice names such a file, so this is how it is known to be in use:
   * while one of them is stored. Ids of invoices deleted since stay listed (Undo puts them back).
   */
  usageInvoiceIds?: string[];
}
