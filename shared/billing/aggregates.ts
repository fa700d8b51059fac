import type { ChargeCategory, ChargeLine } from '../model';
import { cents, type Cents } from '../money/cents';

/** What an invoice keeps about its lines so screens never need to load them. */
export interface LineAggregates {
  /** Sum of every line, in cents. */
  linesTotal: Cents;
  lineCount: number;
  /** Sum per category, in cents; categories with no line are absent. */
  categoryTotals: Partial<Record<ChargeCategory, Cents>>;
}

export function aggregateLines(
  lines: readonly Pick<ChargeLine, 'amount' | 'category'>[],
): LineAggregates {
  let linesTotal = 0;
  const byCategory = new Map<ChargeCategory, number>();
  for (const line of lines) {
    linesTotal += line.amount;
    byCategory.set(line.category, (byCategory.get(line.category) ?? 0) + line.amount);
  }
  const categoryTotals: Partial<Record<ChargeCategory, Cents>> = {};
  for (const [category, total] of byCategory) categoryTotals[category] = cents(total);
  return { linesTotal: cents(linesTotal), lineCount: lines.length, categoryTotals };
}
