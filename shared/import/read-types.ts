/**
 * What the import pipeline (`read-bill.ts`) takes and gives: its options, its outcomes (drafts or
 * questions for the user) and the parsed files it passes between its steps.
 */
import type { DateOrder } from '../dates';
import type { InflatedMembers } from './archive';
import type { TextEncodingName } from './decode';
import type { BillDraft } from './draft';
import type { ImportLimits, LimitAdvice } from './limits';
import type { ColumnMapping } from './mapping';
import type { InvoiceDetailField, InvoiceDetails } from './profiles/types';
import type { StoredInvoiceRef } from './stored-usage';
import type { Table } from './table';
import type { SheetTable } from './xlsx/sheet-table';

/** Options of `readBills`. */
export interface ReadBillOptions {
  /** The user's answer to a `needs-date-order` question; used by files that do not declare an order. */
  dateOrder?: DateOrder;
  /** Mappings the user saved; a file whose header signature matches one is read without questions. */
  savedMappings?: readonly ColumnMapping[];
  /** The mapping the user just made in the wizard (applies to the file with its signature). */
  mapping?: ColumnMapping;
  /** Date order to use when a file's dates cannot tell (instead of asking). */
  defaultDateOrder?: DateOrder;
  /** Invoice facts typed in by the user for files that lack them, by file name. */
  invoiceDetails?: Readonly<Record<string, InvoiceDetails>>;
  /**
   * Invoice facts for every file that lacks them and has none of its own in `invoiceDetails` (the
   * CLI's `--account-number` and `--invoice-date`).
   */
  defaultInvoiceDetails?: InvoiceDetails;
  /** Called with 0–1 as the files are read. */
  onProgress?: (fraction: number) => void;
  /** Size, line, column and date limits; `DEFAULT_IMPORT_LIMITS` for any not given. */
  limits?: Partial<ImportLimits>;
  /** How a refusal says to raise a limit (the CLI names its flags); the app's Settings by default. */
  limitAdvice?: LimitAdvice;
  /** The sheet to read of each Excel workbook, by file name (the answer to `needs-sheet`). */
  sheets?: Readonly<Record<string, string>>;
  /** A sheet to read in every workbook holding one of this name (the CLI's `--sheet NAME`). */
  preferredSheet?: string;
  /** Invoices stored by earlier imports: usage-only files attach to them (see `stored-usage.ts`). */
  storedInvoices?: readonly StoredInvoiceRef[];
  /**
   * ZIP members inflated ahead by `inflateAhead` where the read runs (never sent to a worker):
   * the read itself is synchronous, the platform's zlib is not.
   */
  inflated?: InflatedMembers;
}

/** How one file was decoded, for the preview. */
export interface DecodedFileInfo {
  name: string;
  encoding: TextEncodingName;
  replacementChars: number;
  /** Lines of a Windows-1252 file read as UTF-8 (see `DecodedText.utf8Lines`), and their count. */
  utf8Lines?: number[];
  utf8LineCount?: number;
  /** The sheet read, for an Excel workbook. */
  sheet?: string;
  /** Hidden sheets of the workbook not read (the user may choose one instead). */
  hiddenSheets?: string[];
}

/** What changed in a known carrier's layout. */
export interface LayoutDrift {
  profileId: string;
  layoutName: string;
  /** Expected columns the file lacks. */
  missing: string[];
  /** Columns of the file the layout does not know. */
  added: string[];
}

/** One result of `readBills`: a draft to preview, or a question for the user. */
export type ReadOutcome =
  | {
      kind: 'draft';
      draft: BillDraft;
      files: DecodedFileInfo[];
      /** Optional columns of the profile the files lacked (the import still works). */
      drift?: LayoutDrift;
    }
  | {
      kind: 'needs-mapping';
      fileName: string;
      header: string[];
      /** The first rows' cells, to show next to the header in the wizard. */
      sample: string[][];
      guess: ColumnMapping;
      /** Set when the file looks like a known carrier whose columns changed. */
      drift?: LayoutDrift;
      /** Why the mapping given for this file cannot read it yet. */
      problems?: string[];
    }
  | { kind: 'needs-date-order'; fileName: string; candidates: DateOrder[]; examples: string[] }
  | {
      kind: 'needs-invoice-details';
      fileName: string;
      profileId: string;
      missing: InvoiceDetailField[];
      /** The currency of the file's amounts, when `missing` holds `exchangeRate` (`EUR`). */
      currency?: string;
      /** Why the layout does not say them, and what they are used for (the profile's words). */
      note?: string;
    }
  | {
      kind: 'needs-sheet';
      fileName: string;
      /** Visible sheets that could be the bill (two or more, or none when only hidden ones remain). */
      sheets: string[];
      /** Hidden sheets: never read unless the user picks one. */
      hidden: string[];
    }
  | {
      kind: 'unreadable';
      fileName: string;
      message: string;
      /** The file holds nothing at all (0 bytes, or blank): no charge is lost by skipping it. */
      empty?: true;
      /** The file is a PDF (the printed bill, as a portal's ZIP may hold beside the data). */
      pdf?: true;
      /**
       * The file holds usage only and its bill is neither in the pick nor stored (see
       * `BillDraft.usageWithoutBill`): nothing of it is billed, and it is not imported. The app
       * names it and imports the rest; the CLI says it among its notes and goes on.
       */
      usageWithoutBill?: true;
      /**
       * A member of a ZIP left out because its name (or a folder of its) starts with a dot
       * (`.bill.csv`, `.old/bill.csv`): named, since a bill may have been saved so, and the rest
       * imported. The CLI names these among its notices when it walks its inputs.
       */
      hidden?: true;
    };

/** A file of an upload, decoded and parsed, on its way to a draft. */
export interface ParsedFile {
  name: string;
  info: DecodedFileInfo;
  table: Table;
  /** The text of a report-style export (TELUS), read by `readReportFiles`, not as a table. */
  report?: string;
  /** For an Excel workbook: the sheet read and the hidden sheets skipped. */
  sheet?: { table: SheetTable; hiddenSkipped: string[] };
}
