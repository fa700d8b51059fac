import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { centsFromText } from '../../../shared/money/cents';
import { strToU8 } from 'fflate';
import { isoDate, parseDateRange } from '../../../shared/dates';
import { seededRandom } from '../../fixtures/generate/random';
import { mostlyDigits } from '../../helpers/random-text';
import { CellReader, extrasFromCells } from '../../../shared/import/cells';
import type { RowError } from '../../../shared/import/draft';
import { readBills } from '../../../shared/import/read-bill';
import { readBill } from '../../helpers/read-bill';
import { fixtureFile, readDraft, zipOf } from './fixtures';

describe('readBill asks instead of guessing', () => {
  it('an unknown layout → needs-mapping with a sensible guess and a sample', () => {
    const outcome = readBill([fixtureFile('unknown-layout.csv')]);
    expect(outcome.kind).toBe('needs-mapping');
    if (outcome.kind !== 'needs-mapping') return;
    expect(outcome.header[0]).toBe('Vendor');
    expect(outcome.sample).toHaveLength(2);
    expect(outcome.guess.columns).toMatchObject({
      Vendor: 'carrier',
      'Customer Acct Nbr': 'accountNumber',
      'Bill Date': 'invoiceDate',
      Circuit: 'serviceId',
      'Monthly Cost': 'amount',
    });
    expect(outcome.drift).toBeUndefined();
  });

  it('the mapping made in the wizard, or a saved one, then imports with no questions', () => {
    const first = readBill([fixtureFile('unknown-layout.csv')]);
    if (first.kind !== 'needs-mapping') throw new Error(first.kind);
    const draft = readDraft([fixtureFile('unknown-layout.csv')], { mapping: first.guess });
    expect(draft.lines).toHaveLength(2);
    expect(draft.invoices[0]).toMatchObject({
      carrierName: 'Zayo',
      invoiceNumber: 'Z-55-20240201',
      invoiceDate: '2024-02-01',
    });
    const again = readDraft([fixtureFile('unknown-layout.csv')], { savedMappings: [first.guess] });
    expect(again.lines).toEqual(draft.lines);
  });

  it('a known carrier whose columns changed → needs-mapping with the drift', () => {
    const outcome = readBill([fixtureFile('verizon-drifted.txt')]);
    expect(outcome).toMatchObject({
      kind: 'needs-mapping',
      drift: {
        profileId: 'verizon-raw-data',
        missing: ['Monthly Charges'],
        added: ['Monthly Access Charges'],
      },
    });
  });

  it('ambiguous dates → needs-date-order with examples', () => {
    const outcome = readBill([fixtureFile('temdesk-ambiguous-dates.csv')]);
    expect(outcome).toEqual({
      kind: 'needs-date-order',
      fileName: 'temdesk-ambiguous-dates.csv',
      candidates: ['MDY', 'DMY'],
      examples: ['01/02/2024', '03/04/2024'],
    });
  });

  it.each([
    ['the answer', { dateOrder: 'DMY' as const }, '2024-02-01'],
    ['the default order', { defaultDateOrder: 'MDY' as const }, '2024-01-02'],
  ])('ambiguous dates are read with %s', (_name, options, invoiceDate) => {
    const draft = readDraft([fixtureFile('temdesk-ambiguous-dates.csv')], options);
    expect(draft.invoices[0]?.invoiceDate).toBe(invoiceDate);
  });

  it('a T-Mobile summary without account and date → needs-invoice-details, then reads with them', () => {
    const bare = fixtureFile('tmobile-summary-bare.csv');
    expect(readBill([bare])).toEqual({
      kind: 'needs-invoice-details',
      fileName: 'tmobile-summary-bare.csv',
      profileId: 'tmobile',
      missing: ['accountNumber', 'invoiceDate'],
      note: 'This T-Mobile summary export does not say which invoice it is: give what the printed bill shows; it applies to every line of the file.',
    });
    const draft = readDraft([bare], {
      invoiceDetails: {
        'tmobile-summary-bare.csv': {
          accountNumber: '958000001',
          invoiceDate: isoDate(2023, 8, 11),
        },
      },
    });
    expect(draft.invoices[0]).toMatchObject({
      accountNumber: '958000001',
      invoiceNumber: '958000001-20230811',
    });
    expect(draft.lines.reduce((sum, l) => sum + l.amount, 0)).toBe(43_15);
  });

  it('a damaged ZIP or a file with no columns → unreadable with a sentence', () => {
    expect(
      readBill([{ name: 'v.zip', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]) }]).kind,
    ).toBe('unreadable');
    expect(
      readBill([{ name: 'notes.txt', bytes: strToU8('just some words\nand more') }]),
    ).toMatchObject({
      kind: 'unreadable',
      message: expect.stringMatching(/No columns found/),
    });
  });

  it('a Verizon usage-detail file alone is refused, naming the summary to import with it', () => {
    expect(readBill([fixtureFile('verizon-usage-detail.txt')])).toMatchObject({
      kind: 'unreadable',
      message: expect.stringMatching(
        /Account & Wireless Summary of account 123456789-00001, invoice 9876543210 \(import the whole download\)/,
      ),
    });
  });
});

