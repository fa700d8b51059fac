import { describe, it, expect } from 'vitest';
import {
  cents,
  centsFromText,
  centsToDecimalString,
  formatCents,
  negateCents,
  subtractCents,
  sumCents,
  ZERO_CENTS,
} from '../../shared/money/cents';
import {
  centsFromMicroUnits,
  microUnits,
  microUnitsFromText,
} from '../../shared/money/micro-units';

describe('centsFromText reads every amount shape seen in carrier files', () => {
  it.each([
    // FORMATS.md "the mess an importer must survive"
    ['$0.00', 0],
    ['($948.03)', -94803],
    ['-$329.45', -32945],
    ['$-119567.15', -11956715],
    ['$.15', 15],
    ['.74', 74],
    ['2,393', 239300],
    ['"2,393"', 239300],
    // other shapes
    ['1,234.56', 123456],
    ['1234.56', 123456],
    ['12.00-', -1200],
    ['12.00CR', -1200],
    ['$12.00 cr', -1200],
    ['  42.10  ', 4210],
    ['+5.00', 500],
    ['$ 1,000,000.01', 100000001],
    ['( $948.03 )', -94803],
    ['7', 700],
    ['7.5', 750],
    ['12.', 1200],
    ['0007.05', 705],
    ['-$0.00', 0],
    ['$1,234,567,890.12', 123456789012],
  ])('%s → %i cents', (text, expected) => {
    expect(centsFromText(text)).toEqual({ ok: true, value: expected });
  });

  it('never returns negative zero', () => {
    const result = centsFromText('($0.00)');
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });

  it.each(['', '   ', 'N/A', 'NA', 'n/a', '-', '--', '""'])(
    '%j means "no amount" (null, not zero)',
    (text) => {
      expect(centsFromText(text)).toEqual({ ok: true, value: null });
    },
  );

  it.each([
    ['0.7309 GB', 'is a quantity (GB), not an amount of money'],
    ['125 MB', 'is a quantity (MB)'],
    ['12 min', 'is a quantity (min)'],
    ['abc', 'Expected an amount like 1,234.56 or ($12.00) but found "abc".'],
    ['$', 'Expected an amount'],
    ['.', 'Expected an amount'],
    ['CR', 'Expected an amount'],
    ['unlimited', 'Expected an amount'],
    ['6.000(shared)', 'Expected an amount'],
    ['$$5.00', 'Expected an amount'],
    ['1.5E+03', 'Expected an amount'],
    ['(-$5.00)', 'more than one sign'],
    ['--5', 'more than one sign'],
    ['-5.00 CR', 'more than one sign'],
    ['1,23.45', 'thousands separators in unexpected places'],
    ['1 234.56', 'thousands separators in unexpected places'],
    ['99999999999999999.99', 'too large'],
  ])('%j is refused: %s', (text, message) => {
    const result = centsFromText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]?.message).toContain(message);
      expect(result.errors[0]?.value).toBe(text);
    }
  });
});

