import { expect, it } from 'vitest';
import { readBill } from '../helpers/read-bill';

const HEADER =
  'Carrier,Account Number,Invoice Number,Invoice Date,Department,Service ID,Description,Category,Amount';
const file = (name: string, rows: string[]) => ({
  name,
  bytes: new TextEncoder().encode([HEADER, ...rows].join('\n')),
});
const row = (dept: string, service: string, desc: string, cat: string, amount: string) =>
  `Lumen,5-KE4X-001,I1,2026-10-05,${dept},${service},${desc},${cat},${amount}`;

it('per-department parts with account-level lines only', () => {
  const outcome = readBill([
    file('sales.csv', [row('Sales', '', 'Local service', 'MRC', '400.00'), row('Sales', '', 'Taxes', 'Tax', '30.00')]),
    file('ops.csv', [row('Ops', '', 'Local service', 'MRC', '250.00'), row('Ops', '', 'Taxes', 'Tax', '20.00')]),
  ]);
  if (outcome.kind !== 'draft') throw new Error(JSON.stringify(outcome));
  console.log(outcome.draft.lines.map((l) => [l.sourceFile, l.amount]), (outcome.draft.warnings ?? []).map((w) => w.message));
  expect(outcome.draft.lines.reduce((s, l) => s + l.amount, 0)).toBe(70000);
});

it('three department parts: third holds only account-level taxes', () => {
  const outcome = readBill([
    file('sales.csv', [row('Sales', '5550100001', 'Plan', 'MRC', '45.00'), row('Sales', '', 'Federal USF', 'Tax', '3.00')]),
    file('ops.csv', [row('Ops', '5550100002', 'Plan', 'MRC', '45.00'), row('Ops', '', 'Federal USF', 'Tax', '2.00')]),
    file('corp.csv', [row('Corp', '', 'Federal USF', 'Tax', '1.50')]),
  ]);
  if (outcome.kind !== 'draft') throw new Error(JSON.stringify(outcome));
  console.log(outcome.draft.lines.map((l) => [l.sourceFile, l.amount]), (outcome.draft.warnings ?? []).map((w) => w.message));
  expect(outcome.draft.lines.reduce((s, l) => s + l.amount, 0)).toBe(9650);
});
