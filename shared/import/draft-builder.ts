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
  DraftChargeLine,
  DraftInvoice,
  DraftUsage,
  RowError,
  SkippedRow,
} from './draft';
import { invoiceKey } from './draft';

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

  /** The invoice with this carrier/account/number, added when new; gaps filled from `invoice`. */
  invoice(invoice: Omit<DraftInvoice, 'key'>): DraftInvoice {
    const key = invoiceKey(invoice.carrierName, invoice.accountNumber, invoice.invoiceNumber);
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

  /** Invoices already reported as read from a second file (`key` + file), so it is said once. */
  private readonly repeatedInFile = new Set<string>();

  /**
   * For layouts where one file holds a whole invoice (every layout but Verizon's pair of files):
   * the invoice for this row, or null when the same invoice was already read from another file.
   * A re-sent bill must never be counted twice: the first row says why, the rest are skipped.
   */
  invoiceOfFile(invoice: Omit<DraftInvoice, 'key'>, row: number): DraftInvoice | null {
    const key = invoiceKey(invoice.carrierName, invoice.accountNumber, invoice.invoiceNumber);
    const existing = this.invoices.get(key);
    if (existing === undefined || existing.sourceFile === invoice.sourceFile)
      return this.invoice(invoice);
    const reportKey = `${key}\u0000${invoice.sourceFile}`;
    if (this.repeatedInFile.has(reportKey)) {
      this.skip(
        invoice.sourceFile,
        row,
        `Invoice ${invoice.invoiceNumber} is already read from ${existing.sourceFile}.`,
      );
    } else {
      this.repeatedInFile.add(reportKey);
      this.errors.push({
        sourceFile: invoice.sourceFile,
        row,
        column: 'Invoice Number',
        value: invoice.invoiceNumber,
        message: `Invoice ${invoice.invoiceNumber} (account ${invoice.accountNumber}) is also in ${existing.sourceFile}; an invoice is imported from one file only, so this file's rows for it are not imported. Import this file on its own to replace the stored invoice on purpose.`,
      });
    }
    return null;
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
    return draft;
  }
}
