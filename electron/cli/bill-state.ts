/**
 * What reading bill files into the CLI's workspace keeps: the invoices (a `--workspace` backup's
 * first), their lines and usage, and what the run says of the files.
 */
import type { UploadedFile } from '../../shared/import/archive';
import type { DraftChargeLine } from '../../shared/import/draft';
import type { Invoice, UsageRecord } from '../../shared/model';
import type { Cents } from '../../shared/money/cents';
import type { ChargeBlock } from '../../shared/storage/charge-blocks';
import type { Registry } from './workspace-registry';

/** An invoice met again (same carrier, account and number, a file of a kind already read). */
export interface RepeatedInvoice {
  /** The invoice kept. */
  invoice: Invoice;
  /** Files the kept invoice was read from (of the kinds copied). */
  firstFiles: string[];
  /** Files the copies were met in. */
  repeatFiles: string[];
  /** How many extra copies of the invoice were met. */
  copies: number;
  /** What paying every copy would pay twice: the invoice's total (stated, else its lines) per copy. */
  total: Cents;
}

/** A kept charge line with its invoice, for `charges.csv`. */
export interface StoredLine {
  invoiceId: string;
  line: DraftChargeLine;
}

/** A bill row that could not be read, left out of every output. */
export interface UnreadRow {
  file: string;
  /** 1-based line in the file; 0 for a note about the file. */
  row: number;
  message: string;
  /** The row's amount as written, when the reader knows it. */
  amount?: string;
  /** The row's cells as written, when it did not line up with the header. */
  rowText?: string;
}

/** What reading the bills leaves in the workspace (its outputs read these). */
export interface BillsRead {
  invoices: Invoice[];
  chargeBlocks: ChargeBlock[];
  lines: StoredLine[];
  /**
   * How many of `lines` the `--workspace` backup already held: the stored part's lines of the
   * backup invoices this run completed (their every line is in `lines`, for charges.csv). The
   * lines this run added are the others.
   */
  linesFromBackup: number;
  usage: UsageRecord[];
  repeatedInvoices: RepeatedInvoice[];
  /** Row problems that did not stop the run, as sentences. */
  warnings: string[];
  /** Bill rows that could not be read (listed ones, in file order; left out of every output). */
  unreadRows: UnreadRow[];
  /** Bill rows not read beyond the listed ones. */
  unlistedUnreadRows: number;
  /** Files skipped on purpose (PDFs), as sentences. */
  notices: string[];
  /** Bill rows left out on purpose (totals, summaries, a second header), a sentence per file. */
  skippedRows: string[];
  /** What reading the bills noted (a stated total the lines miss, amounts rounded), as sentences. */
  billNotes: string[];
}

export interface BillState extends BillsRead {
  registry: Registry;
  /** The backup's original bill files by import batch, read again to complete its invoices. */
  originals: ReadonlyMap<string, UploadedFile>;
}
