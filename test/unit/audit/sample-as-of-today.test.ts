import { describe, expect, it } from 'vitest';
import { isoDate, type IsoDate } from '../../../shared/dates';
import { generateSampleCompany } from '../../fixtures/generate/sample-company';
import { precisionOf } from './sample-precision';

/**
 * The sample as the app makes it ("Try it with a sample company": generated as of the page's
 * today) and audited as of that today, whatever day of the month: every finding planted, every
 * planted error found. The accounts whose bill day has passed have this month's bill; the others
 * end with last month's; no contract's notice deadline but the planted one is near.
 */
describe('the sample company as the app makes it, audited as of its today', () => {
  const todays: IsoDate[] = [
    isoDate(2026, 11, 1),
    isoDate(2026, 11, 12),
    isoDate(2027, 2, 15),
    isoDate(2027, 2, 28),
    isoDate(2026, 12, 31),
  ];
  it.each(todays)('as of %s: only the planted errors, all found', (today) => {
    const company = generateSampleCompany({ today });
    const future = company.expectedTotals.filter((total) => total.invoiceDate > today);
    expect(future).toEqual([]);
    expect(precisionOf(company, today)).toEqual({ missed: [], unplanted: [] });
  });

  it('bills each account up to its last bill date on or before today', () => {
    const today = isoDate(2026, 11, 15);
    const company = generateSampleCompany({ today });
    const latest = new Map<string, IsoDate>();
    for (const total of company.expectedTotals) {
      const before = latest.get(total.accountNumber);
      if (before === undefined || total.invoiceDate > before)
        latest.set(total.accountNumber, total.invoiceDate);
    }
    // The 1st (Lumen data, RingCentral), AT&T's 10th, the 11th (T-Mobile) and the 15th (Lumen voice)
    // have passed; the 16th, 22nd (Verizon) and 24th (Comcast) have not.
    expect([...latest.values()].sort()).toEqual([
      '2026-10-16',
      '2026-10-22',
      '2026-10-24',
      '2026-11-01',
      '2026-11-01',
      '2026-11-10',
      '2026-11-11',
      '2026-11-15',
    ]);
  });

  it('without a today, the default sample is as before: last month 2026-10 for every account', () => {
    const company = generateSampleCompany();
    expect(company.months.at(-1)).toBe('2026-10');
    expect(company.expectedTotals.every((total) => total.month <= '2026-10')).toBe(true);
  });
});