describe('centsFromText rounding beyond the cent: half away from zero', () => {
  it.each([
    ['1.2500', 125],
    ['0.125', 13],
    ['-0.125', -13],
    ['(0.125)', -13],
    ['0.1249', 12],
    ['0.005', 1],
    ['0.004999', 0],
    ['-0.005', -1],
    ['2.675', 268], // 2.675 as a float is 2.67499…; digit-wise reading gets it right
    ['1.005', 101],
  ])('%s → %i cents', (text, expected) => {
    expect(centsFromText(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['1.2500', true, 125],
    ['0.125', false, 0],
  ])("subCent 'reject': %s accepted=%s", (text, accepted, expected) => {
    const result = centsFromText(text, { subCent: 'reject' });
    expect(result.ok).toBe(accepted);
    if (result.ok) expect(result.value).toBe(expected);
    else expect(result.errors[0]?.message).toContain('fractions of a cent');
  });

  it.each([
    [
      '1.250',
      '"1.250" could be 1250 written with a point for thousands, or 1.25: write it as 1250.00 or 1.25.',
    ],
    [
      '$1.200',
      '"$1.200" could be 1200 written with a point for thousands, or 1.20: write it as 1200.00 or 1.20.',
    ],
    [
      '-12.500',
      '"-12.500" could be 12500 written with a point for thousands, or 12.50: write it as 12500.00 or 12.50.',
    ],
  ])("subCent 'reject': %s is said as ambiguous, never read as 1.25", (text, message) => {
    expect(centsFromText(text, { subCent: 'reject' })).toMatchObject({
      ok: false,
      errors: [{ message }],
    });
    // A bill's amounts are read in the bill's convention, as before.
    expect(centsFromText(text).ok).toBe(true);
  });

  it.each([
    ['0.250', 25],
    ['1,250.000', 1250_00],
    ['1250.000', 1250_00],
    ['1.25', 125],
  ])("subCent 'reject': %s is no thousands in doubt", (text, expected) => {
    expect(centsFromText(text, { subCent: 'reject' })).toEqual({ ok: true, value: expected });
  });
});

describe('centsFromText with a comma as decimal separator', () => {
  it.each([
    ['1.234,56', 123456],
    ['1 234,56', 123456],
    ['1\u00a0234,56', 123456],
    ["1'234,56", 123456],
    ['-12,5', -1250],
    ['(3,00)', -300],
    ['$ 0,74', 74],
    [',74', 74],
    ['1234', 123400],
  ])('%s → %i cents', (text, expected) => {
    expect(centsFromText(text, { decimal: ',' })).toEqual({ ok: true, value: expected });
  });

  it.each(['1,234.56', '12.34'])('%s is refused in a comma-decimal file', (text) => {
    expect(centsFromText(text, { decimal: ',' }).ok).toBe(false);
  });
});

describe('microUnitsFromText keeps unit-rate precision', () => {
  it.each([
    ['0.125', 125000],
    ['$0.0450', 45000],
    ['(0.10)', -100000],
    ['0.0000005', 1],
    ['0.00000049', 0],
    ['1,000.000001', 1000000001],
  ])('%s → %i micro-units', (text, expected) => {
    expect(microUnitsFromText(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['N/A', ''])('%j → null', (text) => {
    expect(microUnitsFromText(text)).toEqual({ ok: true, value: null });
  });

  it('refuses quantities', () => {
    expect(microUnitsFromText('0.7309 GB').ok).toBe(false);
  });

  it.each([
    [125000, 13],
    [-125000, -13],
    [124999, 12],
    [5000, 1],
    [4999, 0],
  ])('centsFromMicroUnits(%i) → %i', (value, expected) => {
    expect(centsFromMicroUnits(microUnits(value))).toBe(expected);
  });
});

describe('cent arithmetic', () => {
  it('adds, sums, subtracts and negates exactly', () => {
    expect(sumCents([cents(10), cents(20), cents(-5)])).toBe(25);
    expect(sumCents(new Set<ReturnType<typeof cents>>())).toBe(ZERO_CENTS);
    expect(subtractCents(cents(100), cents(250))).toBe(-150);
    expect(negateCents(cents(100))).toBe(-100);
    expect(Object.is(negateCents(ZERO_CENTS), 0)).toBe(true);
  });

  it('0.10 + 0.20 is exactly 0.30', () => {
    const [a, b] = [centsFromText('0.10'), centsFromText('0.20')];
    if (!a.ok || !b.ok || a.value === null || b.value === null) throw new Error('unreadable');
    expect(centsToDecimalString(sumCents([a.value, b.value]))).toBe('0.30');
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])(
    'cents(%d) is a programmer error',
    (value) => {
      expect(() => cents(value)).toThrow(RangeError);
    },
  );

  it('throws when a sum leaves the safe-integer range', () => {
    expect(() => sumCents([cents(Number.MAX_SAFE_INTEGER), cents(1)])).toThrow(RangeError);
  });
});

describe('formatting', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [-5, '-0.05'],
    [123456, '1234.56'],
    [-123456, '-1234.56'],
    [100, '1.00'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('centsToDecimalString(%i) → %s', (value, expected) => {
    expect(centsToDecimalString(cents(value))).toBe(expected);
  });

  it.each([
    [123456, 'USD', 'en-US', '$1,234.56'],
    [-94803, 'USD', 'en-US', '-$948.03'],
    [0, 'USD', 'en-US', '$0.00'],
    [1, 'USD', 'en-US', '$0.01'],
    [123456, 'EUR', 'de-DE', '1.234,56\u00a0€'],
    [123456, 'CAD', 'en-CA', '$1,234.56'],
  ])('formatCents(%i, %s, %s) → %s', (value, currency, locale, expected) => {
    expect(formatCents(cents(value), currency, locale)).toBe(expected);
  });

  it('round-trips every formatted amount through centsFromText', () => {
    for (const value of [0, 1, -1, 99, 100, 123456789, -987654321]) {
      expect(centsFromText(formatCents(cents(value)))).toEqual({ ok: true, value });
      expect(centsFromText(centsToDecimalString(cents(value)))).toEqual({ ok: true, value });
    }
  });
});
