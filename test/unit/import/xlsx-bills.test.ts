/**
 * Excel bills through `readBills`, one quirk per test: workbooks as Excel and Google Sheets write
 * them, and bent to hold each quirk real files have (see test/helpers/xlsx-build.ts).
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { expandUpload } from '../../../shared/import/archive';
import type { ReadOutcome } from '../../../shared/import/read-bill';
import { readBills } from '../../../shared/import/read-bill';
import { isXlsx } from '../../../shared/import/xlsx/package';
import { readTabularFile } from '../../../shared/inventory/table-file';
import type { TestCell, TestSheet, TestWorkbook } from '../../helpers/xlsx-build';
import { buildXlsx, CHARGE_LINE_HEADER, STYLE } from '../../helpers/xlsx-build';

const HEADER = CHARGE_LINE_HEADER;

/** 2026-10-01 in the 1900 date system. */
const OCT_1 = 46296;

function chargeRows(amounts: TestCell[], date: TestCell = { n: OCT_1, style: STYLE.date }) {
  return amounts.map((amount, i) => [
    'Lumen',
    '5-KE4X-001',
    '754240482',
    date,
    `Circuit ${i + 1}`,
    amount,
    'Recurring',
  ]);
}

function detail(rows: TestCell[][], name = 'Detail', extra: Partial<TestSheet> = {}): TestSheet {
  return { name, rows: [HEADER, ...rows], ...extra };
}

function read(book: TestWorkbook, options: Parameters<typeof readBills>[1] = {}): ReadOutcome[] {
  return readBills([{ name: 'charges.xlsx', bytes: buildXlsx(book) }], options);
}

function draftOf(outcomes: ReadOutcome[]) {
  const [outcome] = outcomes;
  if (outcome?.kind !== 'draft')
    throw new Error(`Expected a draft, got ${JSON.stringify(outcomes)}`);
  return outcome.draft;
}

const amountOf = (outcomes: ReadOutcome[]) => draftOf(outcomes).lines.map((line) => line.amount);

