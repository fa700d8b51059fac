/**
 * Property: by service period, whatever the lines' own periods (beyond their bill's months, years
 * long, back-billed, reversed, not dates) and signs, the months that read each bill (as the loader
 * reads them: `invoiceReaches`) share every line to the cent, each cent exactly once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateMonth, invoiceReaches, type AllocationInput } from '../../../shared/allocation';
import { addDays, addMonthsToMonth, isoMonthOf, type IsoMonth } from '../../../shared/dates';
import { bills, company, day, line, service } from './helpers';

const ORIGIN = day('2026-06-15');
const FIRST = addMonthsToMonth(isoMonthOf(ORIGIN), -30);
const LAST = addMonthsToMonth(isoMonthOf(ORIGIN), 30);

/** A period `[offset, offset + length]` days from `from`, reversed or not a date now and then. */
const periodFrom = (spread: number, longest: number) =>
  fc.oneof(
    fc
      .tuple(fc.integer({ min: -spread, max: spread }), fc.integer({ min: 0, max: longest }))
      .map(([offset, length]) => ({
        start: addDays(ORIGIN, offset) as string,
        end: addDays(ORIGIN, offset + length) as string,
      })),
    fc.constant({ start: '2026-07-31', end: '2026-07-01' }),
    fc.constant({ start: 'n/a', end: '2026-07-01' }),
  );

const billArb = fc.record({
  dated: fc.integer({ min: -200, max: 200 }),
  period: fc.option(periodFrom(400, 500), { nil: undefined }),
  lines: fc.array(
    fc.record({
      key: fc.constantFrom('s1', 'ghost', ''),
      amount: fc.integer({ min: -1_000_000, max: 1_000_000 }),
      own: fc.option(periodFrom(500, 900), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
});

type Bill = typeof billArb extends fc.Arbitrary<infer T> ? T : never;

function inputOf(specs: Bill[]): AllocationInput {
  return company({
    basis: 'service-period',
    services: [service('s1', { costCenterId: 'a' })],
    ...bills(
      specs.map((spec, b) => ({
        id: `inv${b}`,
        invoiceDate: addDays(ORIGIN, spec.dated),
        periodStart: spec.period?.start,
        periodEnd: spec.period?.end,
        lines: spec.lines.map(({ key, amount, own }) =>
          line(
            key,
            amount < 0 ? 'credit' : 'recurring',
            amount,
            own === undefined ? {} : { periodStart: day(own.start), periodEnd: day(own.end) },
          ),
        ),
      })),
    ),
  });
}

describe('service period over the months that read each bill', () => {
  it('every line is shared out to the cent, each cent once', () => {
    fc.assert(
      fc.property(fc.array(billArb, { minLength: 1, maxLength: 4 }), (specs) => {
        const input = inputOf(specs);
        const pieces = new Map<string, number>();
        let total = 0;
        for (let month: IsoMonth = FIRST; month <= LAST; month = addMonthsToMonth(month, 1)) {
          const result = allocateMonth({
            ...input,
            month,
            invoices: input.invoices.filter((invoice) => invoiceReaches(invoice, month)),
          });
          expect(result.totals.allocated + result.totals.unallocated).toBe(result.totals.invoices);
          total += result.totals.invoices;
          for (const piece of [...result.rows, ...result.exceptions]) {
            const key = `${piece.invoiceId}#${piece.sourceRow}`;
            pieces.set(key, (pieces.get(key) ?? 0) + piece.amount);
          }
        }
        expect(total).toBe(input.invoices.reduce((sum, invoice) => sum + invoice.linesTotal, 0));
        specs.forEach((spec, b) =>
          spec.lines.forEach((own, i) =>
            expect(pieces.get(`inv${b}#${i + 2}`) ?? 0).toBe(own.amount),
          ),
        );
      }),
      { numRuns: 300 },
    );
  });
});
