import { describe, expect, it } from 'vitest';
import { isoDate, isoMonth, type IsoDate } from '../../../shared/dates';
import {
  DEFAULT_SAMPLE_END_MONTH,
  generateSampleCompany,
  sampleEndMonth,
} from '../../fixtures/generate/sample-company';

describe('the sample company ends with last month', () => {
  it.each([
    ['2026-11-16', '2026-10'],
    ['2026-11-01', '2026-10'],
    ['2026-12-31', '2026-11'],
    ['2027-01-01', '2026-12'],
    ['2028-03-01', '2028-02'],
  ])('on %s its last billed month is %s', (today, month) => {
    expect(sampleEndMonth(today as IsoDate)).toBe(month);
  });

  it('is 2026-10 when no end month is given (tests and benchmarks with fixed files)', () => {
    expect(DEFAULT_SAMPLE_END_MONTH).toBe('2026-10');
  });

  // Three small companies: about a second each on a quiet machine, several on a busy one.
  it('gives the same files for the same end month, and moves everything with it', () => {
    const options = { months: 6, scale: 0.1 };
    const endMonth = sampleEndMonth(isoDate(2028, 3, 1));
    const first = generateSampleCompany({ ...options, endMonth });
    const again = generateSampleCompany({ ...options, endMonth });
    expect(again.files).toEqual(first.files);
    expect(again.expectedTotals).toEqual(first.expectedTotals);
    expect(first.months).toEqual([
      isoMonth(2027, 9),
      isoMonth(2027, 10),
      isoMonth(2027, 11),
      isoMonth(2027, 12),
      isoMonth(2028, 1),
      isoMonth(2028, 2),
    ]);
    for (const total of first.expectedTotals) expect(first.months).toContain(total.month);
    for (const error of first.plantedErrors) expect(first.months).toContain(error.month);
    const fixed = generateSampleCompany(options);
    expect(fixed.months.at(-1)).toBe(DEFAULT_SAMPLE_END_MONTH);
    expect(fixed.plantedErrors.map((e) => e.ruleId).sort()).toEqual(
      first.plantedErrors.map((e) => e.ruleId).sort(),
    );
  }, 30_000);
});
