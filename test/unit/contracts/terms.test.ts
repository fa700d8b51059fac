import { describe, expect, it } from 'vitest';
import { contractEndDate, currentTerm, noticeDeadline } from '../../../shared/contracts/terms';
import { day, makeContract } from './helpers';

describe('contractEndDate: the last day of the term, inclusive', () => {
  it.each<[string, number, string]>([
    ['2024-01-15', 36, '2027-01-14'],
    ['2024-01-01', 12, '2024-12-31'],
    ['2024-01-01', 24, '2025-12-31'],
    ['2024-01-01', 36, '2026-12-31'],
    ['2024-01-01', 60, '2028-12-31'],
    ['2024-07-01', 36, '2027-06-30'],
    ['2024-02-01', 1, '2024-02-29'],
    // Anniversary missing from the target month: the term runs to that month's last day.
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-01-30', 1, '2024-02-29'],
    ['2024-01-29', 1, '2024-02-28'],
    ['2023-01-29', 1, '2023-02-28'],
    ['2024-03-31', 1, '2024-04-30'],
    ['2024-05-31', 1, '2024-06-30'],
    ['2024-12-31', 2, '2025-02-28'],
    ['2024-08-31', 6, '2025-02-28'],
    // Leap days.
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 24, '2026-02-28'],
    ['2024-02-29', 48, '2028-02-28'],
    ['2023-03-01', 12, '2024-02-29'],
    ['2024-03-01', 12, '2025-02-28'],
    ['2099-03-01', 12, '2100-02-28'],
    ['1999-03-01', 12, '2000-02-29'],
  ])('%s + %i months ends %s', (start, months, end) => {
    expect(contractEndDate(day(start), months)).toBe(end);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a term of %s months (programmer error)', (months) => {
    expect(() => contractEndDate(day('2024-01-01'), months)).toThrow(RangeError);
  });
});

describe('noticeDeadline: end date minus notice days', () => {
  it.each<[string, number, string]>([
    ['2027-01-01', 30, '2026-12-02'],
    ['2026-12-31', 60, '2026-11-01'],
    ['2026-06-30', 90, '2026-04-01'],
    ['2024-03-31', 60, '2024-01-31'],
    ['2024-03-01', 1, '2024-02-29'],
    ['2025-03-01', 1, '2025-02-28'],
    ['2025-01-15', 120, '2024-09-17'],
    ['2024-12-31', 0, '2024-12-31'],
  ])('ends %s with %i days notice → %s', (endDate, noticeDays, deadline) => {
    expect(noticeDeadline({ endDate: day(endDate), noticeDays })).toBe(deadline);
  });
});

describe('currentTerm rolls evergreen contracts forward', () => {
  const yearly = makeContract({ endDate: day('2024-12-31'), renewalTermMonths: 12 });

  it.each<[string, string | null, string, string, number]>([
    ['2024-06-01', null, '2024-12-31', '2024-11-01', 0],
    ['2024-12-31', null, '2024-12-31', '2024-11-01', 0],
    ['2025-01-01', '2025-01-01', '2025-12-31', '2025-11-01', 1],
    ['2025-12-31', '2025-01-01', '2025-12-31', '2025-11-01', 1],
    ['2026-01-01', '2026-01-01', '2026-12-31', '2026-11-01', 2],
    ['2027-06-15', '2027-01-01', '2027-12-31', '2027-11-01', 3],
  ])(
    '12-month renewals, today %s → renewed %s, ends %s, notice by %s, %i roll-overs',
    (today, renewedOn, termEnd, deadline, rolledOver) => {
      expect(currentTerm(yearly, day(today))).toEqual({
        renewedOn,
        termEnd,
        noticeDeadline: deadline,
        rolledOver,
        monthToMonth: false,
        expired: false,
      });
    },
  );

  it('rolls a 36-month renewal term several times', () => {
    const long = makeContract({
      endDate: day('2020-06-30'),
      renewalTermMonths: 36,
      noticeDays: 90,
    });
    expect(currentTerm(long, day('2026-07-01'))).toMatchObject({
      renewedOn: '2026-07-01',
      termEnd: '2029-06-30',
      noticeDeadline: '2029-04-01',
      rolledOver: 3,
    });
  });

  it.each<[string, string, string, number]>([
    ['2024-02-10', '2024-02-01', '2024-02-29', 1],
    ['2024-02-29', '2024-02-01', '2024-02-29', 1],
    ['2024-03-01', '2024-03-01', '2024-03-31', 2],
    ['2024-05-15', '2024-05-01', '2024-05-31', 4],
    ['2025-01-31', '2025-01-01', '2025-01-31', 12],
  ])(
    'month-to-month (renewal term 0), today %s → %s to %s, %i roll-overs',
    (today, renewedOn, termEnd, rolledOver) => {
      const evergreen = makeContract({
        endDate: day('2024-01-31'),
        renewalTermMonths: 0,
        noticeDays: 30,
      });
      const term = currentTerm(evergreen, day(today));
      expect(term).toMatchObject({
        renewedOn,
        termEnd,
        rolledOver,
        monthToMonth: true,
        expired: false,
      });
    },
  );

  it('chains renewals from the stored end date: a term ending Feb 29 renews March 1 – 31', () => {
    const monthly = makeContract({ endDate: day('2024-02-29'), renewalTermMonths: 1 });
    expect(currentTerm(monthly, day('2024-03-15'))).toMatchObject({
      renewedOn: '2024-03-01',
      termEnd: '2024-03-31',
      monthToMonth: false,
    });
  });

  it('leaves a contract without auto-renewal expired past its end date', () => {
    const fixed = makeContract({ endDate: day('2024-12-31'), autoRenew: false });
    expect(currentTerm(fixed, day('2025-03-01'))).toEqual({
      renewedOn: null,
      termEnd: '2024-12-31',
      noticeDeadline: '2024-11-01',
      rolledOver: 0,
      monthToMonth: true,
      expired: true,
    });
    expect(currentTerm(fixed, day('2024-12-31')).expired).toBe(false);
  });

  it('is the initial term before the contract starts', () => {
    expect(currentTerm(yearly, day('2020-01-01'))).toMatchObject({
      rolledOver: 0,
      termEnd: '2024-12-31',
    });
  });
});