describe('Excel bills: what is read', () => {
  it('reads a first row of text (a credit, its date and amount as text) as a charge, not a second header', () => {
    const text = (amount: string, description: string) => [
      'Lumen',
      '5-KE4X-001',
      'INV-754240482',
      'Oct 01, 2026',
      description,
      amount,
      amount.endsWith('CR') ? 'Credit' : 'Recurring',
    ];
    const draft = draftOf(
      read({
        sheets: [detail([text('$12.00 CR', 'Service credit'), text('850.00', 'DIA 100M')])],
      }),
    );
    expect(draft.lines.map((line) => line.amount)).toEqual([-1200, 85000]);
    expect(draft.skipped).toEqual([]);
  });

  it('is recognised as a workbook, not an archive of bill files', () => {
    const bytes = buildXlsx({ sheets: [detail(chargeRows([1]))] });
    expect(isXlsx(bytes)).toBe(true);
    const expanded = expandUpload({ name: 'charges.xlsx', bytes });
    expect(expanded.ok && expanded.value.map((file) => file.name)).toEqual(['charges.xlsx']);
  });

  it('reads a workbook inside a ZIP of bills, named by the archive and the member', () => {
    const workbook = buildXlsx({ sheets: [detail(chargeRows([2]))] });
    const bytes = zipSync({ 'October/charges.xlsx': workbook });
    const outcomes = readBills([{ name: 'bills-2026-10.zip', bytes }]);
    expect(amountOf(outcomes)).toEqual([200]);
    expect(draftOf(outcomes).lines[0]?.sourceFile).toBe('bills-2026-10.zip › charges.xlsx');
  });

  it.each(['excel', 'google'] as const)(
    'reads a TEM Desk charge-line sheet as %s writes it: currency cells, date serials',
    (writer) => {
      const outcomes = read({
        writer,
        sheets: [
          detail(
            chargeRows([
              { n: 850, style: STYLE.currency },
              { n: -12.5, style: STYLE.currency },
            ]),
          ),
        ],
      });
      const draft = draftOf(outcomes);
      expect(draft.profileId).toBe('temdesk-charges');
      expect(draft.invoices.map((invoice) => invoice.invoiceDate)).toEqual(['2026-10-01']);
      expect(draft.lines.map((line) => [line.amount, line.sourceRow])).toEqual([
        [85000, 2],
        [-1250, 3],
      ]);
      expect(draft.errors).toEqual([]);
      const [outcome] = outcomes;
      expect(outcome?.kind === 'draft' && outcome.files[0]?.sheet).toBe('Detail');
    },
  );

  it('counts dates from 1904 in a 1904 workbook', () => {
    const outcomes = read({
      date1904: true,
      sheets: [detail(chargeRows([10], { n: OCT_1 - 1462, style: STYLE.date }))],
    });
    expect(draftOf(outcomes).invoices[0]?.invoiceDate).toBe('2026-10-01');
  });

  it('reads dates in custom formats and dates written as text', () => {
    const custom = draftOf(
      read({ sheets: [detail(chargeRows([1], { n: OCT_1, style: STYLE.isoDate }))] }),
    );
    expect(custom.invoices[0]?.invoiceDate).toBe('2026-10-01');
    const text = draftOf(read({ sheets: [detail(chargeRows([1], '10/21/2026'))] }));
    expect(text.invoices[0]?.invoiceDate).toBe('2026-10-21');
  });

  it('refuses 1900-02-29, the day Excel counts that never was, as a row error', () => {
    const draft = draftOf(
      read({ sheets: [detail(chargeRows([1, 2], { n: 60, style: STYLE.date }))] }),
    );
    expect(draft.errors[0]?.message).toMatch(/Sheet Detail, row 2, column D \(Invoice Date\)/);
  });

  it('refuses amounts formatted in euros or pounds as the CSV of the sheet would be, never reading them as dollars', () => {
    // Amounts stored as plain numbers, shown by their cells' formats as €850.00 and £12.00: read
    // as the digits alone they would be $850.00 and $12.00.
    const inCurrency = (code: string) =>
      draftOf(
        read({
          sheets: [detail(chargeRows([{ n: 850, style: 1 }]))],
          numFmts: [{ id: 164, code }, { id: 14 }],
        }),
      );
    for (const [code, words] of [
      ['[$€-407] #,##0.00', '"€850" is an amount in euros'],
      ['#,##0.00 [$€-1]', '"€850" is an amount in euros'],
      ['#,##0.00\\ "€"', '"€850" is an amount in euros'],
      ['"£"#,##0.00', '"£850" is an amount in pounds'],
      ['[$GBP] #,##0.00', '"£850" is an amount in pounds'],
    ] as const) {
      const draft = inCurrency(code);
      expect(draft.lines).toEqual([]);
      expect(draft.errors[0]?.message, code).toContain(
        `Sheet Detail, row 2, column F (Amount): ${words}: TEM Desk keeps every amount in US dollars`,
      );
    }
    // Another currency is no amount in dollars either; one in dollars reads as before.
    expect(inCurrency('[$CHF-807] #,##0.00').errors[0]?.message).toContain('"CHF 850"');
    expect(inCurrency('[$¥-411]#,##0').errors[0]?.message).toContain('"¥850"');
    for (const dollars of ['[$$-409]#,##0.00', '"$"#,##0.00', '[$USD] #,##0.00', '#,##0.00_€'])
      expect(inCurrency(dollars).lines.map((line) => line.amount)).toEqual([850_00]);
  });

  it('refuses a number stored as hexadecimal, binary or octal as a damaged file', () => {
    for (const stored of ['0x10', '0b101', '0o17']) {
      const outcomes = read({
        sheets: [detail(chargeRows([{ n: 5, style: STYLE.currency }]))],
        patch: {
          'xl/worksheets/sheet1.xml': (xml) =>
            xml.replace(/(r="F2"[^>]*>)<v>5<\/v>/, `$1<v>${stored}</v>`),
        },
      });
      const [outcome] = outcomes;
      expect(outcome?.kind === 'unreadable' && outcome.message).toContain(
        `the cell F2 holds "${stored}" where a number is stored, which no spreadsheet writes: the file is damaged.`,
      );
    }
  });

  it('finds the header under a title block', () => {
    const outcomes = read({
      sheets: [
        {
          name: 'Detail',
          rows: [
            ['Lumen — charges for October 2026'],
            ['Prepared 2026-11-02'],
            [],
            HEADER,
            ...chargeRows([5]),
          ],
        },
      ],
    });
    expect(draftOf(outcomes).lines.map((line) => line.sourceRow)).toEqual([5]);
  });

  it('finds the header in a table that does not start in column A', () => {
    const shifted = [null, ...HEADER];
    const rows = chargeRows([7]).map((row) => [null, ...row]);
    const draft = draftOf(read({ sheets: [{ name: 'Detail', rows: [shifted, ...rows] }] }));
    expect(draft.lines.map((line) => line.amount)).toEqual([700]);
  });

  it('reads rich text and shared strings, formulas by their cached values, booleans', () => {
    const rows = chargeRows([{ n: 0.1 + 0.2, formula: 'A1+B1', style: STYLE.currency }]);
    const [row] = rows;
    if (row === undefined) throw new Error('no row');
    row[4] = { rich: ['Circuit ', 'BBEC.556677'] };
    row[2] = { formulaText: 'TEXT(754240482,"0")', cached: '754240482' };
    const draft = draftOf(read({ sheets: [detail(rows)] }));
    expect(draft.lines[0]?.description).toBe('Circuit BBEC.556677');
    expect(draft.lines[0]?.amount).toBe(30);
    expect(draft.invoices[0]?.invoiceNumber).toBe('754240482');
  });

  it('reports an error cell as a row error naming the file, sheet, row and column', () => {
    const draft = draftOf(read({ sheets: [detail(chargeRows([1, 2, 3, { error: '#N/A' }]))] }));
    expect(draft.lines).toHaveLength(3);
    expect(draft.errors).toHaveLength(1);
    expect(draft.errors[0]).toMatchObject({
      sourceFile: 'charges.xlsx',
      row: 5,
      column: 'F (Amount)',
    });
    expect(draft.errors[0]?.message).toMatch(
      /^Sheet Detail, row 5, column F \(Amount\): expected an amount .* found "#N\/A"/,
    );
  });

  it('tolerates rows and cells without r attributes, namespace prefixes and no styles', () => {
    const outcomes = read({
      sheets: [detail(chargeRows([4, 5], '2026-10-01'))],
      omit: ['xl/styles.xml'],
      patch: {
        'xl/worksheets/sheet1.xml': (xml) =>
          xml
            .replace(/ r="[A-Z]+\d+"/g, '')
            .replace(/ r="\d+"/g, '')
            .replace(/<(\/?)(row|c|v|sheetData)\b/g, '<$1x:$2')
            .replace('<worksheet xmlns=', '<x:worksheet xmlns:x=')
            .replace('</worksheet>', '</x:worksheet>'),
      },
    });
    expect(amountOf(outcomes)).toEqual([400, 500]);
  });

  it('keeps each cell in its column when rows are sparse', () => {
    const rows = chargeRows([4, 5]);
    const book = buildXlsx({
      sheets: [detail(rows)],
      patch: {
        // Row 3 written without its Description cell (E3): the Amount must stay in F (a blank
        // description is named after the category).
        'xl/worksheets/sheet1.xml': (xml) => xml.replace(/<c r="E3"[^]*?<\/c>/, ''),
      },
    });
    const draft = draftOf(readBills([{ name: 'charges.xlsx', bytes: book }]));
    expect(draft.lines.map((line) => [line.description, line.amount])).toEqual([
      ['Circuit 1', 400],
      ['Recurring', 500],
    ]);
  });
});

