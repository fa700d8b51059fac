import { describe, expect, it } from 'vitest';
import {
  creditAboveClaim,
  creditAboveClaimMessage,
  creditAmountFromText,
} from '../../../shared/audit/dispute-credit';
import { cents } from '../../../shared/money/cents';

describe('a credit amount as typed', () => {
  it.each([
    ['32', 32_00],
    ['$1,250.50', 1_250_50],
    ['12.3400', 12_34],
  ])('reads %j as %i cents', (text, expected) => {
    expect(creditAmountFromText(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['12.345', 'fractions of a cent'],
    ['0', 'A credit is a positive amount'],
    ['-5.00', 'A credit is a positive amount'],
    ['  ', 'Enter the credit amount'],
    ['abc', 'abc'],
  ])('refuses %j, saying %j', (text, words) => {
    expect(creditAmountFromText(text)).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining(words) }],
    });
  });
});

describe('a credit above what the claim still waits for', () => {
  const dispute = { claimedAmount: cents(49_99), creditedAmount: cents(10_00) };

  it('is what goes past the claim less the credits recorded', () => {
    expect(creditAboveClaim(dispute, cents(39_99))).toBe(0);
    expect(creditAboveClaim(dispute, cents(40_00))).toBe(1);
    expect(creditAboveClaim({ ...dispute, creditedAmount: cents(60_00) }, cents(1_00))).toBe(1_00);
  });

  it('says by how much, in money', () => {
    expect(creditAboveClaimMessage(dispute, cents(4_999_00))).toBe(
      'A credit of $4,999.00 is $4,959.01 more than the $39.99 still outstanding on this $49.99 ' +
        'claim. If the bill really shows it, record it anyway.',
    );
  });
});
