/**
 * A corrected re-issue of an invoice (the same items re-rated, no stated total to compare) read
 * beside the first issue is another version, counted once as the first file bills it — never
 * joined to it as a second part, which doubled the invoice. Files billing other items still join.
 */
import { expect, it } from 'vitest';
import { readBill } from '../../helpers/read-bill';

const HEADER =
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount';
const file = (name: string, rows: string[]) => ({
  name,
  bytes: new TextEncoder().encode([HEADER, ...rows].join('\n')),
});
const row = (service: string, amount: string) =>
  `Lumen,5-KE4X-001,I1,2026-10-05,${service},Plan,MRC,${amount}`;

it('reads a re-issue billing the same items at other amounts once, as the first file bills it', () => {
  const outcome = readBill([
    file('a.csv', [row('5550100001', '45.00'), row('5550100002', '45.00')]),
    file('b.csv', [row('5550100001', '46.00'), row('5550100002', '46.00')]),
  ]);
  if (outcome.kind !== 'draft') throw new Error(JSON.stringify(outcome));
  expect(outcome.draft.lines.map((line) => line.amount)).toEqual([45_00, 45_00]);
  expect((outcome.draft.warnings ?? []).map((w) => w.message).join(' ')).toContain(
    'b.csv holds it too, billing the same items at other amounts (a corrected re-issue?)',
  );
});

it('still joins a file billing other items of the invoice', () => {
  const outcome = readBill([
    file('a.csv', [row('5550100001', '45.00')]),
    file('b.csv', [row('5550100002', '45.00')]),
  ]);
  if (outcome.kind !== 'draft') throw new Error(JSON.stringify(outcome));
  expect(outcome.draft.lines).toHaveLength(2);
});

it('joins parts of an export by department made of account-level lines only', () => {
  const account = (description: string, category: string, amount: string) =>
    `Lumen,5-KE4X-001,I1,2026-10-05,,${description},${category},${amount}`;
  const outcome = readBill([
    file('sales.csv', [
      account('Local service', 'MRC', '400.00'),
      account('Taxes', 'Tax', '30.00'),
    ]),
    file('ops.csv', [account('Local service', 'MRC', '250.00'), account('Taxes', 'Tax', '20.00')]),
  ]);
  if (outcome.kind !== 'draft') throw new Error(JSON.stringify(outcome));
  expect(outcome.draft.lines.reduce((sum, line) => sum + line.amount, 0)).toBe(700_00);
});

it('joins a part billing some of the same services and others', () => {
  const outcome = readBill([
    file('a.csv', [row('5550100001', '45.00'), row('5550100002', '45.00')]),
    file('b.csv', [row('5550100001', '10.00')]),
  ]);
  if (outcome.kind !== 'draft') throw new Error(JSON.stringify(outcome));
  expect(outcome.draft.lines).toHaveLength(3);
});

it('reads a re-issue that re-rates the account-level taxes too once', () => {
  const taxes = (amount: string) => `Lumen,5-KE4X-001,I1,2026-10-05,,Taxes,Tax,${amount}`;
  const outcome = readBill([
    file('a.csv', [row('5550100001', '45.00'), row('5550100002', '45.00'), taxes('9.00')]),
    file('b.csv', [row('5550100001', '40.00'), row('5550100002', '40.00'), taxes('8.00')]),
  ]);
  if (outcome.kind !== 'draft') throw new Error(JSON.stringify(outcome));
  expect(outcome.draft.lines.map((line) => line.amount)).toEqual([45_00, 45_00, 9_00]);
});
