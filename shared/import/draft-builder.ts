/**
 * Collects what a profile reads into a {@link BillDraft}: invoices by key (first row wins, later
 * rows fill gaps), charge lines, usage, skipped rows and errors.
 */
import type { DateOrder } from '../dates';
import type { ChargeCategory } from '../model';
import type { Cents } from '../money/cents';
import { cents, formatCents } from '../money/cents';
import type { DecimalEvidence, RowErrorLog } from './cells';
import type {
  BillDraft,
  DraftCopy,
  DraftChargeLine,
  DraftInvoice,
  DraftUsage,
  RowError,
  SkippedRow,
} from './draft';
import { invoiceKey, missingCompanionOf, WHOLE_BILL } from './draft';
import { LISTED_ROW_ERRORS } from './limits';
import { DraftLinesBuilder, type DraftLineMore } from './packed-lines';
import { draftWithPackedLines } from './packed-drafts';
import { PartContenders } from './draft-parts';
import { ServiceKeys } from './service-keys';
import { SubCents } from './sub-cents';
import {
  addUnlistedRows,
  companionMissingWarning,
  invoiceLineSums,
  linesPastBoundReason,
  mixedDecimalsReason,
  statedTotalWarning,
} from './draft-problems';
import { keepOnly, pushAll } from '../arrays';

const NO_MORE: DraftLineMore = { quantity: null };

/** Mutable state of one draft being read. */
export class DraftBuilder implements RowErrorLog {
  readonly invoices = new Map<string, DraftInvoice>();
  /** The charge lines, kept as columns (see {@link DraftLinesBuilder}). */
  private lines = new DraftLinesBuilder();
  readonly usage: DraftUsage[] = [];
  readonly skipped: SkippedRow[] = [];
  readonly errors: RowError[] = [];
  /** Rows with errors past the listed ones (see `CellReader`). */
  unlistedRows = 0;
  readonly decimalEvidence = new Map<string, DecimalEvidence>();
  readonly warnings: RowError[] = [];
  readonly ignoredFiles: { sourceFile: string; reason: string }[] = [];
  rowsRead = 0;
  /** Where each invoice's stated total was read, for pointing at it when it does not reconcile. */
  readonly statedAt = new Map<string, { sourceFile: string; row: number }>();
  /** Service keys by raw text: the same line appears on many rows, and key parsing is not free. */
  private readonly serviceKeys = new ServiceKeys();
  /** Lines whose amount had fractions of a cent, rounded together when the draft is done. */
  private readonly subCents = new SubCents();

  /** Invoice keys by the raw carrier, account and number: every row of an invoice repeats them. */
  private readonly invoiceKeys = new Map<string, string>();

  /** The last invoice's raw fields and key: a file's rows come invoice by invoice. */
  private last: { carrier: string; account: string; number: string; key: string } | null = null;

  private keyOf(invoice: Omit<DraftInvoice, 'key'>): string {
    const last = this.last;
    if (
      last !== null &&
      last.number === invoice.invoiceNumber &&
      last.account === invoice.accountNumber &&
      last.carrier === invoice.carrierName
    ) {
      return last.key;
    }
    const raw = `${invoice.carrierName}\u0000${invoice.accountNumber}\u0000${invoice.invoiceNumber}`;
    let key = this.invoiceKeys.get(raw);
    if (key === undefined) {
      key = invoiceKey(invoice.carrierName, invoice.accountNumber, invoice.invoiceNumber);
      this.invoiceKeys.set(raw, key);
    }
    this.last = {
      carrier: invoice.carrierName,
      account: invoice.accountNumber,
      number: invoice.invoiceNumber,
      key,
    };
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
    if (invoice.remitTo !== undefined) existing.remitTo ??= invoice.remitTo;
    if (invoice.balance !== undefined) existing.balance ??= invoice.balance;
    existing.periodStart ??= invoice.periodStart;
    existing.periodEnd ??= invoice.periodEnd;
    if (existing.statedTotal === null) existing.statedTotal = invoice.statedTotal;
    return existing;
  }

  /** Copies met (a second file of one kind for one invoice, the same lines), once per invoice and file. */
  readonly copies: DraftCopy[] = [];
  private readonly copyReported = new Set<string>();
  /** Second whole-bill files of an invoice, judged copy or part when the draft is done. */
  private readonly contenders = new PartContenders();
  /** The stated total of each invoice part's first file (by invoice key and kind). */
  private readonly partTotals = new Map<string, Cents | null>();

