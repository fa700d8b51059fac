/**
 * A line open to 9999-12-31 (a carrier's "no end" date) is shared over the months that read its
 * bill without counting the days of every month to the year 9999: a bill of such lines is
 * allocated as fast as any other.
 */
import { describe, expect, it, vi } from 'vitest';
import { allocateMonth } from '../../../shared/allocation';
import type * as isoDates from '../../../shared/dates/iso-date';
import { endOfMonth } from '../../../shared/dates/iso-date';
import { bills, company, day, line, month, service } from './helpers';

vi.mock('../../../shared/dates/iso-date', async (importOriginal) => {
  const actual = await importOriginal<typeof isoDates>();
  return { ...actual, endOfMonth: vi.fn(actual.endOfMonth) };
});

const input = company({
  basis: 'service-period',
  services: [service('s1', { costCenterId: 'a' })],
  ...bills([
    {
      id: 'i1',
      invoiceDate: '2026-10-05',
      lines: [
        line('s1', 'recurring', 91_00, {
          periodStart: day('2026-09-01'),
          periodEnd: day('9999-12-31'),
        }),
        line('s1', 'credit', -91_01, {
          periodStart: day('2026-09-01'),
          periodEnd: day('9999-12-31'),
        }),
      ],
    },
  ]),
});

describe('a line open to 9999-12-31', () => {
  it('is shared over the days of the months that read its bill, counting no others', () => {
    vi.mocked(endOfMonth).mockClear();
    const parts = ['2026-08', '2026-09', '2026-10', '2026-11', '2026-12'].map((target) =>
      allocateMonth({ ...input, month: month(target) }).rows.map((row) => row.amount),
    );
    // September to November read an October bill by its date: 30, 31 and 30 days of 91.
    expect(parts).toEqual([[], [30_00, -30_00], [31_00, -31_01], [30_00, -30_00], []]);
    // Each month reads the days of the months that may read the bill (a year either side), no others.
    expect(vi.mocked(endOfMonth).mock.calls.length).toBeLessThan(5 * 2 * 25);
  });
});
