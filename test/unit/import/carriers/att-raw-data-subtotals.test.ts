/**
 * AT&T Raw Data Output subtotals below the section levels (`Wireless Charges › Monthly Charges ›
 * Total Monthly Charges`) repeat the lines above them and are never read as charges; an item
 * that is merely named "Total …" (its amount no subtotal) is a charge.
 */
import { describe, expect, it } from 'vitest';
import { readDraft, totalOf } from '../fixtures';
import { editedCarrierFile } from './carrier-fixtures';

const FILE = 'att-raw-data-output.synthetic.txt';

/** The fixture with `make(planRow)` inserted after the row of 5550100001's plan. */
function withRowAfterPlan(make: (planRow: string) => string) {
  return readDraft([
    editedCarrierFile(FILE, (text) => {
      const lines = text.split('\n');
      const plan = lines.findIndex((l) => l.includes('|Monthly Charges|Business Unlimited Plus|'));
      const row = lines[plan] ?? '';
      lines.splice(plan + 1, 0, make(row));
      return lines.join('\n');
    }),
  ]);
}

describe('AT&T Raw Data Output subtotals at any depth', () => {
  it('skips a subtotal of the lines above it, and still reconciles', () => {
    const draft = withRowAfterPlan((plan) =>
      plan.replace('Business Unlimited Plus', 'Total Monthly Charges').replace('09/17-10/16', ''),
    );
    expect(totalOf(draft.lines)).toBe(1568_81);
    expect(draft.warnings).toBeUndefined();
    expect(draft.skipped.map((s) => s.reason)).toContainEqual(
      'Not imported: "Wireless Charges › Monthly Charges › Total Monthly Charges" is the subtotal of the lines above it (Wireless Charges › Monthly Charges).',
    );
  });

  it('reads an item named "Total …" whose amount is no subtotal as a charge', () => {
    const draft = withRowAfterPlan((plan) =>
      plan
        .replace('Business Unlimited Plus', 'Total Mobile Protection Pack')
        .replace('$65.00', '$15.00'),
    );
    expect(totalOf(draft.lines)).toBe(1568_81 + 15_00);
    expect(draft.lines.some((l) => l.description.endsWith('Total Mobile Protection Pack'))).toBe(
      true,
    );
  });
});
