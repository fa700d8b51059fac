/**
 * How T-Mobile's two views of one bill meet while a pick is read (see `tmobile.ts`): which
 * invoices the detail bills, the invoice number a summary naming none goes by, and the summary's
 * rows of a detailed invoice, kept to check the detail's lines against, never added to them.
 */
import type { IsoDate } from '../../dates';
import { accountNumberKey } from '../../ids/keys';
import type { Cents } from '../../money/cents';
import { cents, formatCents, subtractCents } from '../../money/cents';
import { compactDate } from '../charge-rows';
import type { DraftInvoice } from '../draft';
import type { DraftBuilder } from '../draft-builder';
import { sameCarrier, type StoredInvoiceRef } from '../stored-usage';

export const TMOBILE_CARRIER = 'T-Mobile for Business';

/** The part a summary is of an invoice its detail bills (the detail is the whole `bill`). */
export const SUMMARY_PART = 'summary';

/** Lines named in a note of a summary that disagrees with its detail; the rest are counted. */
const NAMED_DIFFERENCES = 3;

/** The key of an account's bill date. */
function dayOf(invoice: Pick<DraftInvoice, 'accountNumber' | 'invoiceDate'>): string {
  return `${accountNumberKey(invoice.accountNumber)}\u0000${invoice.invoiceDate}`;
}

function noteNumber(
  numbers: Map<string, Set<string>>,
  invoice: Pick<DraftInvoice, 'accountNumber' | 'invoiceDate' | 'invoiceNumber'>,
): void {
  const at = dayOf(invoice);
  const known = numbers.get(at) ?? new Set<string>();
  known.add(invoice.invoiceNumber);
  numbers.set(at, known);
}

/**
 * The number a summary naming none (and given none) goes by when no detail of its bill is known:
 * `<account>-<yyyymmdd>` (see `tmobile-summary.ts`).
 */
export function madeUpNumber(invoice: Pick<DraftInvoice, 'accountNumber' | 'invoiceDate'>): string {
  return `${invoice.accountNumber}-${compactDate(invoice.invoiceDate)}`;
}

/** Whether a number is the one {@link madeUpNumber} gives this account's bill date. */
function isMadeUpFor(
  number: string,
  invoice: Pick<DraftInvoice, 'accountNumber' | 'invoiceDate'>,
): boolean {
  const day = `-${compactDate(invoice.invoiceDate)}`;
  return (
    number.endsWith(day) &&
    accountNumberKey(number.slice(0, -day.length)) === accountNumberKey(invoice.accountNumber)
  );
}

/** What a summary says of an invoice the detail bills: its files and each line's total. */
interface SummaryCheck {
  invoice: DraftInvoice;
  files: string[];
  /** Summary total per service key ('' for a row of no line). */
  byService: Map<string, { label: string; amount: number }>;
}

/**
 * The join of the two views while a pick is read: which invoices the detail bills, the invoice
 * number a summary that names none goes by, and the summary rows kept for the cross-check.
 */
export class TmobileViews {
  /** Keys of the invoices read from a detail file. */
  private readonly fromDetail = new Set<string>();
  /** Invoice numbers by account key and bill date, of the detail's invoices (this pick). */
  private readonly picked = new Map<string, Set<string>>();
  /** Invoice numbers by account key and bill date, of the stored invoices. */
  private readonly stored = new Map<string, Set<string>>();
  private readonly summaries = new Map<string, SummaryCheck>();

  constructor(
    private readonly draft: DraftBuilder,
    stored: readonly StoredInvoiceRef[] | undefined,
  ) {
    for (const ref of stored ?? []) {
      if (sameCarrier(ref.carrierName, TMOBILE_CARRIER)) noteNumber(this.stored, ref);
    }
  }

  /**
   * Marks the draft's invoices so far as read from the detail. One whose bill is stored under the
   * number made up for a summary that named none (same account and bill date) is to complete it.
   */
  detailRead(): void {
    for (const invoice of this.draft.invoices.values()) {
      this.fromDetail.add(invoice.key);
      noteNumber(this.picked, invoice);
      const storedAs = [...(this.stored.get(dayOf(invoice)) ?? [])].find(
        (number) => number !== invoice.invoiceNumber && isMadeUpFor(number, invoice),
      );
      if (storedAs !== undefined) invoice.storedAs = storedAs;
    }
  }

