import { describe, it, expect } from 'vitest';
import type { DateOrder, IsoDate, IsoMonth } from '../../shared/dates';
import {
  addDays,
  addMonths,
  compareIsoDate,
  daysBetween,
  detectDateOrder,
  endOfMonth,
  isIsoDate,
  isoDate,
  isoMonth,
  isoMonthOf,
  monthRange,
  parseDate,
  parseDateRange,
  startOfMonth,
  todayIso,
} from '../../shared/dates';

const day = (text: string): IsoDate => {
  if (!isIsoDate(text)) throw new Error(`bad test date ${text}`);
  return text;
};
const month = (text: string): IsoMonth =>
  isoMonth(Number(text.slice(0, 4)), Number(text.slice(5, 7)));

describe('parseDate reads every date shape seen in carrier files', () => {
  it.each<[string, DateOrder, string]>([
    // FORMATS.md "the mess an importer must survive"
    ['Aug 16, 2021', 'MDY', '2021-08-16'],
    ['09/08/21', 'MDY', '2021-09-08'],
    ['09/08/21', 'DMY', '2021-08-09'],
    ['20230216', 'MDY', '2023-02-16'],
    ['20230216', 'DMY', '2023-02-16'],
    ['20230216', 'YMD', '2023-02-16'],
    ['04202023', 'MDY', '2023-04-20'],
    ['20042023', 'DMY', '2023-04-20'],
    ['2023/02/01', 'MDY', '2023-02-01'],
    ['2023/02/01', 'DMY', '2023-02-01'],
    ['06-Feb-23', 'MDY', '2023-02-06'],
    ['06-Feb-23', 'DMY', '2023-02-06'],
    ['February 03, 2011', 'MDY', '2011-02-03'],
    ['8/5/2024', 'MDY', '2024-08-05'],
    ['8/5/2024', 'DMY', '2024-05-08'],
    ['2024-08-05', 'MDY', '2024-08-05'],
    ['2024-08-05', 'DMY', '2024-08-05'],
    ['2024-08-05T13:45:00Z', 'MDY', '2024-08-05'],
    ['2024-08-05T23:59:59.123-07:00', 'DMY', '2024-08-05'],
    ['2024-08-05 00:30:00', 'MDY', '2024-08-05'],
    // other shapes
    ['  Aug 16, 2021 ', 'MDY', '2021-08-16'],
    ['AUG 16 2021', 'MDY', '2021-08-16'],
    ['Sept. 5, 2024', 'MDY', '2024-09-05'],
    ['16 Aug 2021', 'MDY', '2021-08-16'],
    ['Mon, Aug 16, 2021', 'MDY', '2021-08-16'],
    ['2023-Feb-06', 'MDY', '2023-02-06'],
    ['23/02/01', 'YMD', '2023-02-01'],
    ['16.08.2021', 'DMY', '2021-08-16'],
    ['8/5/2024 13:45', 'MDY', '2024-08-05'],
    ['08/05/2024 12:00:00 AM', 'MDY', '2024-08-05'],
    ['02/29/2024', 'MDY', '2024-02-29'],
    ['"09/08/21"', 'MDY', '2021-09-08'],
  ])('%j (%s) → %s', (text, order, expected) => {
    expect(parseDate(text, order)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, number, string]>([
    ['09/08/68', 2068, '2068-09-08'],
    ['09/08/69', 2068, '1969-09-08'],
    ['01/01/00', 2068, '2000-01-01'],
    ['12/31/99', 2068, '1999-12-31'],
    ['09/08/45', 2040, '1945-09-08'],
    ['09/08/40', 2040, '2040-09-08'],
  ])('two-digit year %j with pivot %i → %s', (text, pivotYear, expected) => {
    expect(parseDate(text, 'MDY', { pivotYear })).toEqual({ ok: true, value: expected });
  });

  it.each<[string, DateOrder, string, string]>([
    ['07/21', 'MDY', '2021-08-16', '2021-07-21'],
    ['08/16', 'MDY', '2021-08-16', '2021-08-16'],
    ['08/17', 'MDY', '2021-08-16', '2020-08-17'],
    ['12/30', 'MDY', '2022-01-05', '2021-12-30'],
    ['21/07', 'DMY', '2021-08-16', '2021-07-21'],
    ['02/29', 'MDY', '2023-03-01', '2020-02-29'],
    ['Jul 17', 'MDY', '2021-08-16', '2021-07-17'],
  ])('%j (%s) without a year, bill date %s → %s', (text, order, referenceDate, expected) => {
    expect(parseDate(text, order, { referenceDate: day(referenceDate) })).toEqual({
      ok: true,
      value: expected,
    });
  });

  it.each(['', '   ', 'N/A', 'NA', '-'])('%j → null', (text) => {
    expect(parseDate(text, 'MDY')).toEqual({ ok: true, value: null });
  });

  it.each<[string, DateOrder, string]>([
    [
      '02/30/2023',
      'MDY',
      '"02/30/2023" is not a real date when read as month/day/year: February 2023 has 28 days.',
    ],
    ['Feb 30, 2023', 'MDY', '"Feb 30, 2023" is not a real date: February 2023 has 28 days.'],
    ['02/29/2023', 'MDY', 'February 2023 has 28 days'],
    ['13/01/2023', 'MDY', 'when read as month/day/year: there is no month 13.'],
    ['08/16/2021', 'DMY', 'when read as day/month/year: there is no month 16.'],
    ['20231301', 'YMD', 'is not a real date when read as YYYYMMDD'],
    ['13202023', 'MDY', 'when read as MMDDYYYY or YYYYMMDD'],
    ['2023-02-30', 'MDY', 'February 2023 has 28 days'],
    ['2023-13-01T00:00:00Z', 'MDY', 'there is no month 13'],
    ['8/5/2024', 'YMD', "does not fit the file's date order (year/month/day)"],
    ['07/21', 'MDY', 'has no year, and there is no bill date to take it from'],
    ['02/30', 'MDY', 'February has 29 days'],
    ['Jul 17 -Aug 16 ', 'MDY', 'is not a date we can read'],
    ['hello', 'MDY', '"hello" is not a date we can read; expected something like 08/16/2021'],
    ['hello', 'DMY', 'expected something like 16/08/2021'],
    ['Smarch 3, 2021', 'MDY', 'is not a date we can read'],
    ['Aug 2021', 'MDY', 'is not a date we can read'],
    ['230216', 'MDY', 'is not a date we can read'],
    ['7:15A', 'MDY', 'is not a date we can read'],
    ['09/08-21', 'MDY', 'is not a date we can read'],
  ])('%j (%s) is refused: %s', (text, order, message) => {
    const result = parseDate(text, order);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]?.message).toContain(message);
      expect(result.errors[0]?.value).toBe(text);
    }
  });
});

