import { describe, expect, it } from 'vitest';
import { readContractsCsv } from '../../../shared/contracts/csv';
import { noticeDaysForMonths } from '../../../shared/contracts/notice';
import { currentTerm } from '../../../shared/contracts/terms';
import { addMonths } from '../../../shared/dates';
import { day, utf8 } from './helpers';

const HEADER = 'Contract ID,Carrier,Start Date,Term Months,End Date,Auto Renew,Renewal Term,Notice';

describe('a notice period written in months', () => {
  it.each<[string, string, string, number, string]>([
    ['3 months', '2027-02-28', '12', 92, '2026-11-28'],
    ['2 months', '2027-03-31', '12', 60, '2027-01-30'],
    ['1 month', '2026-06-30', 'MTM', 31, '2026-05-30'],
    ['3 mo', '2026-12-31', '12', 92, '2026-09-30'],
  ])(
    '%s before %s (renewing %s) is %i days: notice by %s',
    (notice, end, renewal, days, deadline) => {
      const { rows, errors } = readContractsCsv(
        utf8(`${HEADER}\nC-1,Lumen,2024-01-01,36,${end},Yes,${renewal},${notice}\n`),
      );
      expect(errors).toEqual([]);
      expect(rows[0]?.noticeDays).toBe(days);
      const contract = rows[0];
      if (contract === undefined) return;
      expect(currentTerm(contract, day('2026-01-01')).noticeDeadline).toBe(deadline);
    },
  );

  it.each<[number, string, number]>([
    [1, '2027-03-31', 12],
    [2, '2027-03-31', 12],
    [3, '2027-02-28', 12],
    [6, '2026-08-31', 1],
    [3, '2028-02-29', 0],
    // Long renewal terms reach a leap-year end only decades on (2 months before 2032-03-31 is 60 days).
    [2, '2027-03-31', 60],
    [2, '2027-03-31', 36],
  ])(
    'never makes a deadline later than %i calendar months before %s, in any renewal term',
    (months, end, renewal) => {
      const noticeDays = noticeDaysForMonths(months, day(end), renewal);
      const contract = {
        endDate: day(end),
        noticeDays,
        autoRenew: true,
        renewalTermMonths: renewal,
      };
      for (let year = 2026; year <= 2060; year += 1) {
        const term = currentTerm(contract, day(`${year}-06-15`));
        expect(term.noticeDeadline <= addMonths(term.termEnd, -months)).toBe(true);
      }
    },
  );

  it('refuses other words with a sentence naming days and months', () => {
    const { errors } = readContractsCsv(
      utf8(`${HEADER}\nC-1,Lumen,2024-01-01,36,,Yes,12,a quarter\n`),
    );
    expect(errors.map((error) => error.message)).toEqual([
      'Row 2, column "Notice": expected a whole number of days like 60 (or months, like 3 months) but found "a quarter".',
    ]);
  });
});
