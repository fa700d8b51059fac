import type { ChargeCategory, ChargeLine } from '../model';
import { cents, type Cents } from '../money/cents';

/**
 * Largest sum of an invoice's lines, either sign: $10,000,000,000.00. Amounts read from bills are
 * bounded ($1,000,000,000.00 each, `MAX_AMOUNT_CENTS` in `shared/import/limits.ts`), but a
 * crafted file can repeat one many times; a sum past this bound is refused at import, so every
 * stored total, and any sum of thousands of them, stays an exact integer.
 */
export const MAX_LINES_TOTAL_CENTS = 1_000_000_000_000;

/** What an invoice keeps about its lines so screens never need to load them. */
export interface LineAggregates {
  /** Sum of every line, in cents. */
  linesTotal: Cents;
  lineCount: number;
  /** Sum per category, in cents; categories with no line are absent. */
  categoryTotals: Partial<Record<ChargeCategory, Cents>>;
  /** The billing accounts the lines name (see `Invoice.lineAccounts`); absent when none does. */
  lineAccounts?: string[];
}

/** The distinct, non-blank `accounts`, in first-seen order; undefined when there is none. */
export function lineAccountsOf(
  accounts: Iterable<string | null | undefined>,
): string[] | undefined {
  const seen = new Set<string>();
  for (const account of accounts) if (account) seen.add(account);
  return seen.size === 0 ? undefined : [...seen];
}

/**
 * The exact sum of amounts in cents, or null when it (or a partial sum) leaves
 * ±{@link MAX_LINES_TOTAL_CENTS}: checked at every step, so no sum is ever rounded.
 */
export function checkedLinesTotal(amounts: Iterable<number>): number | null {
  let total = 0;
  for (const amount of amounts) {
    total += amount;
    if (!(Math.abs(total) <= MAX_LINES_TOTAL_CENTS)) return null;
  }
  return total;
}

/**
 * The aggregates of an invoice's lines. The importer refuses invoices whose lines add up past
 * {@link MAX_LINES_TOTAL_CENTS} (see {@link checkedLinesTotal}), so reaching it here is a
 * programmer error: lines that did not come through the importer.
 */
export function aggregateLines(
  lines: readonly Pick<ChargeLine, 'amount' | 'category' | 'accountNumber'>[],
): LineAggregates {
  const linesTotal = checkedLinesTotal(lines.map((line) => line.amount));
  if (linesTotal === null) {
    throw new RangeError(
      `aggregateLines(): the lines add up past ±${MAX_LINES_TOTAL_CENTS} cents; the importer should have refused them.`,
    );
  }
  const byCategory = new Map<ChargeCategory, number>();
  for (const line of lines) {
    byCategory.set(line.category, (byCategory.get(line.category) ?? 0) + line.amount);
  }
  const categoryTotals: Partial<Record<ChargeCategory, Cents>> = {};
  for (const [category, total] of byCategory) categoryTotals[category] = cents(total);
  const aggregates: LineAggregates = {
    linesTotal: cents(linesTotal),
    lineCount: lines.length,
    categoryTotals,
  };
  const lineAccounts = lineAccountsOf(lines.map((line) => line.accountNumber));
  if (lineAccounts !== undefined) aggregates.lineAccounts = lineAccounts;
  return aggregates;
}