describe('Excel bills: which sheet', () => {
  const cover: TestSheet = { name: 'Cover', rows: [['Lumen'], ['Invoice summary'], ['Total', 12]] };

  it('skips a cover sheet and reads the sheet whose header a layout recognises', () => {
    const outcomes = read({ sheets: [cover, detail(chargeRows([3]))] });
    expect(amountOf(outcomes)).toEqual([300]);
  });

  it('asks when two sheets qualify, and reads the one chosen', () => {
    const book: TestWorkbook = {
      sheets: [cover, detail(chargeRows([3]), 'September'), detail(chargeRows([4]), 'October')],
    };
    expect(read(book)).toEqual([
      {
        kind: 'needs-sheet',
        fileName: 'charges.xlsx',
        sheets: ['September', 'October'],
        hidden: [],
      },
    ]);
    expect(amountOf(read(book, { sheets: { 'charges.xlsx': 'October' } }))).toEqual([400]);
    expect(amountOf(read(book, { preferredSheet: 'September' }))).toEqual([300]);
  });

  it('never reads a hidden sheet unless chosen, and says it was skipped', () => {
    const book: TestWorkbook = {
      sheets: [detail(chargeRows([3])), detail(chargeRows([9]), 'Old', { state: 'hidden' })],
    };
    const draft = draftOf(read(book));
    expect(draft.lines.map((line) => line.amount)).toEqual([300]);
    expect(draft.warnings?.[0]?.message).toMatch(/Hidden sheet "Old" not read/);
    expect(amountOf(read(book, { sheets: { 'charges.xlsx': 'Old' } }))).toEqual([900]);
  });

  it('asks before reading a workbook whose only bill sheet is very hidden', () => {
    const outcomes = read({
      sheets: [cover, detail(chargeRows([3]), 'Data', { state: 'veryHidden' })],
    });
    expect(outcomes).toEqual([
      { kind: 'needs-sheet', fileName: 'charges.xlsx', sheets: [], hidden: ['Data'] },
    ]);
  });

  it('sends a sheet no layout knows to the mapping wizard with its header and cells', () => {
    const outcomes = read({
      sheets: [
        {
          name: 'Sheet1',
          rows: [
            ['Vendor Name', 'Amt Billed', 'Month'],
            ['Lumen', { n: 12.5, style: STYLE.currency }, 'Oct'],
          ],
        },
      ],
    });
    expect(outcomes[0]).toMatchObject({
      kind: 'needs-mapping',
      header: ['Vendor Name', 'Amt Billed', 'Month'],
      sample: [['Lumen', '12.5', 'Oct']],
    });
  });
});

