/**
 * Bad data in well-formed files: amounts and totals out of range, dates a century away, twin
 * columns, decimal conventions that vary, and thousands of bad rows. Each is a row or file error
 * with a sentence, never an exception and never a guess.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aggregateLines, checkedLinesTotal } from '../../../shared/billing/aggregates';
import { columnChoiceSentence, problemCount } from '../../../shared/import/draft';
import { LISTED_ROW_ERRORS } from '../../../shared/import/limits';
import { guessMapping } from '../../../shared/import/mapping';
import { CARRIER_PROFILES } from '../../../shared/import/profiles/index';
import type { ReadBillOptions, ReadOutcome } from '../../../shared/import/read-bill';
import { cents } from '../../../shared/money/cents';
import { readBill } from '../../helpers/read-bill';

const HEADER = 'Carrier,Account Number,Invoice Number,Invoice Date,Category,Amount';

function csv(rows: readonly string[], header = HEADER): Uint8Array {
  return new TextEncoder().encode(`${header}\n${rows.join('\n')}\n`);
}

function row(amount: string, date = '2026-10-01', invoice = '754240482'): string {
  return `Lumen,5-KE4X-001,${invoice},${date},MRC,${amount}`;
}

function read(bytes: Uint8Array, options: ReadBillOptions = {}): ReadOutcome {
  return readBill([{ name: 'bill.csv', bytes }], options);
}

function errorsOf(outcome: ReadOutcome): string[] {
  if (outcome.kind === 'draft') return outcome.draft.errors.map((error) => error.message);
  if (outcome.kind === 'unreadable') return [outcome.message];
  return [outcome.kind];
}

describe('money out of range is an error, never a RangeError', () => {
  it('refuses one amount beyond $1,000,000,000.00 as a row error', () => {
    const outcome = read(csv([row('850.00'), row('99999999999.00')]));
    expect(outcome.kind).toBe('draft');
    expect(errorsOf(outcome)).toEqual([
      expect.stringContaining(
        'Row 3, column "Amount": the amount "99999999999.00" is beyond $1,000,000,000.00',
      ),
    ]);
  });

  it('refuses an amount too large for any number as a row error', () => {
    expect(errorsOf(read(csv([row('"99,999,999,999,999,999,999.00"')])))).toEqual([
      expect.stringContaining('is too large to be an amount of money'),
    ]);
  });

  it('refuses a file whose lines add up past $10,000,000,000.00 (a file error, nothing read)', () => {
    const rows = Array.from({ length: 12 }, () => row('999999999.00'));
    const outcome = read(csv(rows));
    expect(outcome.kind).toBe('unreadable');
    expect(errorsOf(outcome)[0]).toMatch(
      /The charges of invoice 754240482 \(account 5-KE4X-001\) in "bill\.csv" add up to more than \$10,000,000,000\.00/,
    );
  });

  it('checks sums at every step (aggregates)', () => {
    expect(checkedLinesTotal([500_000_000_000, 600_000_000_000, -600_000_000_000])).toBeNull();
    expect(checkedLinesTotal([1, 2, 3])).toBe(6);
    expect(() =>
      aggregateLines([
        { amount: cents(Number.MAX_SAFE_INTEGER), category: 'recurring' },
        { amount: cents(Number.MAX_SAFE_INTEGER), category: 'recurring' },
      ]),
    ).toThrow(/the importer should have refused them/);
  });
});

describe('bill dates are bounded to 1990–2100 unless allowed', () => {
  it.each([
    ['9999-12-31', '9999-12-31'],
    ['1900-01-01', '1900-01-01'],
  ])('refuses an invoice dated %s, naming the date', (date) => {
    const outcome = read(csv([row('850.00'), row('12.00', date, '999')]));
    expect(outcome.kind === 'draft' && outcome.draft.invoices.map((i) => i.invoiceNumber)).toEqual([
      '754240482',
    ]);
    expect(errorsOf(outcome)).toEqual([
      `Row 3: the invoice date ${date} of invoice 999 (account 5-KE4X-001) is outside the years 1990–2100, so this charge is not imported. If the date is right, allow dates outside these years (Settings → Import limits, or the CLI's --allow-any-year) and import the file again.`,
    ]);
  });

  it('names every charge of an invoice refused for its date, with its amount', () => {
    const outcome = read(csv([row('850.00', '2206-10-01'), row('12.00', '2206-10-01')]));
    expect(outcome.kind === 'draft' && outcome.draft.errors.map((e) => [e.row, e.amount])).toEqual([
      [2, '850.00'],
      [3, '12.00'],
    ]);
  });

  it('reads such dates when the user confirmed them', () => {
    const outcome = read(csv([row('12.00', '1985-06-01')]), {
      limits: { allowDatesOutsideYears: true },
    });
    expect(outcome.kind === 'draft' && outcome.draft.invoices[0]?.invoiceDate).toBe('1985-06-01');
  });

  it('refuses a charge line whose service period is out of range', () => {
    const header = `${HEADER},Period Start`;
    const outcome = read(csv([`${row('850.00')},2026-09-01`, `${row('5.00')},2999-09-01`], header));
    expect(outcome.kind === 'draft' && outcome.draft.lines.length).toBe(1);
    expect(errorsOf(outcome)).toEqual([
      expect.stringContaining('Row 3: the service period date 2999-09-01 is outside the years'),
    ]);
  });
});

describe('strict columns', () => {
  it('refuses two columns of the same name that hold a field, naming both', () => {
    const outcome = read(csv([`${row('850.00')},950.00`], `${HEADER},amount`));
    expect(outcome.kind).toBe('unreadable');
    expect(errorsOf(outcome)[0]).toBe(
      'The file has two columns named "Amount" (columns 6 and 7), and TEM Desk would read only one of them. Rename or remove one of the two and import the file again.',
    );
  });

  it("reads one of several aliases of a field by the layout's priority, and says which", () => {
    const header = 'Carrier,Account Number,Invoice Number,Invoice Date,Category,Cost,Charge,Amount';
    const outcome = read(
      csv(['Lumen,5-KE4X-001,754240482,2026-10-01,MRC,1.00,2.00,850.00'], header),
    );
    if (outcome.kind !== 'draft') throw new Error(`not a draft: ${outcome.kind}`);
    expect(outcome.draft.lines.map((line) => line.amount)).toEqual([cents(85000)]);
    expect(outcome.draft.columnChoices).toEqual([
      { sourceFile: 'bill.csv', field: 'Amount', used: 'Amount', notUsed: ['Charge', 'Cost'] },
    ]);
    expect(outcome.draft.columnChoices?.map(columnChoiceSentence)).toEqual([
      'Amount read from “Amount”; “Charge”, “Cost” not used.',
    ]);
  });

  it('says which column it read when a mapping gives a field two columns', () => {
    const header = 'Vendor Ref,Acct,Bill Dt,Net,Gross';
    const base = guessMapping(header.split(','));
    const mapping = {
      ...base,
      carrierName: 'Lumen',
      columns: {
        'Vendor Ref': 'invoiceNumber',
        Acct: 'accountNumber',
        'Bill Dt': 'invoiceDate',
        Net: 'amount',
        Gross: 'amount',
      } as const,
      dateOrder: 'YMD' as const,
    };
    const outcome = read(csv(['INV-1,5-KE4X-001,2026-10-01,850.00,900.00'], header), { mapping });
    if (outcome.kind !== 'draft') throw new Error(`not a draft: ${outcome.kind}`);
    expect(outcome.draft.lines.map((line) => line.amount)).toEqual([cents(85000)]);
    expect(outcome.draft.columnChoices?.map(columnChoiceSentence)).toEqual([
      'Amount read from “Net”; “Gross” not used.',
    ]);
  });

  it('notes no choice when each field has one column', () => {
    const outcome = read(csv([row('850.00')]));
    if (outcome.kind !== 'draft') throw new Error(`not a draft: ${outcome.kind}`);
    expect(outcome.draft.columnChoices).toBeUndefined();
  });

  it('accepts two columns of the same name that no field uses', () => {
    const outcome = read(csv([`${row('850.00')},a,b`], `${HEADER},Notes,Notes`));
    expect(outcome.kind).toBe('draft');
  });
});

describe('the README documents the alias priority', () => {
  it('lists every field with several names, in the order the layout reads them', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const expected = CARRIER_PROFILES.flatMap((profile) =>
      profile.layouts.flatMap((layout) =>
        Object.values(layout.columns)
          .filter((spec) => spec.aliases.length > 1)
          .map(
            (spec) =>
              `| ${layout.name ?? profile.layoutName} | ${spec.aliases[0] ?? ''} | ${spec.aliases.join(', ')} |`,
          ),
      ),
    );
    const section = readme.slice(readme.indexOf('## Limits and bad input'));
    const lines = section
      .slice(section.indexOf('| layout | field |'))
      .split('\n')
      .map((line) => line.trim());
    const end = lines.findIndex((line) => !line.startsWith('|'));
    const documented = lines.slice(2, end);
    expect(documented).toEqual(expected);
  });
});

describe('a decimal convention that varies is never guessed', () => {
  it('refuses "1.234" in a file that writes "1,850.00", naming the rows', () => {
    const outcome = read(csv([row('"1,850.00"'), row('12.50'), row('1.234')]));
    expect(outcome.kind).toBe('unreadable');
    expect(errorsOf(outcome)[0]).toBe(
      'The amounts in "bill.csv" are written two ways: row 2 writes "1,850.00" with a thousands separator, but row 4 ("1.234") could be read either way ("1.234" is $1.23 one way or $1,234.00 the other). TEM Desk does not guess: correct those cells in the file, or map its columns and choose its decimal separator, then import it again.',
    );
  });

  it('reads three decimals when nothing in the file says otherwise', () => {
    expect(read(csv([row('1.234'), row('12.50')])).kind).toBe('draft');
  });

  it('reads "0.125" (a fraction of a dollar, never thousands) next to "1,850.00"', () => {
    expect(read(csv([row('"1,850.00"'), row('0.125')])).kind).toBe('draft');
  });
});

describe('row errors are capped', () => {
  it('lists the first problems and counts the rest', () => {
    const rows = Array.from({ length: LISTED_ROW_ERRORS + 3_402 }, () => row('abc'));
    const outcome = read(csv([row('850.00'), ...rows]));
    const errors = errorsOf(outcome);
    expect(errors).toHaveLength(LISTED_ROW_ERRORS + 1);
    expect(errors.at(-1)).toBe(
      '… and 3,402 more rows that could not be read (only the first 1,000 problems are listed).',
    );
    expect(outcome.kind === 'draft' && outcome.draft.unlistedErrorRows).toBe(3_402);
    expect(outcome.kind === 'draft' && problemCount(outcome.draft)).toBe(LISTED_ROW_ERRORS + 3_402);
  });

  it('caps width problems the same way', () => {
    const rows = Array.from({ length: LISTED_ROW_ERRORS + 10 }, () => 'a,b');
    const errors = errorsOf(read(csv([row('850.00'), ...rows])));
    expect(errors.at(-1)).toBe(
      '… and 10 more rows that could not be read (only the first 1,000 problems are listed).',
    );
  });

  it('caps the length of a message quoting a huge cell', () => {
    const errors = errorsOf(read(csv([row('850.00'), row('x'.repeat(50_000))])));
    expect(errors[0]?.length).toBeLessThanOrEqual(600);
  });
});
