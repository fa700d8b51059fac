/** Bills with charges the chargeback cannot all allocate, for the budget files' tests. */
import { bills, line } from '../allocation/helpers';

/**
 * One bill dated the 5th of each month: $100.00 on s1, $33.33 on s2, $10.01 on a number in no
 * inventory and $7.77 of tax on the account ($151.11 in all).
 */
export function monthlyBills(months: readonly string[]): ReturnType<typeof bills> {
  return bills(
    months.map((m) => ({
      id: m,
      invoiceDate: `${m}-05`,
      lines: [
        line('s1', 'recurring', 100_00),
        line('s2', 'recurring', 33_33),
        line('ghost', 'usage', 10_01),
        line('', 'tax', 7_77),
      ],
    })),
  );
}
