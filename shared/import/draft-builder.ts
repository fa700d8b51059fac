/**
 * Collects what a profile reads into a {@link BillDraft}: invoices by key (first row wins, later
 * rows fill gaps), charge lines, usage, skipped rows and errors.
 */
import type { DateOrder } from '../dates';
import { serviceMatchKey } from '../ids/identifiers';
import type { ChargeCategory } from '../model';
import { MAX_LINES_TOTAL_CENTS } from '../billing/aggregates';
import type { Cents } from '../money/cents';
import { cents, formatCents, subtractCents } from '../money/cents';
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
import { SubCents } from './sub-cents';
import { addUnlistedRows, mixedDecimalsReason } from './draft-problems';

const NO_MORE: DraftLineMore = { quantity: null };

/** Ten-digit identifiers keyed through the map before its hit rate decides (see `tenDigitKey`). */
const TEN_DIGIT_TRIAL = 4096;

/** Whether `text` is exactly ten ASCII digits (`/^\d{10}$/` without a regular expression). */
function isTenDigits(text: string): boolean {
  if (text.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

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
  private readonly serviceKeys = new Map<string, string | null>();
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
    if (serviceIdRaw === '') return null;
    // Consecutive lines of one service share its key (one string kept, not one per line).
    if (serviceIdRaw === this.lastServiceRaw) return this.lastServiceKey;
    const key = this.serviceKeyOf(serviceIdRaw);
    this.lastServiceRaw = serviceIdRaw;
    this.lastServiceKey = key;
    return key;
  }

  /** The last service identifier keyed, and its key. */
  private lastServiceRaw = '';
  private lastServiceKey: string | null = null;

  /** Ten-digit identifiers looked up in {@link DraftBuilder.serviceKeys}, and those found there. */
  private tenDigitLookups = 0;
  private tenDigitHits = 0;

  private serviceKeyOf(serviceIdRaw: string): string | null {
    // A bare ten-digit number is the common case and always a North American number.
    if (isTenDigits(serviceIdRaw)) return this.tenDigitKey(serviceIdRaw);
    let key = this.serviceKeys.get(serviceIdRaw);
    if (key === undefined) {
      key = serviceMatchKey(serviceIdRaw);
      // Kept for the service's next rows too: one key string per service, not one per line.
      this.serviceKeys.set(serviceIdRaw, key);
    }
    return key;
  }

  /**
   * The key of a ten-digit identifier: kept like the others while most are met again (one key
   * string per service), made afresh once most turn out to be new (a bill of 100,000 services,
   * one line each): a map of every distinct service was most of the cost of keying such a bill.
   */
  private tenDigitKey(serviceIdRaw: string): string {
    const lookups = this.tenDigitLookups;
    if (lookups >= TEN_DIGIT_TRIAL && this.tenDigitHits * 2 < lookups) return `+1${serviceIdRaw}`;
    this.tenDigitLookups = lookups + 1;
    const kept = this.serviceKeys.get(serviceIdRaw);
    if (kept !== undefined && kept !== null) {
      this.tenDigitHits += 1;
      return kept;
    }
    const key = `+1${serviceIdRaw}`;
    this.serviceKeys.set(serviceIdRaw, key);
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
    this.warnings.push(...this.subCents.apportion(this.lines));
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
      const kept = this.usage.filter(
        (usage) => !verdicts.dropUsage.has(`${usage.invoiceKey}\u0000${usage.sourceFile}`),
      );
      this.usage.splice(0, this.usage.length, ...kept);
    }
    this.copies.push(...verdicts.copies);
    this.skipped.push(...verdicts.skipped);
    for (const error of verdicts.errors) this.rowError(error);
    this.warnings.push(...verdicts.warnings);
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
    const sums = this.invoiceSums();
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
          message: `Invoice ${invoice.invoiceNumber} (account ${invoice.accountNumber}): only its stated total (${formatCents(invoice.statedTotal)}) was read; its charges are in the ${companion} file of the same download. Import that file too, now or later: it completes this invoice.`,
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
        message: `Invoice ${invoice.invoiceNumber}: the bill states a total of ${formatCents(invoice.statedTotal)} but its lines add up to ${formatCents(linesTotal)} (a difference of ${formatCents(subtractCents(invoice.statedTotal, linesTotal))}).`,
      });
    }
  }

  /** Each invoice's lines total, checked: null when it leaves ±{@link MAX_LINES_TOTAL_CENTS}. */
  private invoiceSums(): Map<string, number | null> {
    // One running sum per invoice, in line order, checked at every step as `checkedLinesTotal`
    // does; an invoice's lines come together, so its sum is kept aside until the key changes.
    const sums = new Map<string, number | null>();
    let key: string | null = null;
    let sum: number | null = 0;
    const { lines } = this;
    for (let at = 0; at < lines.count; at++) {
      const lineKey = lines.invoiceKeyAt(at);
      if (lineKey !== key) {
        if (key !== null) sums.set(key, sum);
        key = lineKey;
        sum = sums.has(key) ? (sums.get(key) ?? null) : 0;
        // Set now, so the map keeps the order in which invoices first appear.
        sums.set(key, sum);
      }
      if (sum === null) continue;
      sum += lines.amountAt(at);
      if (!(Math.abs(sum) <= MAX_LINES_TOTAL_CENTS)) sum = null;
    }
    if (key !== null) sums.set(key, sum);
    return sums;
  }

  /** Why the draft cannot be imported as read, or null (see {@link BillDraft.refusal}). */
  private refusal(): string | null {
    for (const [fileName, evidence] of this.decimalEvidence) {
      const mixed = mixedDecimalsReason(fileName, evidence);
      if (mixed !== null) return mixed;
    }
    for (const [key, sum] of this.invoiceSums()) {
      if (sum !== null) continue;
      const invoice = this.invoices.get(key);
      return `The charges of invoice ${invoice?.invoiceNumber ?? key} (account ${invoice?.accountNumber ?? '?'}) in "${invoice?.sourceFile ?? ''}" add up to more than ${formatCents(cents(MAX_LINES_TOTAL_CENTS))}, beyond any real bill: amounts are misread (a wrong column or decimal separator) or the file is damaged. Nothing from it was imported.`;
    }
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
