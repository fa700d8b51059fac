/**
 * What a carrier profile is. Adding a carrier is one file in `shared/import/profiles/` exporting a
 * {@link CarrierProfile}, registered in `profiles/index.ts`, plus its fixtures and tests.
 */
import type { DateOrder, IsoDate } from '../../dates';
import type { BillDraft } from '../draft';
import type { StoredInvoiceRef } from '../stored-usage';
import type { TableRow } from '../table';

/** One logical column of a layout: the header spellings it goes by, and whether it must be there. */
export interface ColumnSpec {
  /** Header spellings, compared with `headerKey` (case, spaces and punctuation do not matter). */
  aliases: readonly string[];
  required?: boolean;
}

/** One kind of file a profile recognises (Verizon ships several in one ZIP). */
export interface TableLayout {
  /** Stable name of the kind, e.g. `wireless-summary`. */
  kind: string;
  /**
   * Human name of this kind of file when users tell the profile's kinds apart (T-Mobile's summary
   * and detail reports); the profile's `layoutName` otherwise.
   */
  name?: string;
  /** Logical field → its column. */
  columns: Readonly<Record<string, ColumnSpec>>;
  /**
   * Set when the profile recognises this kind of file but does not import it (usage detail that
   * would double count the summary): the file is listed in the draft's `ignoredFiles` with this reason.
   */
  ignoredBecause?: string;
  /**
   * Fields an exporter may leave out at the end of a row when they are blank (Verizon's usage
   * columns): a row cut short before them, and before no other column read, is read with them
   * blank (see `trimmed-rows.ts`). Without it, every row with fewer cells than the header is a
   * row error.
   */
  leftOutWhenBlank?: readonly string[];
}

/** A file recognised as one of a profile's layouts, ready to read. */
export interface ProfileTable {
  fileName: string;
  layout: TableLayout;
  header: string[];
  rows: TableRow[];
  /** Index of each logical field's column in `header`; -1 (`ABSENT`) when the file lacks it. */
  columns: Readonly<Record<string, number>>;
}

/** Invoice facts a file may lack (T-Mobile's summary), typed in by the user. */
export interface InvoiceDetails {
  accountNumber?: string;
  invoiceNumber?: string;
  invoiceDate?: IsoDate;
  /**
   * US dollars per 1 unit of a currency, as typed (`{ EUR: '1.0842' }`), for a file whose amounts
   * are in that currency (a Teams PSTN usage report in euros): every amount of it is converted.
   */
  exchangeRates?: Readonly<Record<string, string>>;
}

/** The invoice facts that can be asked for. */
export type InvoiceDetailField = 'accountNumber' | 'invoiceDate' | 'exchangeRate';

/** A file's missing invoice facts, as {@link CarrierProfile.missingDetails} names them. */
export interface MissingDetails {
  fileName: string;
  missing: InvoiceDetailField[];
  /** The currency the file's amounts are in, when an exchange rate is asked for (`EUR`). */
  currency?: string;
  /** Said when asking, instead of the profile's {@link CarrierProfile.detailsNote}. */
  note?: string;
}

/** What a profile is told when it reads. */
export interface ReadContext {
  /** The date order to read numeric dates in (the profile's own, or detected, or the user's answer). */
  dateOrder: DateOrder;
  /** Invoice facts the user typed in, by file name. */
  invoiceDetails: Readonly<Record<string, InvoiceDetails>>;
  /** Invoices stored by earlier imports that usage-only files may attach to. */
  storedInvoices?: readonly StoredInvoiceRef[];
}

/** A carrier's export layout and how to read it into a {@link BillDraft}. */
export interface CarrierProfile {
  /** Stable id stored with each import, e.g. `verizon-raw-data`. */
  id: string;
  carrierName: string;
  /** Human name of the layout, e.g. `Verizon Wireless — Raw Data Download`. */
  layoutName: string;
  /** The carrier's fixed date order; null when the file must be looked at (or the user asked). */
  dateOrder: DateOrder | null;
  /** The kinds of file this profile recognises. */
  layouts: readonly TableLayout[];
  /** Every date cell the date order must read, when {@link CarrierProfile.dateOrder} is null. */
  dateSamples?(tables: readonly ProfileTable[]): string[];
  /** Per file, the invoice facts the files lack and the user has not given; empty when none. */
  missingDetails?(
    tables: readonly ProfileTable[],
    context: Pick<ReadContext, 'invoiceDetails'>,
  ): MissingDetails[];
  /** Why its files lack the facts {@link CarrierProfile.missingDetails} asks for, said when asking. */
  detailsNote?: string;
  /**
   * The currency its bills are in when not US dollars and the files do not say it (a Canadian
   * carrier's bare "$": `CAD`): the import asks its rate and converts (see `bill-currency.ts`).
   */
  currency?: string;
  /** Reads the recognised (non-ignored) tables of one upload into one draft. Never throws on bad data. */
  read(tables: readonly ProfileTable[], context: ReadContext): BillDraft;
}
