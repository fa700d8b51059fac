import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHARGE_CATEGORIES } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';
import {
  packChargeLines,
  planOfExtras,
  unpackChargeBlock,
  type PackableLine,
} from '../../../shared/storage/charge-blocks';
import { serviceTotalsOfBlocks } from '../../../shared/storage/service-totals';
import { expectClonedDenselyAsBefore } from '../../helpers/cloned-blocks';

const line = fc.record(
  {
    serviceIdRaw: fc.constantFrom('', '555-0100', '555-0101', 'BBEC.1'),
    serviceKey: fc.constantFrom(null, '+15550100', '+15550101', 'bbec1'),
    description: fc.constantFrom('Monthly', 'Tax', ''),
    category: fc.constantFrom(...CHARGE_CATEGORIES),
    quantity: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
    amount: fc.integer({ min: -100_000, max: 100_000 }).map(cents),
    sourceRow: fc.nat({ max: 1_000_000 }),
    sourceFile: fc.constantFrom('a.csv', 'b.csv', 'c.csv'),
    accountNumber: fc.constantFrom('287-1', '287-2'),
  },
  {
    requiredKeys: [
      'serviceIdRaw',
      'serviceKey',
      'description',
      'category',
      'quantity',
      'amount',
      'sourceRow',
      'sourceFile',
    ],
  },
);

/** The per-service sums as first written: one string key per service and category. */
/** Per billing account (the line's own, when any line names one), service key and category. */
function referenceTotals(lines: readonly PackableLine[]) {
  const byAccount = lines.some((l) => (l.accountNumber ?? '') !== '');
  const at = new Map<string, number>();
  const out: { key: string; category: number; amount: number; account?: string }[] = [];
  for (const l of lines) {
    const category = CHARGE_CATEGORIES.indexOf(l.category);
    const account = l.accountNumber ?? '';
    const id = `${category}|${l.serviceKey ?? ''}|${byAccount ? account : ''}`;
    const index = at.get(id);
    if (index === undefined) {
      at.set(id, out.length);
      out.push({
        key: l.serviceKey ?? '',
        category,
        amount: l.amount,
        ...(byAccount ? { account } : {}),
      });
    } else (out[index] as { amount: number }).amount += l.amount;
  }
  return out;
}

describe('packed charge blocks and their per-service totals', () => {
  it('unpack to the lines packed, in order, across blocks, files and line accounts; are stored as before', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 60 }),
        fc.integer({ min: 1, max: 7 }),
        (lines, size) => {
          const blocks = packChargeLines('invoice-1', lines, size);
          const back = blocks.flatMap(unpackChargeBlock);
          expect(back).toEqual(lines.map((l) => ({ invoiceId: 'invoice-1', ...l })));
          for (const block of blocks) {
            if (block.files !== undefined)
              expect(new Set(block.files).size).toBe(block.files.length);
            // Their string columns have no holes (cloned densely): the same records as before.
            expectClonedDenselyAsBefore(block);
          }
        },
      ),
    );
  });

  it('sum each service and category once (per billing account, when lines name theirs), in first-seen order', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 80 }),
        fc.integer({ min: 1, max: 9 }),
        (lines, size) => {
          const totals = serviceTotalsOfBlocks(
            'invoice-1',
            packChargeLines('invoice-1', lines, size),
          );
          const got = totals.keys.map((key, i) => ({
            key,
            category: totals.categories[i],
            amount: totals.amounts[i],
            ...(totals.accounts === undefined ? {} : { account: totals.accounts[i] }),
          }));
          expect(got).toEqual(referenceTotals(lines));
        },
      ),
    );
  });

  it('sum each of thousands of services apart, however their keys collide in the table', () => {
    // Keys differing in one character, keys that are prefixes of others, and the empty key, in
    // every category: enough entries that the table probes past taken slots.
    const keyOf = fc.oneof(
      fc.integer({ min: 0, max: 3000 }).map((n) => `+1555${String(n).padStart(7, '0')}`),
      fc.integer({ min: 0, max: 300 }).map((n) => 'k'.repeat(n % 17) + String(n)),
      fc.constant(''),
    );
    const manyServices = fc.record({
      serviceIdRaw: fc.constant('555'),
      serviceKey: fc.option(keyOf, { nil: null }),
      description: fc.constant('Monthly'),
      category: fc.constantFrom(...CHARGE_CATEGORIES),
      quantity: fc.constant(null),
      amount: fc.integer({ min: -100_000, max: 100_000 }).map(cents),
      sourceRow: fc.nat({ max: 1_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(manyServices, { minLength: 500, maxLength: 4000 }), (lines) => {
        const totals = serviceTotalsOfBlocks('invoice-1', packChargeLines('invoice-1', lines));
        const got = totals.keys.map((key, i) => ({
          key,
          category: totals.categories[i],
          amount: totals.amounts[i],
        }));
        expect(got).toEqual(referenceTotals(lines));
      }),
      { numRuns: 30 },
    );
  });
});

describe('the plan a line’s extras name', () => {
  it('is read from a column naming the plan, never from its code, usage, dates or charges', () => {
    const plans = (extras: Record<string, string>) => planOfExtras(extras);
    expect(plans({ 'Your Calling Plan': ' Unlimited Plus ' })).toBe('Unlimited Plus');
    expect(plans({ Plan: 'Magenta', Plans: '70.00' })).toBe('Magenta');
    expect(plans({ 'Rate plan name': 'Business Unlimited' })).toBe('Business Unlimited');
    expect(plans({ 'Price Plan': 'Share Everything' })).toBe('Share Everything');
    expect(plans({ 'Data Plan': '10 GB' })).toBe('10 GB');
    // A date, an amount or a code is not the plan's name, whatever column comes first.
    expect(
      plans({
        'Plan Effective Date': '10/01/2026',
        'Plan Charges': '45.00',
        'Rate Plan Code': 'RP123',
        'Voice Plan Usage': '512',
        'Plan Type': 'Individual',
        'Plan Name': 'Unlimited Ultimate',
      }),
    ).toBe('Unlimited Ultimate');
    expect(plans({ 'Plan Effective Date': '10/01/2026', 'Plan Charges': '45.00' })).toBe('');
    expect(plans({ Planner: 'x', 'Plan ': '' })).toBe('');
    expect(plans(undefined as never)).toBe('');
  });
});
