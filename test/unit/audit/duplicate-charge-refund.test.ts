/**
 * A charge billed twice and refunded on a later bill of the account (the "billed in error" credit
 * arriving next month, for exactly the copy) is no longer billed twice: the finding would claim
 * money the carrier has already given back. A credit of another amount, or a discount, is not
 * the copy's refund; a credit refunds one copy only.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'duplicate-charge');
const circuit = line('recurring', 800_00);
const refund = (amount: number, description = 'Credit - billed in error') =>
  line('credit', -amount, { description });

function copies(april: ReturnType<typeof line>[], may: ReturnType<typeof line>[]) {
  const bills = [
    billed(makeInvoice({ month: '2026-04' }), april),
    billed(makeInvoice({ month: '2026-05' }), may),
  ];
  return runAudit(snapshotOf({ bills }), rules).findings.map((f) => [f.impact, f.message]);
}

it('a copy refunded on the next bill is no finding', () => {
  expect(copies([circuit, circuit], [circuit, refund(800_00)])).toEqual([]);
});

it('a credit of another amount does not refund the copy', () => {
  expect(copies([circuit, circuit], [circuit, refund(45_00, 'Outage credit')])).toEqual([
    [
      800_00,
      '555-010-0001: 1 charge line billed a second time on invoice N-2026-04 (2026-04) — $800.00 extra.',
    ],
  ]);
});

it('one refund takes back one copy; a copy on the refund’s own bill comes first', () => {
  const found = copies([circuit, circuit], [circuit, circuit, refund(800_00)]);
  expect(found.map(([impact]) => impact)).toEqual([800_00]);
  expect(found[0]?.[1]).toContain('on invoice N-2026-04');
});