describe('readBills groups files', () => {
  it('reads the Verizon files given loose (not zipped) into one draft, and other carriers apart', () => {
    const outcomes = readBills([
      fixtureFile('verizon-wireless-summary.txt'),
      fixtureFile('att-premier-summary.csv'),
      fixtureFile('verizon-account-summary.txt'),
    ]);
    expect(outcomes.map((o) => (o.kind === 'draft' ? o.draft.profileId : o.kind))).toEqual([
      'verizon-raw-data',
      'att-premier-summary',
    ]);
    const verizon = outcomes[0];
    expect(verizon?.kind === 'draft' && verizon.draft.invoices[0]?.statedTotal).toBe(145_26);
    expect(verizon?.kind === 'draft' && verizon.files.map((f) => f.name)).toEqual([
      'verizon-wireless-summary.txt',
      'verizon-account-summary.txt',
    ]);
  });

  it('readBill refuses bills of several layouts at once with a sentence', () => {
    const outcome = readBill([
      fixtureFile('verizon-wireless-summary.txt'),
      fixtureFile('att-premier-summary.csv'),
    ]);
    expect(outcome).toMatchObject({
      kind: 'unreadable',
      message: expect.stringMatching(/different layouts/),
    });
  });

  it('reports encodings and text already holding U+FFFD', () => {
    const outcome = readBill([fixtureFile('replacement-chars.csv')]);
    expect(outcome.kind === 'draft' && outcome.draft.warnings?.[0]?.message).toMatch(
      /1 unreadable character/,
    );
    const bom = readBill([fixtureFile('temdesk-charges-bom.csv')]);
    expect(bom.kind === 'draft' && bom.files[0]?.encoding).toBe('utf-8-bom');
  });

  it('reports progress from 0 to 1', () => {
    const seen: number[] = [];
    readBill(
      [
        zipOf('v.zip', {
          'a.txt': 'verizon-wireless-summary.txt',
          'b.txt': 'verizon-account-summary.txt',
        }),
      ],
      {
        onProgress: (fraction) => seen.push(fraction),
      },
    );
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('warns when a stated total does not reconcile with the lines', () => {
    const text =
      'Carrier,Account Number,Invoice Number,Invoice Date,Category,Amount,Invoice Total\nLumen,1,I-1,2024-01-01,MRC,10.00,12.00\n';
    const draft = readDraft([{ name: 'x.csv', bytes: strToU8(text) }]);
    expect(draft.warnings?.[0]).toMatchObject({
      row: 2,
      message: expect.stringMatching(/states a total of \$12\.00 but its lines add up to \$10\.00/),
    });
  });
});

/** A bare error log for a reader used on its own. */
function errorLog(errors: RowError[]) {
  return { errors, unlistedRows: 0, decimalEvidence: new Map() };
}

describe('CellReader reads amounts and dates in every form', () => {
  const errors: RowError[] = [];
  const reader = new CellReader('f.csv', ['Amount'], errorLog(errors));
  it.each<[string, number | null]>([
    ['$0.00', 0],
    ['($948.03)', -948_03],
    ['-$329.45', -329_45],
    ['$-119567.15', -119567_15],
    ['$.15', 15],
    ['.74', 74],
    ['2,393', 2393_00],
    ['N/A', null],
    ['NA', null],
    ['', null],
  ])('%s → %s', (text, expected) => {
    reader.startRow(2, [text]);
    expect(reader.cents(0)).toBe(expected);
    expect(reader.failed).toBe(false);
  });

  it.each<[string, string]>([
    ['Aug 16, 2021', '2021-08-16'],
    ['09/08/21', '2021-09-08'],
    ['20230216', '2023-02-16'],
    ['04202023', '2023-04-20'],
    ['2023/02/01', '2023-02-01'],
    ['06-Feb-23', '2023-02-06'],
    ['February 03, 2011', '2011-02-03'],
    ['8/5/2024', '2024-08-05'],
    ['2024-08-05T13:45:00Z', '2024-08-05'],
  ])('date %s → %s', (text, expected) => {
    reader.startRow(3, [text]);
    expect(reader.date(0, 'MDY')).toBe(expected);
  });

  it('a quantity where money belongs is a row error with the column and value', () => {
    reader.startRow(14, ['0.7309 GB']);
    expect(reader.cents(0)).toBeNull();
    expect(reader.failed).toBe(true);
    expect(errors.at(-1)).toMatchObject({
      row: 14,
      column: 'Amount',
      value: '0.7309 GB',
      sourceFile: 'f.csv',
    });
  });
});

describe('CellReader fast path for plain amounts', () => {
  it('agrees with centsFromText on every plain decimal', () => {
    const reader = new CellReader('f.csv', ['Amount'], errorLog([]));
    fc.assert(
      fc.property(
        fc.integer({ min: -99_999_999_99, max: 99_999_999_99 }),
        fc.boolean(),
        (value, oneDecimal) => {
          const magnitude = Math.abs(value);
          const text = `${value < 0 ? '-' : ''}${Math.trunc(magnitude / 100)}${
            oneDecimal && magnitude % 10 === 0
              ? `.${(magnitude % 100) / 10}`
              : `.${String(magnitude % 100).padStart(2, '0')}`
          }`;
          reader.startRow(2, [text]);
          const expected = centsFromText(text);
          expect(expected.ok && reader.cents(0)).toBe(expected.ok && expected.value);
        },
      ),
    );
  });
});

describe('CellReader keeps its period readings', () => {
  it('reads each period as a fresh reader (parseDateRange) does, its errors on every row', () => {
    const texts = [
      'Apr 17 -May 16 ',
      'Apr 12, 2026 - May 11, 2026',
      '07/17/2024-08/16/2024',
      'Dec 17 - Jan 16',
      'Feb 30 - Mar 29',
      'May 16 - Apr 17, 2026',
      'soon',
      'N/A',
      '',
    ];
    const references = [undefined, isoDate(2026, 5, 16), isoDate(2022, 1, 16)];
    const header = ['A', 'Bill Period'];
    const random = seededRandom(3);
    const errors: RowError[] = [];
    const reader = new CellReader('f.csv', header, errorLog(errors));
    for (let row = 2; row < 400; row += 1) {
      const text = texts[Math.floor(random() * texts.length)] ?? '';
      const referenceDate = references[Math.floor(random() * references.length)];
      const column = random() < 0.5 ? 0 : 1;
      const cells = ['', ''];
      cells[column] = text;
      reader.startRow(row, cells);
      const before = errors.length;
      const range = reader.dateRange(column, 'MDY', referenceDate);
      const freshErrors: RowError[] = [];
      const fresh = new CellReader('f.csv', header, errorLog(freshErrors));
      fresh.startRow(row, cells);
      const expected = fresh.dateRange(column, 'MDY', referenceDate);
      const parsed = parseDateRange(text, 'MDY', referenceDate);
      expect([text, referenceDate, range]).toEqual([text, referenceDate, expected]);
      expect(range).toEqual(parsed.ok ? parsed.value : null);
      expect(reader.failed).toBe(fresh.failed);
      expect(errors.slice(before)).toEqual(freshErrors);
    }
  });
});

describe('CellReader quantities', () => {
  /** `CellReader.quantity` as it was: the checks in order (a bare count first). */
  function quantityByChecks(raw: string): number | null | 'error' {
    const text = raw.trim();
    if (/^\d{1,15}$/.test(text)) return Number(text);
    if (['', '-', '--', 'N/A', 'NA', 'NONE'].includes(text.toUpperCase())) return null;
    if (!/^[-+]?(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d+)?$/.test(text) || !/\d/.test(text)) {
      return 'error';
    }
    return Number(text.replace(/,/g, ''));
  }

  it('read as the checks did, on 30,000 random texts of digits, commas and points', () => {
    const random = seededRandom(9);
    const alphabet = ',,,.- +nNaA/';
    const reader = new CellReader('f.csv', ['Count'], errorLog([]));
    for (let i = 0; i < 30_000; i += 1) {
      const text = mostlyDigits(random, 21, alphabet, 0.75);
      reader.startRow(2, [text]);
      const value = reader.quantity(0);
      expect([text, reader.failed ? 'error' : value]).toEqual([text, quantityByChecks(text)]);
    }
    for (const text of ['1,618', '16,743,380', '999,999,999,999,999', '1,000,000,000,000,000']) {
      reader.startRow(2, [text]);
      expect([text, reader.quantity(0)]).toEqual([text, quantityByChecks(text)]);
    }
  });
});

describe('extrasFromCells', () => {
  /** As it was: every value upper-cased to find `N/A`. */
  function extrasByUpperCase(cells: string[], header: string[], indexes: number[]) {
    let extras: Record<string, string> | undefined;
    for (const index of indexes) {
      const value = (cells[index] ?? '').trim();
      const name = header[index];
      if (value === '' || value.toUpperCase() === 'N/A' || name === undefined || name === '')
        continue;
      extras ??= {};
      extras[name] = value;
    }
    return extras;
  }

  it('leaves out the same N/A values, on 20,000 random cells', () => {
    const random = seededRandom(13);
    const pieces = ['n', 'N', '/', 'a', 'A', ' ', 'ŉ', 'ß', 'ﬀ', 'x', '/A', 'N/'];
    const header = ['User', 'Plan', ''];
    for (let i = 0; i < 20_000; i += 1) {
      const cells = header.map(() => {
        let value = '';
        const length = Math.floor(random() * 5);
        for (let k = 0; k < length; k += 1) value += pieces[Math.floor(random() * pieces.length)];
        return value;
      });
      expect(extrasFromCells(cells, header, [0, 1, 2])).toEqual(
        extrasByUpperCase(cells, header, [0, 1, 2]),
      );
    }
  });
});

describe('a first charge row of text', () => {
  it('is a charge line (a credit dated "Oct 05, 2026"), never dropped as a second header row', () => {
    const csv = [
      'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount',
      'Lumen,5-ACME-001,INV-610,"Oct 05, 2026",DHEC.554433..WIN,Service credit,Credit,$12.00 CR',
      'Lumen,5-ACME-001,INV-610,"Oct 05, 2026",DHEC.554433..WIN,100M DIA,MRC,850.00',
      '',
    ].join('\n');
    const outcome = readBill([{ name: 'lumen.csv', bytes: strToU8(csv) }]);
    if (outcome.kind !== 'draft') throw new Error(JSON.stringify(outcome));
    expect(outcome.draft.lines.map((line) => [line.sourceRow, line.amount])).toEqual([
      [2, -1200],
      [3, 85000],
    ]);
    expect(outcome.draft.skipped).toEqual([]);
  });
});

describe('rows of one invoice', () => {
  it('with two invoice dates: the row dated otherwise is a row error naming both, never merged', () => {
    const csv = [
      'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount',
      'Lumen,5-ACME-001,INV-601,2026-10-05,DHEC.554433..WIN,DIA,MRC,100.00',
      'Lumen,5-ACME-001,INV-601,2026-10-07,BBEC.556677..LUMN,DIA,MRC,50.00',
      'Lumen,5-ACME-001,INV-601,2026-10-05,BBEC.556678..LUMN,DIA,MRC,25.00',
      '',
    ].join('\n');
    const outcome = readBill([{ name: 'lumen.csv', bytes: strToU8(csv) }]);
    if (outcome.kind !== 'draft') throw new Error(JSON.stringify(outcome));
    expect(outcome.draft.invoices.map((invoice) => invoice.invoiceDate)).toEqual(['2026-10-05']);
    expect(outcome.draft.lines.map((line) => line.amount)).toEqual([10000, 2500]);
    expect(outcome.draft.errors).toHaveLength(1);
    expect(outcome.draft.errors[0]).toMatchObject({ row: 3 });
    expect(outcome.draft.errors[0]?.message).toContain(
      'the invoice date 2026-10-07 differs from 2026-10-05 on row 2 of the same invoice (INV-601)',
    );
  });
});

describe('rows ending in blank cells past the header', () => {
  it('are read under their header (a spreadsheet’s empty columns saved as CSV), not "no header"', () => {
    const header =
      'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount';
    const rows = [
      'Lumen,5-ACME-001,INV-700,2026-10-05,DHEC.554433..WIN,DIA,MRC,850.00,,,',
      'Lumen,5-ACME-001,INV-700,2026-10-05,BBEC.556677..LUMN,DIA,MRC,25.00,,,',
      'Lumen,5-ACME-001,INV-700,2026-10-05,BBEC.556678..LUMN,DIA,MRC,5.00,,,',
    ];
    const outcome = readBill([
      { name: 'lumen.csv', bytes: strToU8([header, ...rows, ''].join('\n')) },
    ]);
    if (outcome.kind !== 'draft') throw new Error(JSON.stringify(outcome));
    expect(outcome.draft.lines.map((line) => line.amount)).toEqual([85000, 2500, 500]);
    expect(outcome.draft.errors).toEqual([]);
  });
});

describe('amounts with fractions of a cent', () => {
  const HEADER =
    'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount,Invoice Total';
  const read = (rows: string[]) => {
    const outcome = readBill([
      { name: 'lumen.csv', bytes: strToU8([HEADER, ...rows, ''].join('\n')) },
    ]);
    if (outcome.kind !== 'draft') throw new Error(JSON.stringify(outcome));
    return outcome.draft;
  };

  it('are rounded so an invoice’s lines make the exact sum of its amounts, and said', () => {
    const draft = read([
      'Lumen,5-ACME-001,INV-305,2026-10-05,DHEC.554433..WIN,call 1,Usage,0.333,851.00',
      'Lumen,5-ACME-001,INV-305,2026-10-05,DHEC.554433..WIN,call 2,Usage,0.333,851.00',
      'Lumen,5-ACME-001,INV-305,2026-10-05,DHEC.554433..WIN,call 3,Usage,0.334,851.00',
      'Lumen,5-ACME-001,INV-305,2026-10-05,DHEC.554433..WIN,DIA,MRC,850.00,851.00',
    ]);
    const amounts = draft.lines.map((line) => line.amount);
    expect(amounts.reduce((sum, amount) => sum + amount, 0)).toBe(85100);
    // Each line within a cent of its amount; the cent goes to the largest remainder.
    expect(amounts).toEqual([33, 33, 34, 85000]);
    const messages = (draft.warnings ?? []).map((warning) => warning.message);
    expect(messages).toEqual([
      '3 amounts have fractions of a cent (row 2: "0.333"). Each line is kept to the cent, rounded so that each invoice\'s lines add up to the exact sum of its amounts.',
    ]);
  });

  it('give the cent back when rounding each added one, credits and invoices apart', () => {
    const draft = read([
      'Lumen,5-ACME-001,INV-1,2026-10-05,A,c1,Usage,0.125,',
      'Lumen,5-ACME-001,INV-1,2026-10-05,A,c2,Usage,0.125,',
      'Lumen,5-ACME-001,INV-2,2026-10-05,A,c3,Credit,(0.105),',
      'Lumen,5-ACME-001,INV-2,2026-10-05,A,c4,Credit,(0.105),',
      'Lumen,5-ACME-001,INV-2,2026-10-05,A,c5,Credit,(0.105),',
    ]);
    // 0.25 exactly: one 0.125 is 0.13, the other 0.12; -0.315 is -0.32 (half away from zero).
    expect(draft.lines.map((line) => line.amount)).toEqual([12, 13, -10, -11, -11]);
  });
});

describe('an amount that says there is none', () => {
  it('is a row error quoting it ("N/A"), not "blank"', () => {
    const csv = [
      'Carrier,Account Number,Invoice Number,Invoice Date,Category,Amount',
      'Lumen,5-ACME-001,INV-9,2026-10-05,MRC,850.00',
      'Lumen,5-ACME-001,INV-9,2026-10-05,MRC,N/A',
      '',
    ].join('\n');
    const outcome = readBill([{ name: 'lumen.csv', bytes: strToU8(csv) }]);
    if (outcome.kind !== 'draft') throw new Error(JSON.stringify(outcome));
    expect(outcome.draft.errors.map((error) => error.message)).toEqual([
      expect.stringContaining(
        'the amount "N/A" says there is none; a charge line needs an amount (0.00 when nothing is charged).',
      ),
    ]);
  });
});
