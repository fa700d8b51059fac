/**
 * tax-drift takes an account's usual tax share from bills of the same kind: an untaxed usage
 * report billed under the account beside its monthly bill does not lower the monthly bills' usual
 * share (every one of them was a false excess), and a drift of the monthly bill is still found.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'tax-drift');
const months = ['2026-01', '2026-02', '2026-03', '2026-04'];
const tax = (amount: number) => line('tax', amount, { serviceIdRaw: '', description: 'State tax' });
const monthly = (month: string, taxes: number) =>
  billed(makeInvoice({ month }), [line('recurring', 500_00), tax(taxes)]);
const report = (month: string) =>
  billed(makeInvoice({ month, invoiceNumber: `U-${month}`, id: `inv-U-${month}` }), [
    line('usage', 300_00, { description: 'PSTN calls' }),
  ]);

function drifts(bills: ReturnType<typeof billed>[]) {
  return runAudit(snapshotOf({ bills }), rules).findings.map((f) => [f.impact, f.message]);
}

it('untaxed usage reports beside the monthly bills leave their usual share as it is', () => {
  expect(drifts(months.flatMap((month) => [monthly(month, 50_00), report(month)]))).toEqual([]);
});

it('a monthly bill above its usual share is still found', () => {
  const bills = months.flatMap((month, i) => [
    monthly(month, i === 3 ? 80_00 : 50_00),
    report(month),
  ]);
  expect(drifts(bills)).toEqual([
    [
      30_00,
      'Invoice N-2026-04 bills $80.00 in taxes and surcharges, 16.00% of its $500.00 charges before taxes, against 10.00% over the previous 3 invoices ($50.00): $30.00 excess.',
    ],
  ]);
});

it('a bill whose taxes net to a refund is no usual share: the next bill is not judged against it', () => {
  // September refunds $50.00 of taxes: a usual share of −10 % made October's $30.00 of tax an
  // $80.00 excess, more than the bill's taxes.
  const bills = [monthly('2026-09', -50_00), monthly('2026-10', 30_00)];
  expect(drifts(bills)).toEqual([]);
});

it('after a refund month, a drift is judged against the ordinary months alone', () => {
  const bills = [
    monthly('2026-07', 25_00),
    monthly('2026-08', -50_00),
    monthly('2026-09', 25_00),
    monthly('2026-10', 60_00),
  ];
  expect(drifts(bills)).toEqual([
    [
      35_00,
      'Invoice N-2026-10 bills $60.00 in taxes and surcharges, 12.00% of its $500.00 charges before taxes, against 5.00% over the previous 2 invoices ($25.00): $35.00 excess.',
    ],
  ]);
});
