/**
 * The contract form's reading of what was typed ({@link contractFromValues}): a rate that is not a
 * rate is a sentence naming its line, never a silent $0.00 or a rounded or mislabelled value; and
 * the rates file's allowances, which share the form's reader.
 */
import { describe, expect, it } from 'vitest';
import {
  contractFromValues,
  EMPTY_RATE,
  errorSentences,
  formValuesFrom,
  type RateValues,
} from '../../../renderer/features/contracts/form-values';
import { readContractRatesCsv } from '../../../shared/contracts/csv';
import type { Contract } from '../../../shared/model';
import { utf8 } from './helpers';

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

describe('allowances', () => {
  it.each([
    ['dataAllowance', '10 GB', 'dataAllowanceGb', 10],
    ['dataAllowance', '2.5 gigabytes', 'dataAllowanceGb', 2.5],
    ['voiceAllowance', '1,000 minutes', 'voiceMinutesAllowance', 1000],
    ['voiceAllowance', '500 mins', 'voiceMinutesAllowance', 500],
    ['messagesAllowance', '300 texts', 'messagesAllowance', 300],
    ['messagesAllowance', '300 msgs', 'messagesAllowance', 300],
    ['messagesAllowance', 'Unlimited', 'messagesAllowance', 'unlimited'],
  ] as const)('read %s %j in its own unit', (key, text, field, value) => {
    expect(rateOf(read({ [key]: text }))[field]).toBe(value);
  });

  it.each([
    [
      'dataAllowance',
      '10 minutes',
      'Enter a number of GB like 10, or unlimited, or leave it empty when not known, but found "10 minutes", which is not in GB.',
    ],
    [
      'voiceAllowance',
      '1000 GB',
      'Enter a whole number of minutes like 1000, or unlimited, or leave it empty when not known, but found "1000 GB", which is not in minutes.',
    ],
    [
      'messagesAllowance',
      '50 minutes',
      'Enter a whole number of messages like 1000, or unlimited, or leave it empty when not known, but found "50 minutes", which is not in messages.',
    ],
  ] as const)('refuse %s %j in another unit', (key, text, message) => {
    expect(problems(read({ [key]: text }))).toEqual([`Rate 1: ${message}`]);
  });
});

describe('allowances in the rates file', () => {
  it('refuse another column’s unit, naming the row and column', () => {
    const text = [
      'Contract ID,Plan,Monthly Rate,Data Allowance (GB),Voice Minutes,Messages',
      'ctr-1,Swapped,15.00,10 minutes,1000 GB,50 mins',
      'ctr-1,Right,15.00,10 gigabytes,"1,000 mins.",50 SMS',
    ].join('\n');
    const { rows, errors } = readContractRatesCsv(utf8(text));
    expect(errors.map((error) => error.message)).toEqual([
      'Row 2, column "Data Allowance (GB)": expected a number of GB like 10, or unlimited, or a blank cell when not known, but found "10 minutes", which is not in GB.',
      'Row 2, column "Voice Minutes": expected a whole number of minutes like 1000, or unlimited, or a blank cell when not known, but found "1000 GB", which is not in minutes.',
      'Row 2, column "Messages": expected a whole number of messages like 1000, or unlimited, or a blank cell when not known, but found "50 mins", which is not in messages.',
    ]);
    expect(
      rows.map(({ line: _line, contractId: _id, absentColumns: _absent, ...rate }) => rate),
    ).toEqual([
      {
        planOrServiceType: 'Right',
        monthlyRateCents: 15_00,
        dataAllowanceGb: 10,
        voiceMinutesAllowance: 1000,
        messagesAllowance: 50,
      },
    ]);
  });
});
