import type { Invoice } from '../model';
import { cents, type Cents } from '../money/cents';

export interface MonthSpend {
  /** Calendar month of the invoice date, `YYYY-MM`. */
  month: string;
  total: Cents;
  invoiceCount: number;
}

/** What the dashboard shows before any chart: computed from invoice aggregates, never from lines. */
export interface SpendSummary {
  total: Cents;
  invoiceCount: number;
  lineCount: number;
  carrierCount: number;
  accountCount: number;
  /** Months in ascending order. */
  byMonth: MonthSpend[];
}

/** Spend is what the carriers billed: the sum of each invoice's lines (its stated total may differ; the audit says so). */
export function spendSummary(invoices: readonly Invoice[]): SpendSummary {
  const months = new Map<string, { total: number; invoiceCount: number }>();
  const carriers = new Set<string>();
  const accounts = new Set<string>();
  let total = 0;
  let lineCount = 0;
  for (const invoice of invoices) {
    total += invoice.linesTotal;
    lineCount += invoice.lineCount;
    carriers.add(invoice.carrierId);
    accounts.add(`${invoice.carrierId}\u0000${invoice.accountNumber}`);
    const month = invoice.invoiceDate.slice(0, 7);
    const entry = months.get(month) ?? { total: 0, invoiceCount: 0 };
    entry.total += invoice.linesTotal;
    entry.invoiceCount += 1;
    months.set(month, entry);
  }
  const byMonth = [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([month, entry]) => ({
      month,
      total: cents(entry.total),
      invoiceCount: entry.invoiceCount,
    }));
  return {
    total: cents(total),
    invoiceCount: invoices.length,
    lineCount,
    carrierCount: carriers.size,
    accountCount: accounts.size,
    byMonth,
  };
}