  /**
   * The number of the one invoice of this account and bill date the detail (of this pick, else
   * stored) has, for a summary that names none; null when none or several.
   */
  invoiceNumberOf(accountNumber: string, invoiceDate: IsoDate): string | null {
    const at = dayOf({ accountNumber, invoiceDate });
    const numbers = this.picked.get(at) ?? this.stored.get(at);
    if (numbers === undefined || numbers.size !== 1) return null;
    return [...numbers][0] ?? null;
  }

  /**
   * When the detail bills this invoice: the summary row is kept as its cross-check (the summary
   * file joins the invoice as its `summary` part, the row is listed as not imported as charges)
   * and true comes back; false when the summary is to be read for charges.
   */
  takenAsCrossCheck(
    key: string,
    source: { sourceFile: string; sourceRow: number },
    service: { key: string | null; label: string },
    total: Cents,
  ): boolean {
    const invoice = this.draft.invoices.get(key);
    if (invoice === undefined || !this.fromDetail.has(key)) return false;
    const parts = (invoice.parts ??= []);
    if (!parts.some((part) => part.sourceFile === source.sourceFile)) {
      parts.push({ kind: SUMMARY_PART, sourceFile: source.sourceFile });
    }
    let check = this.summaries.get(key);
    if (check === undefined) {
      check = { invoice, files: [], byService: new Map() };
      this.summaries.set(key, check);
    }
    if (!check.files.includes(source.sourceFile)) check.files.push(source.sourceFile);
    const at = service.key ?? '';
    const sum = check.byService.get(at) ?? { label: service.label, amount: 0 };
    sum.amount += total;
    check.byService.set(at, sum);
    this.draft.skip(
      source.sourceFile,
      source.sourceRow,
      `Not imported as charges: invoice ${invoice.invoiceNumber} (account ${invoice.accountNumber}) is read item by item from its detail, ${invoice.sourceFile}; this summary row is checked against it.`,
    );
    return true;
  }

  /** Notes each invoice whose summary does not add up to its detail's lines, line by line. */
  compare(): void {
    for (const check of this.summaries.values()) {
      const detail = new Map<string, { label: string; amount: number }>();
      for (const { line } of this.draft.linesOf(check.invoice.key)) {
        const at = line.serviceKey ?? '';
        const sum = detail.get(at) ?? { label: line.serviceIdRaw, amount: 0 };
        sum.amount += line.amount;
        detail.set(at, sum);
      }
      const differing: string[] = [];
      let summaryTotal = 0;
      let detailTotal = 0;
      for (const at of new Set([...check.byService.keys(), ...detail.keys()])) {
        const inSummary = check.byService.get(at);
        const inDetail = detail.get(at);
        summaryTotal += inSummary?.amount ?? 0;
        detailTotal += inDetail?.amount ?? 0;
        if ((inSummary?.amount ?? 0) === (inDetail?.amount ?? 0)) continue;
        const label = inSummary?.label || inDetail?.label || 'account-level charges';
        differing.push(
          `${label} is ${formatCents(cents(inSummary?.amount ?? 0))} in the summary and ${formatCents(cents(inDetail?.amount ?? 0))} in the detail`,
        );
      }
      if (differing.length === 0) continue;
      const named = differing.slice(0, NAMED_DIFFERENCES).join('; ');
      const more = differing.length - NAMED_DIFFERENCES;
      const { invoice } = check;
      this.draft.warnings.push({
        sourceFile: check.files[0] ?? invoice.sourceFile,
        row: 0,
        message: `Invoice ${invoice.invoiceNumber} (account ${invoice.accountNumber}): its summary (${check.files.join(', ')}) adds up to ${formatCents(cents(summaryTotal))} but its detail's lines to ${formatCents(cents(detailTotal))} (a difference of ${formatCents(subtractCents(cents(summaryTotal), cents(detailTotal)))}): ${named}${more > 0 ? `; and ${more} more line${more === 1 ? '' : 's'}` : ''}. The detail's lines are imported, never both; check the bill.`,
      });
    }
  }
}
