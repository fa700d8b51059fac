import { describe, expect, it } from 'vitest';
import { describeTerm, termOnDay } from '../../../shared/contracts/terms';
import { day, makeContract } from './helpers';

const on = (contract: Parameters<typeof termOnDay>[0], today: string) =>
  describeTerm(termOnDay(contract, day(today)));

describe('the term a contract is in on a day, as the contract page states it', () => {
  it('shows the renewal term of an auto-renewed contract whose end date records the renewal', () => {
    // 36 months from 2023-03-01 end 2026-02-28; the stored end date is a year later: renewed.
    const renewed = makeContract({
      startDate: day('2023-03-01'),
      endDate: day('2027-02-28'),
      noticeDays: 30,
      status: 'auto-renewed',
    });
    expect(on(renewed, '2026-11-16')).toBe(
      'Renewal term 1, 2026-03-01 – 2027-02-28; notice by 2027-01-29',
    );
    expect(on(renewed, '2026-02-28')).toBe(
      'Initial term, 2023-03-01 – 2026-02-28; notice by 2026-01-29',
    );
    // Past the stored end date it keeps rolling: the second renewal term.
    expect(on(renewed, '2027-03-01')).toBe(
      'Renewal term 2, 2027-03-01 – 2028-02-29; notice by 2028-01-30',
    );
  });

  it('counts renewals past the end date of the initial term, and ends a contract that does not renew', () => {
    const contract = makeContract();
    expect(on(contract, '2026-12-31')).toBe(
      'Initial term, 2024-01-01 – 2026-12-31; notice by 2026-11-01',
    );
    expect(on(contract, '2028-06-30')).toBe(
      'Renewal term 2, 2028-01-01 – 2028-12-31; notice by 2028-11-01',
    );
    expect(on(makeContract({ autoRenew: false }), '2027-01-01')).toBe(
      'Ended 2026-12-31: out of contract',
    );
    expect(on(makeContract({ renewalTermMonths: 0 }), '2027-03-15')).toBe(
      'Month to month after the initial term; this month 2027-03-01 – 2027-03-31, notice by 2027-01-30',
    );
  });

  it('trusts an end date typed from the paper that comes before the computed one', () => {
    expect(on(makeContract({ endDate: day('2026-12-15') }), '2026-12-20')).toBe(
      'Renewal term 1, 2026-12-16 – 2027-12-15; notice by 2027-10-16',
    );
  });
});