describe('detectDateOrder looks at a whole column', () => {
  it.each<[string[], ReturnType<typeof detectDateOrder>]>([
    [['08/16/2021', '09/08/2021'], { order: 'MDY' }],
    [['16/08/2021', '09/08/2021'], { order: 'DMY' }],
    [['09/08/2021', '10/08/2021'], { ambiguous: true, candidates: ['MDY', 'DMY'] }],
    [['09/08/21'], { ambiguous: true, candidates: ['MDY', 'DMY', 'YMD'] }],
    [['09/08/21', '12/31/21'], { order: 'MDY' }],
    [['2023/02/01', '2023/02/13'], { order: 'YMD' }],
    [['20230216', '20230301'], { order: 'YMD' }],
    [['04202023'], { order: 'MDY' }],
    [['2024-08-05T13:45:00Z', '2024-08-06'], { order: 'YMD' }],
    [['Aug 16, 2021', 'February 03, 2011', '06-Feb-23'], { order: 'MDY' }],
    [['01/01/2023', '02/02/2023'], { order: 'MDY' }],
    [['07/21', '07/30'], { order: 'MDY' }],
    [['8/5/2024', '', 'N/A', '8/13/2024'], { order: 'MDY' }],
    [['13/01/2023', '01/13/2023'], { none: true }],
    [['hello'], { none: true }],
    [['', ' '], { none: true }],
    [[], { none: true }],
  ])('%j → %j', (samples, expected) => {
    expect(detectDateOrder(samples)).toEqual(expected);
  });
});

