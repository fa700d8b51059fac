/**
 * Spike compares an account's bills with bills of their kind: a usage report beside the monthly
 * bill (a calling plan's usage, billed under the same account) never pulls the monthly bills'
 * average down, and a credit memo or a supplemental bill of one-time charges is no month's level.
 * Usage reports are still compared among themselves (toll fraud is a usage spike).
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'spike');
const months = ['2026-01', '2026-02', '2026-03', '2026-04'];
const bill = (month: string, amount: number) =>
  billed(makeInvoice({ month }), [line('recurring', amount)]);
const other = (month: string, number: string, lines: ReturnType<typeof line>[]) =>
  billed(makeInvoice({ month, invoiceNumber: number, id: `inv-${number}` }), lines);
const calls = (amount: number) => line('usage', amount, { description: 'PSTN calls' });

function spikes(bills: ReturnType<typeof billed>[]) {
  return runAudit(snapshotOf({ bills }), rules).findings.map((f) => [f.impact, f.message]);
}

it('a usage report beside each monthly bill makes no monthly bill a spike', () => {
  expect(
    spikes(
      months.flatMap((month) => [bill(month, 500_00), other(month, `U-${month}`, [calls(20_00)])]),
    ),
  ).toEqual([]);
});

it('a credit memo or a supplemental bill between two monthly bills makes the next no spike', () => {
  const memo = other('2026-02', 'CM-1', [
    line('credit', -120_00, { description: 'Outage credit' }),
  ]);
  const device = other('2026-03', 'S-1', [line('one-time', 35_00, { description: 'Activation' })]);
  expect(spikes([...months.map((month) => bill(month, 500_00)), memo, device])).toEqual([]);
});

it('usage reports are compared among themselves', () => {
  const reports = months.map((month, i) =>
    other(month, `U-${month}`, [calls(i === 3 ? 900_00 : 20_00)]),
  );
  expect(spikes([...months.map((month) => bill(month, 500_00)), ...reports])).toEqual([
    [
      880_00,
      'Invoice U-2026-04 totals $900.00, $880.00 above the average of $20.00 over the previous 3 invoices.',
    ],
  ]);
});
