/**
 * Joining a carrier's account summary (amounts per charge kind, adding up to the stated total)
 * with its per-line detail (the same kinds, line by line). The detail lines are imported as they
 * are; for each kind, what the summary states beyond the lines' sum becomes one account-level
 * line. Every amount is counted once and the invoice adds up to the summary's total, whichever
 * file arrived: summary alone (its kinds become the lines), detail alone (its lines, no total), or both.
 */
import type { ChargeCategory } from '../model';
import type { Cents } from '../money/cents';
import { cents } from '../money/cents';
import type { DraftInvoice } from './draft';
import type { DraftBuilder } from './draft-builder';

/** One kind of charge of an account summary, e.g. "Monthly Chg" or "GST" (one per bucket). */
export interface SummaryAmount {
  /** What the detail lines of this kind are tallied under. */
  bucket: string;
  /** As printed on the summary. */
  description: string;
  category: ChargeCategory;
  amount: Cents;
  /** The summary's own row for this amount, when it has one (else the summary's row). */
  sourceRow?: number;
}

/** Sums of detail lines per invoice key and bucket. */
export class BucketTally {
  private readonly sums = new Map<string, Map<string, number>>();

  add(invoiceKey: string, bucket: string, amount: Cents): void {
    let buckets = this.sums.get(invoiceKey);
    if (buckets === undefined) {
      buckets = new Map();
      this.sums.set(invoiceKey, buckets);
    }
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + amount);
  }

  /** Whether any detail line of the invoice was tallied. */
  has(invoiceKey: string): boolean {
    return this.sums.has(invoiceKey);
  }

  sum(invoiceKey: string, bucket: string): number {
    return this.sums.get(invoiceKey)?.get(bucket) ?? 0;
  }
}

/**
 * Adds the account-level lines of an invoice: per summary amount, the part the detail lines of its
 * bucket do not already hold (all of it when the invoice has no detail). Zero parts add nothing.
 */
export function addAccountRemainders(
  draft: DraftBuilder,
  invoice: DraftInvoice,
  summary: readonly SummaryAmount[],
  tally: BucketTally,
  source: { sourceFile: string; sourceRow: number },
): void {
  const withDetail = tally.has(invoice.key);
  for (const item of summary) {
    const rest = item.amount - tally.sum(invoice.key, item.bucket);
    if (rest === 0) continue;
    const credit = rest < 0 && (item.category === 'adjustment' || item.category === 'one-time');
    const description = withDetail
      ? `${item.description} — account level, not on any line`
      : item.description;
    const from = { sourceFile: source.sourceFile, sourceRow: item.sourceRow ?? source.sourceRow };
    draft.line(invoice, from, '', description, credit ? 'credit' : item.category, cents(rest));
  }
}
