/**
 * Collects what a profile reads into a {@link BillDraft}: invoices by key (first row wins, later
 * rows fill gaps), charge lines, usage, skipped rows and errors.
 */
import type { DateOrder } from '../dates';
import { serviceMatchKey } from '../ids/identifiers';
import type { ChargeCategory } from '../model';
import type { Cents } from '../money/cents';
import { formatCents, subtractCents, sumCents } from '../money/cents';
import type {
  BillDraft,
  DraftCopy,
  DraftChargeLine,
  DraftInvoice,
  DraftUsage,
  RowError,
  SkippedRow,
} from './draft';
import { invoiceKey, WHOLE_BILL } from './draft';

const TEN_DIGITS = /^\d{10}$/;

/** Mutable state of one draft being read. */
export class DraftBuilder {
  readonly invoices = new Map<string, DraftInvoice>();
  readonly lines: DraftChargeLine[] = [];
  readonly usage: DraftUsage[] = [];
  readonly skipped: SkippedRow[] = [];
  readonly errors: RowError[] = [];
  readonly warnings: RowError[] = [];
  readonly ignoredFiles: { sourceFile: string; reason: string }[] = [];
  rowsRead = 0;
  /** Where each invoice's stated total was read, for pointing at it when it does not reconcile. */
  readonly statedAt = new Map<string, { sourceFile: string; row: number }>();
  /** Service keys by raw text: the same line appears on many rows, and key parsing is not free. */
  private readonly serviceKeys = new Map<string, string | null>();

  /** Invoice keys by the raw carrier, account and number: every row of an invoice repeats them. */
  private readonly invoiceKeys = new Map<string, string>();

  private keyOf(invoice: Omit<DraftInvoice, 'key'>): string {
    const raw = `${invoice.carrierName}\u0000${invoice.accountNumber}\u0000${invoice.invoiceNumber}`;
    let key = this.invoiceKeys.get(raw);
    if (key === undefined) {
      key = invoiceKey(invoice.carrierName, invoice.accountNumber, invoice.invoiceNumber);
      this.invoiceKeys.set(raw, key);
    }
    return key;
  }

  /** The invoice with this carrier/account/number, added when new; gaps filled from `invoice`. */
  invoice(invoice: Omit<DraftInvoice, 'key'>): DraftInvoice {
    const key = this.keyOf(invoice);
    const existing = this.invoices.get(key);
    if (existing === undefined) {
      const added: DraftInvoice = { key, ...invoice };
      this.invoices.set(key, added);
      return added;
    }
    existing.dueDate ??= invoice.dueDate;
    existing.periodStart ??= invoice.periodStart;
    existing.periodEnd ??= invoice.periodEnd;
    if (existing.statedTotal === null) existing.statedTotal = invoice.statedTotal;
    return existing;
  }

  /** Copies met (a second file of one kind for one invoice), once per invoice, kind and file. */
  readonly copies: DraftCopy[] = [];
  private readonly copyReported = new Set<string>();

  /**
   * The invoice for a row of a file of the given kind (a part of the invoice), or null when that
   * invoice already has this part from another file: the file is a copy, recorded in
   * {@link DraftBuilder.copies} with its first row, and its rows for the invoice are skipped.
   * Parts of different kinds (Verizon's line and account summaries) join into one invoice.
   */
  invoicePart(invoice: Omit<DraftInvoice, 'key'>, kind: string, row: number): DraftInvoice | null {
    const key = this.keyOf(invoice);
    const existing = this.invoices.get(key);
    if (existing === undefined) {
      return this.invoice({ ...invoice, parts: [{ kind, sourceFile: invoice.sourceFile }] });
    }
    const parts = (existing.parts ??= []);
    const same = parts.find((part) => part.kind === kind);
    if (same === undefined) {
      parts.push({ kind, sourceFile: invoice.sourceFile });
      return this.invoice(invoice);
    }
    if (same.sourceFile === invoice.sourceFile) return this.invoice(invoice);
    const reportKey = `${key}\u0000${kind}\u0000${invoice.sourceFile}`;
    if (!this.copyReported.has(reportKey)) {
      this.copyReported.add(reportKey);
      this.copies.push({
        invoiceKey: key,
        carrierName: existing.carrierName,
        accountNumber: existing.accountNumber,
        invoiceNumber: existing.invoiceNumber,
        kind,
        sourceFile: invoice.sourceFile,
        sameAs: same.sourceFile,
      });
    }
    this.skip(
      invoice.sourceFile,
      row,
      `Not imported: invoice ${existing.invoiceNumber} (account ${existing.accountNumber}) is already read from ${same.sourceFile}; this file is a copy.`,
    );
    return null;
  }