describe('Excel bills: hostile workbooks', () => {
  const unreadableMessage = (outcomes: ReadOutcome[]) => {
    const [outcome] = outcomes;
    if (outcome?.kind !== 'unreadable')
      throw new Error(`Expected unreadable: ${JSON.stringify(outcome)}`);
    return outcome.message;
  };

  it('refuses a part with a DOCTYPE (no entity is ever expanded)', () => {
    const message = unreadableMessage(
      read({
        sheets: [detail(chargeRows([1]))],
        patch: {
          'xl/sharedStrings.xml': (xml) =>
            xml.replace('<sst', '<!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]><sst'),
        },
      }),
    );
    expect(message).toMatch(
      /"charges.xlsx" is an Excel workbook that cannot be read: its part "xl\/sharedStrings.xml" it holds a DOCTYPE/,
    );
  });

  it('refuses a workbook over the file limit, and a sheet that unzips past it', () => {
    const bytes = buildXlsx({
      sheets: [detail(chargeRows(Array.from({ length: 2000 }, (_, i) => i)))],
    });
    expect(
      unreadableMessage(
        readBills([{ name: 'big.xlsx', bytes }], { limits: { maxFileBytes: 20_000 } }),
      ),
    ).toMatch(/over the .* limit for one file/);
    const bomb = buildXlsx({
      sheets: [detail(chargeRows([1]))],
      patch: {
        'xl/worksheets/sheet1.xml': (xml) =>
          xml.replace('<sheetData>', `<sheetData>${' '.repeat(3_000_000)}`),
      },
    });
    expect(unreadableMessage(readBills([{ name: 'bomb.xlsx', bytes: bomb }]))).toMatch(/ZIP bomb/);
  });

  it('refuses a sheet with a cell past the column limit', () => {
    const message = unreadableMessage(
      read({
        sheets: [detail(chargeRows([1]))],
        patch: {
          'xl/worksheets/sheet1.xml': (xml) =>
            xml.replace('</row>', '<c r="ZZZ1" t="inlineStr"><is><t>x</t></is></c></row>'),
        },
      }),
    );
    expect(message).toMatch(
      /"charges.xlsx", sheet Detail: row 1 has a cell in column ZZZ, past the limit of 2,000 columns/,
    );
  });

  it('refuses a cell longer than the longest line', () => {
    const message = unreadableMessage(
      readBills(
        [
          {
            name: 'charges.xlsx',
            bytes: buildXlsx({
              writer: 'google',
              sheets: [detail(chargeRows(['x'.repeat(5000)]))],
            }),
          },
        ],
        {
          limits: { maxLineChars: 1000 },
        },
      ),
    );
    expect(message).toMatch(/cell F2 holds 5,000 characters, over the limit of 1,000/);
  });

  it('refuses a damaged workbook in words', () => {
    const bytes = buildXlsx({ sheets: [detail(chargeRows([1]))] });
    const cut = bytes.slice();
    // Flip bytes in the middle of the first member's compressed data.
    for (let at = 100; at < 140; at += 1) cut[at] = (cut[at] ?? 0) ^ 0xff;
    expect(unreadableMessage(readBills([{ name: 'charges.xlsx', bytes: cut }]))).toMatch(
      /charges.xlsx/,
    );
  });
});

describe('set-up workbooks (inventory, sites, contracts, rates)', () => {
  // A row with a cell past the header was kept here once, as set-up CSVs then kept theirs and
  // no reader took the cell; CSVs now refuse such a row, and a workbook refuses it the same way,
  // naming its column (test/unit/inventory/setup-unheaded-cells.test.ts).
  it('reads the first visible sheet with a table, refusing a row with a cell past the header', () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: 'Old',
          state: 'hidden',
          rows: [
            ['Site Code', 'Site Name'],
            ['X-1', 'Gone'],
          ],
        },
        { name: 'Cover', rows: [['Sites as of 2026-10-01']] },
        {
          name: 'Sites',
          rows: [
            ['Site Code', 'Site Name', 'Cost Center'],
            ['STR-1', 'Store 1', '4100', 'note'],
            ['STR-2', 'Store 2', '4200'],
          ],
        },
      ],
    });
    const read = readTabularFile('sites.xlsx', bytes);
    expect(read.ok && read.value.header).toEqual(['Site Code', 'Site Name', 'Cost Center']);
    expect(read.ok && read.value.rows).toEqual([{ line: 3, cells: ['STR-2', 'Store 2', '4200'] }]);
    expect(read.ok && read.value.problems).toEqual([
      {
        line: 2,
        message:
          'column D has a value ("note") but no header, so it cannot be imported: name column D in the header row (row 1) or clear the cell. The row is not read until then.',
        column: 'D',
      },
    ]);
  });
});
