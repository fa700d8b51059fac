/**
 * Property: whatever the inventory, rules, policies and bills, the month reconciles to the cent,
 * every line's pieces add up to the line, and nothing is a fraction of a cent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateMonth, type AllocationResult } from '../../../shared/allocation';
import { inputFor, MONTHS, worldArb } from './world';

function checkWholeCents(result: AllocationResult): void {
  for (const row of result.rows) {
    expect(Number.isSafeInteger(row.amount) && row.amount !== 0).toBe(true);
    expect(Number.isSafeInteger(row.markup)).toBe(true);
  }
  for (const exception of result.exceptions) {
    expect(Number.isSafeInteger(exception.amount)).toBe(true);
    expect(exception.kind).not.toBe('closed-site');
  }
  // Reviews are allocated lines listed again: each one's amount is in the rows of its line.
  for (const review of result.reviews) {
    const booked = result.rows
      .filter((row) => row.invoiceId === review.invoiceId && row.sourceRow === review.sourceRow)
      .reduce((sum, row) => sum + row.amount, 0);
    const unallocated = result.exceptions
      .filter(
        (entry) => entry.invoiceId === review.invoiceId && entry.sourceRow === review.sourceRow,
      )
      .reduce((sum, entry) => sum + entry.amount, 0);
    expect(booked + unallocated).toBe(review.amount);
  }
  const { invoices, allocated, unallocated } = result.totals;
  expect(allocated + unallocated).toBe(invoices);
  expect(result.byCostCenter.reduce((sum, entry) => sum + entry.total, 0)).toBe(invoices);
}

describe('allocation reconciles', () => {
  it('invoice-date basis: every line is booked or listed in full', () => {
    fc.assert(
      fc.property(worldArb, fc.constantFrom(...MONTHS), (world, target) => {
        const input = { ...inputFor(world), month: target };
        const result = allocateMonth(input);
        checkWholeCents(result);
        const pieces = new Map<string, number>();
        for (const piece of [...result.rows, ...result.exceptions]) {
          const key = `${piece.invoiceId}#${piece.sourceRow}`;
          pieces.set(key, (pieces.get(key) ?? 0) + piece.amount);
        }
        for (const invoice of input.invoices) {
          if (!invoice.invoiceDate.startsWith(target)) continue;
          for (const block of input.blocks.filter((b) => b.invoiceId === invoice.id)) {
            for (let i = 0; i < block.count; i++) {
              expect(pieces.get(`${invoice.id}#${block.sourceRow[i] ?? 0}`) ?? 0).toBe(
                block.amount[i],
              );
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('service-period basis: each month reconciles and the months add up to the bills', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const input = { ...inputFor(world), basis: 'service-period' as const };
        let total = 0;
        for (const target of MONTHS) {
          const result = allocateMonth({ ...input, month: target });
          checkWholeCents(result);
          total += result.totals.invoices;
        }
        expect(total).toBe(input.invoices.reduce((sum, invoice) => sum + invoice.linesTotal, 0));
      }),
      { numRuns: 150 },
    );
  });
});