  /**
   * For layouts where one file holds a whole invoice (every layout but Verizon's pair of files):
   * the invoice for this row, or null when the same invoice was already read from another file
   * (a copy, never counted twice).
   */
  invoiceOfFile(invoice: Omit<DraftInvoice, 'key'>, row: number): DraftInvoice | null {
    return this.invoicePart(invoice, WHOLE_BILL, row);
  }

  /** The match key of a service identifier ('' → null), cached. */
  serviceKey(serviceIdRaw: string): string | null {
    if (serviceIdRaw === '') return null;
    // A bare ten-digit number is the common case and always a North American number.
    if (TEN_DIGITS.test(serviceIdRaw)) return `+1${serviceIdRaw}`;
    let key = this.serviceKeys.get(serviceIdRaw);
    if (key === undefined) {
      key = serviceMatchKey(serviceIdRaw);
      this.serviceKeys.set(serviceIdRaw, key);
    }
    return key;
  }

  /** Adds a charge line; zero amounts are the caller's choice to skip. */
  line(
    invoice: DraftInvoice,
    source: { sourceFile: string; sourceRow: number },
    serviceIdRaw: string,
    description: string,
    category: ChargeCategory,
    amount: Cents,
    more: Pick<DraftChargeLine, 'quantity' | 'extras' | 'periodStart' | 'periodEnd'> = {
      quantity: null,
    },
  ): void {
    const line: DraftChargeLine = {
      invoiceKey: invoice.key,
      serviceIdRaw,
      serviceKey: this.serviceKey(serviceIdRaw),
      description,
      category,
      quantity: more.quantity,
      amount,
      sourceFile: source.sourceFile,
      sourceRow: source.sourceRow,
    };
    if (more.periodStart !== undefined) line.periodStart = more.periodStart;
    if (more.periodEnd !== undefined) line.periodEnd = more.periodEnd;
    if (more.extras !== undefined) line.extras = more.extras;
    this.lines.push(line);
  }

  skip(sourceFile: string, row: number, reason: string): void {
    this.skipped.push({ sourceFile, row, reason });
  }

  /**
   * Warns about every invoice whose stated total differs from the sum of its lines, to the cent,
   * pointing at the row the total was read from ({@link DraftBuilder.statedAt}).
   */
  checkStatedTotals(): void {
    const sums = new Map<string, Cents[]>();
    for (const line of this.lines) {
      const list = sums.get(line.invoiceKey);
      if (list === undefined) sums.set(line.invoiceKey, [line.amount]);
      else list.push(line.amount);
    }
    for (const invoice of this.invoices.values()) {
      if (invoice.statedTotal === null) continue;
      const linesTotal = sumCents(sums.get(invoice.key) ?? []);
      if (linesTotal === invoice.statedTotal) continue;
      const { sourceFile, row } = this.statedAt.get(invoice.key) ?? {
        sourceFile: invoice.sourceFile,
        row: 0,
      };
      this.warnings.push({
        sourceFile,
        row,
        message: `Invoice ${invoice.invoiceNumber}: the bill states a total of ${formatCents(invoice.statedTotal)} but its lines add up to ${formatCents(linesTotal)} (a difference of ${formatCents(subtractCents(invoice.statedTotal, linesTotal))}).`,
      });
    }
  }

  finish(profileId: string, layoutName: string, dateOrder: DateOrder): BillDraft {
    const draft: BillDraft = {
      profileId,
      layoutName,
      dateOrder,
      invoices: [...this.invoices.values()],
      lines: this.lines,
      usage: this.usage,
      skipped: this.skipped,
      errors: this.errors,
      rowsRead: this.rowsRead,
    };
    if (this.warnings.length > 0) draft.warnings = this.warnings;
    if (this.ignoredFiles.length > 0) draft.ignoredFiles = this.ignoredFiles;
    if (this.copies.length > 0) draft.copies = this.copies;
    return draft;
  }
}
