/**
 * The contract form's reading of what was typed ({@link contractFromValues}): a rate that is not a
 * rate is a sentence naming its line, never a silent $0.00 or a rounded or mislabelled value.
 */
import { describe, expect, it } from 'vitest';
import {
  contractFromValues,
  EMPTY_RATE,
  errorSentences,
  formValuesFrom,
  type RateValues,
} from '../../../renderer/features/contracts/form-values';
import type { Contract } from '../../../shared/model';

/** A valid form with one rate line, `rate` typed over a 45.00 plan rate. */
function read(rate: Partial<RateValues>) {
  const values = {
    ...formValuesFrom(undefined, 'car-1'),
    name: 'Mobile 2026',
    startDate: '2026-01-01',
    endDate: '2028-12-31',
    rates: [{ ...EMPTY_RATE, plan: 'Unlimited Plus', monthly: '45.00', ...rate }],
  };
  return contractFromValues(values, 'ctr-1');
}

function rateOf(result: ReturnType<typeof read>): NonNullable<Contract['rateCard']>[number] {
  if (!result.ok) throw new Error(errorSentences(result.errors).join('\n'));
  const rate = result.value.rateCard?.[0];
  if (rate === undefined) throw new Error('no rate');
  return rate;
}

function problems(result: ReturnType<typeof read>): string[] {
  return result.ok ? [] : errorSentences(result.errors);
}

describe('the monthly rate of a rate line', () => {
  it.each(['', '  ', '-', '--', 'N/A', 'na', 'none'])(
    'refuses %j as no rate at all, never $0.00',
    (monthly) => {
      expect(problems(read({ monthly }))).toEqual([
        'Rate 1: Enter the contracted monthly rate, like 45.00 (a dash or N/A is not a rate).',
      ]);
    },
  );

  it('keeps a rate of 0.00 typed as such (an included line)', () => {
    expect(rateOf(read({ monthly: '0.00' })).monthlyRateCents).toBe(0);
  });
});

describe('the month-to-month rate of a rate line', () => {
  it.each(['', '-', '--', 'N/A'])('reads %j as not known, never $0.00', (monthToMonth) => {
    const rate = rateOf(read({ monthToMonth }));
    expect(rate.monthToMonthRateCents).toBeUndefined();
    expect(rate.monthlyRateCents).toBe(4500);
  });

  it('keeps a typed rate', () => {
    expect(rateOf(read({ monthToMonth: '55.50' })).monthToMonthRateCents).toBe(5550);
  });
});

describe('fractions of a cent', () => {
  it.each([
    ['monthly', '45.005'],
    ['monthToMonth', '55.125'],
  ] as const)('are refused in the %s rate, never rounded', (field, text) => {
    expect(problems(read({ [field]: text }))).toEqual([
      `Rate 1: “${text}” has a fraction of a cent; enter dollars and cents, at most two decimals.`,
    ]);
  });

  it('are refused in the MARC', () => {
    const values = { ...formValuesFrom(undefined, 'car-1'), name: 'Mobile 2026' };
    const result = contractFromValues(
      { ...values, startDate: '2026-01-01', endDate: '2028-12-31', marc: '120000.001' },
      'ctr-1',
    );
    expect(result.ok ? [] : errorSentences(result.errors)).toEqual([
      'MARC: “120000.001” has a fraction of a cent; enter dollars and cents, at most two decimals.',
    ]);
  });

  it('are not trailing zeros: 45.0000 is $45.00', () => {
    expect(rateOf(read({ monthly: '45.0000' })).monthlyRateCents).toBe(4500);
  });
});