describe('parseDateRange reads billing periods', () => {
  it.each<[string, DateOrder, string | undefined, string, string]>([
    ['Jul 17 -Aug 16 ', 'MDY', '2021-08-16', '2021-07-17', '2021-08-16'],
    ['Dec 17 -Jan 16 ', 'MDY', '2022-01-16', '2021-12-17', '2022-01-16'],
    ['Dec 17 -Jan 16', 'MDY', '2022-01-20', '2021-12-17', '2022-01-16'],
    ['Jul 12, 2023 - Aug 11, 2023', 'MDY', undefined, '2023-07-12', '2023-08-11'],
    ['"Jul 12, 2023 - Aug 11, 2023"', 'MDY', undefined, '2023-07-12', '2023-08-11'],
    ['Dec 12, 2023 - Jan 11, 2024', 'MDY', undefined, '2023-12-12', '2024-01-11'],
    ['Dec 12 - Jan 11, 2024', 'MDY', undefined, '2023-12-12', '2024-01-11'],
    ['Dec 12, 2023 - Jan 11', 'MDY', undefined, '2023-12-12', '2024-01-11'],
    ['07/17/2024-08/16/2024', 'MDY', undefined, '2024-07-17', '2024-08-16'],
    ['17/07/2024 - 16/08/2024', 'DMY', undefined, '2024-07-17', '2024-08-16'],
    ['2024-07-17 - 2024-08-16', 'MDY', undefined, '2024-07-17', '2024-08-16'],
    ['2024-07-17 to 2024-08-16', 'MDY', undefined, '2024-07-17', '2024-08-16'],
    ['06-Feb-23 - 05-Mar-23', 'MDY', undefined, '2023-02-06', '2023-03-05'],
    ['20240717-20240816', 'YMD', undefined, '2024-07-17', '2024-08-16'],
    ['Jul 17 – Aug 16', 'MDY', '2021-08-16', '2021-07-17', '2021-08-16'],
  ])('%j (%s, bill date %s) → %s … %s', (text, order, reference, start, end) => {
    const result = parseDateRange(
      text,
      order,
      reference === undefined ? undefined : day(reference),
    );
    expect(result).toEqual({ ok: true, value: { start, end } });
  });

  it.each(['', '  ', 'N/A'])('%j → null', (text) => {
    expect(parseDateRange(text, 'MDY')).toEqual({ ok: true, value: null });
  });

  it.each<[string, string | undefined, string]>([
    ['Jul 17 -Aug 16 ', undefined, 'has no year, and there is no bill date'],
    ['Aug 11, 2023 - Jul 12, 2023', undefined, 'ends (2023-07-12) before it starts (2023-08-11)'],
    ['Feb 30, 2023 - Mar 29, 2023', undefined, '"Feb 30, 2023" is not a real date'],
    ['07/17/2024', undefined, 'is not a period we can read'],
    ['soon - later', undefined, 'is not a period we can read'],
    ['Jul 17 -', '2021-08-16', 'is not a period we can read'],
  ])('%j is refused: %s', (text, reference, message) => {
    const result = parseDateRange(
      text,
      'MDY',
      reference === undefined ? undefined : day(reference),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toContain(message);
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-08-15', 12, '2025-08-15'],
    ['2024-01-15', -13, '2022-12-15'],
    ['2024-12-31', 2, '2025-02-28'],
    ['2024-02-29', 36, '2027-02-28'],
  ])('addMonths(%s, %i) → %s', (date, months, expected) => {
    expect(addMonths(day(date), months)).toBe(expected);
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-03-10', -10, '2024-02-29'],
    ['2024-03-09', 1, '2024-03-10'], // US daylight-saving change: still one day
    ['0099-12-31', 1, '0100-01-01'],
  ])('addDays(%s, %i) → %s', (date, days, expected) => {
    expect(addDays(day(date), days)).toBe(expected);
  });

  it.each([
    ['2024-01-31', '2024-03-01', 30],
    ['2024-03-01', '2024-01-31', -30],
    ['2024-11-01', '2024-11-05', 4],
    ['2023-01-01', '2024-01-01', 365],
  ])('daysBetween(%s, %s) → %i', (from, to, expected) => {
    expect(daysBetween(day(from), day(to))).toBe(expected);
  });

  it('month helpers', () => {
    expect(isoMonthOf(day('2024-08-05'))).toBe('2024-08');
    expect(endOfMonth(day('2024-02-10'))).toBe('2024-02-29');
    expect(endOfMonth(month('1900-02'))).toBe('1900-02-28');
    expect(startOfMonth(day('2024-02-10'))).toBe('2024-02-01');
    expect(monthRange(month('2023-11'), month('2024-02'))).toEqual([
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ]);
    expect(monthRange(month('2024-02'), month('2024-02'))).toEqual(['2024-02']);
    expect(monthRange(month('2024-03'), month('2024-02'))).toEqual([]);
    expect([day('2024-02-01'), day('2023-12-31'), day('2024-01-15')].sort(compareIsoDate)).toEqual([
      '2023-12-31',
      '2024-01-15',
      '2024-02-01',
    ]);
  });

  it('todayIso uses the local calendar date of the given clock', () => {
    expect(todayIso(new Date(2024, 7, 5, 23, 59))).toBe('2024-08-05');
    expect(todayIso(new Date(2024, 0, 1, 0, 0))).toBe('2024-01-01');
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-8-5', false],
    ['2024-08-05T00:00:00Z', false],
  ])('isIsoDate(%j) → %s', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
  });

  it('isoDate() throws on an impossible date (programmer error)', () => {
    expect(() => isoDate(2023, 2, 29)).toThrow(RangeError);
    expect(isoDate(2023, 2, 28)).toBe('2023-02-28');
  });
});