  /**
   * The invoice for a row of a file of the given kind (a part of the invoice). Parts of different
   * kinds (Verizon's line and account summaries) join into one invoice. When another file gave
   * this part already: when `judgedByLines`, its rows are read and the file judged when the
   * draft is done — a copy (recorded in {@link DraftBuilder.copies}, its lines dropped) or
   * another part (an export by department, joined), see `draft-parts.ts`; otherwise a copy,
   * recorded, its rows skipped (null). Null when it states another total.
   */
  invoicePart(
    invoice: Omit<DraftInvoice, 'key'>,
    kind: string,
    row: number,
    judgedByLines = false,
  ): DraftInvoice | null {
    const key = this.keyOf(invoice);
    const existing = this.invoices.get(key);
    const partKey = `${key}\u0000${kind}`;
    if (existing === undefined) {
      this.partTotals.set(partKey, invoice.statedTotal);
      return this.invoice({ ...invoice, parts: [{ kind, sourceFile: invoice.sourceFile }] });
    }
    const parts = (existing.parts ??= []);
    const same = parts.find((part) => part.kind === kind);
    if (same === undefined) {
      this.partTotals.set(partKey, invoice.statedTotal);
      parts.push({ kind, sourceFile: invoice.sourceFile });
      return this.invoice(invoice);
    }
    if (same.sourceFile === invoice.sourceFile) return this.invoice(invoice);
    // Another file of the same kind for this invoice: a copy, unless it states another total (a
    // corrected or reissued bill), which is not this one's to choose.
    const first = this.partTotals.get(partKey) ?? null;
    if (first !== null && invoice.statedTotal !== null && first !== invoice.statedTotal) {
      this.rowError({
        sourceFile: invoice.sourceFile,
        row,
        message: `Invoice ${existing.invoiceNumber} (account ${existing.accountNumber}) is also in ${same.sourceFile}, with another total: ${formatCents(first)} there, ${formatCents(invoice.statedTotal)} here. A corrected or reissued bill? Neither is taken over the other: this file's rows of the invoice are not imported; import the right version on its own.`,
      });
      return null;
    }
    if (judgedByLines) {
      // A copy of that file, or another part of the invoice (an export by department): told by
      // its lines when the draft is done (see `draft-parts.ts`).
      this.contenders.add(existing, kind, same.sourceFile, invoice.sourceFile, row);
      return this.invoice(invoice);
    }
    // A file read with what other files or rows say (Verizon's late fees, Bell's remainders,
    // EDI's usage kept across files): a second one is a copy, its rows skipped as they come.
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

  /**
   * Like {@link DraftBuilder.invoiceOfFile}, for layouts of one row per charge or line whose
   * reader keeps nothing across files (AT&T Premier, T-Mobile, TEM Desk charge lines): a file may
   * hold part of an invoice (exported per department or page), so a second file of an invoice is
   * read and judged by its lines when the draft is done (see `draft-parts.ts`).
   */
  invoiceOfFilePart(invoice: Omit<DraftInvoice, 'key'>, row: number): DraftInvoice | null {
    return this.invoicePart(invoice, WHOLE_BILL, row, true);
  }

  /** The match key of a service identifier ('' → null), cached. */
  serviceKey(serviceIdRaw: string): string | null {
    return this.serviceKeys.of(serviceIdRaw);
  }

  /** Adds a charge line; zero amounts are the caller's choice to skip. */
  line(
    invoice: DraftInvoice,
    source: { sourceFile: string; sourceRow: number },
    serviceIdRaw: string,
    description: string,
    category: ChargeCategory,
    amount: Cents,
    more: DraftLineMore = NO_MORE,
  ): void {
    this.lines.add(
      invoice.key,
      serviceIdRaw,
      this.serviceKey(serviceIdRaw),
      description,
      category,
      amount,
      source.sourceFile,
      source.sourceRow,
      more,
    );
    if (this.contenders.size > 0)
      this.contenders.noteLine(invoice.key, source.sourceFile, this.lines.count - 1);
  }

  /**
   * Notes that the line just added had an amount with fractions of a cent (`text`), of which
   * rounding to the cent took `residue` millionths of a cent (see {@link SubCents}).
   */
  noteSubCent(residue: number, sourceFile: string, row: number, text: string): void {
    if (this.lines.count > 0)
      this.subCents.note(this.lines.count - 1, residue, sourceFile, row, text);
  }

  /**
   * Settles the lines once every row is read: judges the second files of an invoice part (copies
   * dropped, parts joined), then rounds the lines with fractions of a cent to their invoices'
   * exact sums.
   */
  private apportionSubCents(): void {
    this.judgeContenders();
    pushAll(this.warnings, this.subCents.apportion(this.lines));
  }

  /**
   * Judges now the second files of an invoice part read so far (copies dropped, parts joined),
   * for a reader that works on an invoice's lines before the draft is done (Verizon's late fees
   * are carved out of the lines, which must not count a copy's).
   */
  settleParts(): void {
    this.judgeContenders();
  }

  private judgeContenders(): void {
    const verdicts = this.contenders.judge(this.lines);
    if (verdicts.dropLines.length > 0) this.dropLines(verdicts.dropLines);
    if (verdicts.dropUsage.size > 0) {
      keepOnly(
        this.usage,
        (usage) => !verdicts.dropUsage.has(`${usage.invoiceKey}\u0000${usage.sourceFile}`),
      );
    }
    pushAll(this.copies, verdicts.copies);
    pushAll(this.skipped, verdicts.skipped);
    for (const error of verdicts.errors) this.rowError(error);
    pushAll(this.warnings, verdicts.warnings);
  }

  /** Drops the lines at `places` (ascending), keeping the others in order. */
  private dropLines(places: readonly number[]): void {
    const old = this.lines;
    const kept = new DraftLinesBuilder(old.count - places.length);
    const moved = new Int32Array(old.count).fill(-1);
    let next = 0;
    for (let at = 0; at < old.count; at++) {
      if (places[next] === at) {
        next += 1;
        continue;
      }
      moved[at] = kept.count;
      kept.addLine(old.lineAt(at));
    }
    this.subCents.move(moved);
    this.lines = kept;
  }

  /** The lines of one invoice, in order, each with its place (for {@link DraftBuilder.changeLine}). */
  linesOf(invoiceKey: string): { at: number; line: DraftChargeLine }[] {
    const found: { at: number; line: DraftChargeLine }[] = [];
    for (let at = 0; at < this.lines.count; at++) {
      if (this.lines.invoiceKeyAt(at) === invoiceKey)
        found.push({ at, line: this.lines.lineAt(at) });
    }
    return found;
  }

  /** Changes the amount, category and description of the line at `at`. */
  changeLine(
    at: number,
    to: { amount: Cents; category: ChargeCategory; description: string },
  ): void {
    this.lines.change(at, to);
  }

  /** A row not read, listed while fewer than {@link LISTED_ROW_ERRORS} are, else counted. */
  rowError(error: RowError): void {
    if (this.errors.length < LISTED_ROW_ERRORS) this.errors.push(error);
    else this.unlistedRows += 1;
  }

  skip(sourceFile: string, row: number, reason: string): void {
    this.skipped.push({ sourceFile, row, reason });
  }

  /**
   * Warns about every invoice whose stated total differs from the sum of its lines, to the cent,
   * pointing at the row the total was read from ({@link DraftBuilder.statedAt}).
   */
  checkStatedTotals(): void {
    this.apportionSubCents();
    const sums = invoiceLineSums(this.lines);
    for (const invoice of this.invoices.values()) {
      if (invoice.statedTotal === null) continue;
      const companion = missingCompanionOf(invoice);
      if (companion !== null) {
        const { sourceFile, row } = this.statedAt.get(invoice.key) ?? {
          sourceFile: invoice.sourceFile,
          row: 0,
        };
        this.warnings.push({
          sourceFile,
          row,
          message: companionMissingWarning(invoice, invoice.statedTotal, companion),
        });
        continue;
      }
      const sum = sums.get(invoice.key) ?? 0;
      // A sum past the bound is refused in `finish`, not compared.
      if (sum === null) continue;
      const linesTotal = cents(sum);
      if (linesTotal === invoice.statedTotal) continue;
      const { sourceFile, row } = this.statedAt.get(invoice.key) ?? {
        sourceFile: invoice.sourceFile,
        row: 0,
      };
      this.warnings.push({
        sourceFile,
        row,
        message: statedTotalWarning(invoice, invoice.statedTotal, linesTotal),
      });
    }
  }

  /** Why the draft cannot be imported as read, or null (see {@link BillDraft.refusal}). */
  private refusal(): string | null {
    for (const [fileName, evidence] of this.decimalEvidence) {
      const mixed = mixedDecimalsReason(fileName, evidence);
      if (mixed !== null) return mixed;
    }
    for (const [key, sum] of invoiceLineSums(this.lines))
      if (sum === null) return linesPastBoundReason(key, this.invoices.get(key));
    return null;
  }

  finish(profileId: string, layoutName: string, dateOrder: DateOrder): BillDraft {
    this.apportionSubCents();
    // The lines stay columns: a reader of `draft.lines` rebuilds them (see `draftWithPackedLines`).
    const draft = draftWithPackedLines(
      {
        profileId,
        layoutName,
        dateOrder,
        invoices: [...this.invoices.values()],
        usage: this.usage,
        skipped: this.skipped,
        errors: this.errors,
        rowsRead: this.rowsRead,
      },
      this.lines.finish(),
    );
    if (this.warnings.length > 0) draft.warnings = this.warnings;
    if (this.ignoredFiles.length > 0) draft.ignoredFiles = this.ignoredFiles;
    if (this.copies.length > 0) draft.copies = this.copies;
    if (this.unlistedRows > 0) addUnlistedRows(draft, this.unlistedRows);
    const refusal = this.refusal();
    if (refusal !== null) draft.refusal = refusal;
    return draft;
  }
}
