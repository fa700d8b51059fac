import { describe, it, expect } from 'vitest';
import type { Delimiter } from '../../../shared/import/table';
import { sampleLineWidth, splitSampleLine } from '../../../shared/import/sample-lines';
import {
  DELIMITERS,
  headerKey,
  readTable,
  readTableHeader,
  sniffTable,
} from '../../../shared/import/table';
import { seededRandom } from '../../fixtures/generate/random';
import { decodeBytes } from '../../../shared/import/decode';
import { fixtureBytes } from './fixtures';
import { readTabularFile } from '../../../shared/inventory/table-file';

function parse(text: string) {
  const sniff = sniffTable(text);
  if (!sniff.ok) throw new Error(sniff.errors[0]?.message);
  return { sniff: sniff.value, table: readTable(text, sniff.value) };
}

describe('sniffTable finds the delimiter', () => {
  it.each<[string, string, Delimiter]>([
    [
      'tab (Verizon, with commas inside cells)',
      'A\tB, C\tD\n"Aug 16, 2021"\t1\t2\n"Aug 16, 2021"\t3\t4\n',
      '\t',
    ],
    ['pipe', 'A|B|C\n1|2|3\n', '|'],
    ['comma with quoted thousands', 'A,B,C\n"2,393",x,1\n"1,000",y,2\n', ','],
    ['semicolon', 'A;B;C\n1,5;2;3\n4,5;6;7\n', ';'],
  ])('%s', (_name, text, delimiter) => {
    expect(parse(text).sniff.delimiter).toBe(delimiter);
  });

  it('refuses a file with no header row', () => {
    const result = sniffTable('1,2,3\n4,5,6\n');
    expect(result.ok).toBe(false);
  });

  it('finds a header whose row-number column is headed "#" (symbols alone say nothing)', () => {
    const text = '#,Account,Service,Charge,Tax %\n1,A1,555-0100,10.00,5\n2,A1,555-0101,12.00,5\n';
    const { sniff, table } = parse(text);
    expect(sniff).toMatchObject({ headerLine: 1, headerRows: 1 });
    expect(table.header).toEqual(['#', 'Account', 'Service', 'Charge', 'Tax %']);
    expect(table.rows.map((row) => row.cells[0])).toEqual(['1', '2']);
    // Symbols alone never make a header: a row of dashes over data is still no header.
    expect(sniffTable('-,-,-\n1,2,3\n4,5,6\n').ok).toBe(false);
  });

  it('refuses an empty file', () => {
    expect(sniffTable('\n\n').ok).toBe(false);
  });
});

describe('readTable keeps true line numbers', () => {
  it.each<[string, string]>([
    ['LF', 'A,B\n1,2\n\n3,4\n'],
    ['CRLF', 'A,B\r\n1,2\r\n\r\n3,4\r\n'],
    ['no final newline', 'A,B\n1,2\n\n3,4'],
  ])('skips blank lines (%s)', (_name, text) => {
    const { table } = parse(text);
    expect(table.header).toEqual(['A', 'B']);
    expect(table.rows.map((row) => [row.line, row.cells])).toEqual([
      [2, ['1', '2']],
      [4, ['3', '4']],
    ]);
  });

  it('counts lines inside quoted multi-line cells (Excel: LF inside cells, CRLF between rows)', () => {
    const text = 'A,B\r\n1,"two\r\nlines"\r\n2,"three\nmore\nlines"\r\n3,x\r\n';
    expect(parse(text).table.rows.map((row) => row.line)).toEqual([2, 4, 7]);
  });

  it('skips a report preamble and counts its lines', () => {
    const text = decodeBytes(fixtureBytes('temdesk-preamble-two-headers.csv')).text;
    const { sniff, table } = parse(text);
    expect(sniff).toMatchObject({ delimiter: ',', headerLine: 5, headerRows: 2 });
    expect(table.header[1]).toBe('Account Number');
    // The French header (line 6) is not data.
    expect(table.rows[0]).toMatchObject({
      line: 7,
      cells: ['Rogers', '81234', 'R-1001', '2024-03-15', '4165550101', 'Plan', 'MRC', '60.00'],
    });
  });

  it('skips an Excel-style title row padded with delimiters', () => {
    const { sniff } = parse('Charges report,,,\nAccount,Invoice,Date,Amount\n1,2,2024-01-01,3\n');
    expect(sniff.headerLine).toBe(2);
  });

  it('reports an unclosed quote with its line', () => {
    const { table } = parse('A,B\n1,2\n3,"open\n4,5\n');
    expect(table.problems[0]?.line).toBe(3);
  });

  it('reports progress up to 1', () => {
    const text = `A,B\n${'1,2\n'.repeat(12_000)}`;
    const sniff = sniffTable(text);
    const seen: number[] = [];
    if (sniff.ok) readTable(text, sniff.value, { onProgress: (fraction) => seen.push(fraction) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(1);
  });
});

describe('headerKey', () => {
  it.each<[string, string]>([
    ['Taxes, Governmental Surcharges, and Fees', 'Taxes, Governmental Surcharges and Fees'],
    ['Account number', 'Account Number'],
    ['Taxes & Fees', 'Taxes and Fees'],
    ['  Data Usage (KB) ', 'data usage kb'],
    ['Numéro de compte', 'Numero de Compte'],
    ['Acct #', 'ACCT'],
  ])('%s ≡ %s', (a, b) => {
    expect(headerKey(a)).toBe(headerKey(b));
  });

  it('keeps different units apart', () => {
    expect(headerKey('Data Usage (KB)')).not.toBe(headerKey('Data Usage (MB)'));
  });

  it('gives the same key asked again, and past the names it keeps', () => {
    expect(headerKey('Numéro de Compte')).toBe('numerodecompte');
    for (let i = 0; i < 10_000; i += 1) expect(headerKey(`Col ${i} & É`)).toBe(`col${i}ande`);
    expect(headerKey('Numéro de Compte')).toBe('numerodecompte');
    expect(headerKey(`Col 9999 & É`)).toBe('col9999ande');
  });
});

describe('a row of text under the header', () => {
  it('is a second header only when the rows after it are data', () => {
    const bilingual = 'Account,Amount,Date\nCompte,Montant,Date de facture\nA1,12.50,2026-10-01\n';
    expect(sniffTable(bilingual)).toMatchObject({ ok: true, value: { headerRows: 2 } });
    // A sites file's rows are all text: the first one is data, not a header.
    const sites = 'Site Code,Site Name,Cost Center\nHQ,Headquarters,IT\nSTR-1,Store one,Retail\n';
    expect(sniffTable(sites)).toMatchObject({ ok: true, value: { headerRows: 1 } });
    // So is a file's only row.
    const single = 'A,B,C\nx,y,z\n';
    expect(sniffTable(single)).toMatchObject({ ok: true, value: { headerRows: 1 } });
  });

  it('is data when a row under it repeats one of its cells: a credit first, dated with its month name', () => {
    const creditFirst = [
      'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount',
      'Lumen,5-ACME-001,INV-610,"Oct 05, 2026",DHEC.554433..WIN,Service credit,Credit,$12.00 CR',
      'Lumen,5-ACME-001,INV-610,"Oct 05, 2026",DHEC.554433..WIN,100M DIA,MRC,850.00',
      '',
    ].join('\n');
    expect(sniffTable(creditFirst)).toMatchObject({ ok: true, value: { headerRows: 1 } });
    // Every filled cell of this first row has a letter, and no row under it repeats one of them:
    // its `05-Oct-26` date and `12.00 CR` amount alone say it is data.
    const namedDate = [
      'Invoice Date,Description,Amount,Note',
      '05-Oct-26,Credit,12.00 CR,',
      '2026-10-06,DIA,850.00,x',
      '',
    ].join('\n');
    expect(sniffTable(namedDate)).toMatchObject({ ok: true, value: { headerRows: 1 } });
    // Bell's French names repeat nothing under them: still the second header.
    const bell = [
      'Account,Invc Date,Amount',
      'Compte,Date de facture,Montant',
      '1234,2026-10-01,12.50',
      '1234,2026-10-01,3.00',
      '',
    ].join('\n');
    expect(sniffTable(bell)).toMatchObject({ ok: true, value: { headerRows: 2 } });
  });

  it('is always data in an inventory, sites, contracts or cost centers file', () => {
    const read = readTabularFile(
      'cost-centers.csv',
      new TextEncoder().encode('Cost Center,Name\nIT,Information\n4100,Stores 12.5\n'),
    );
    expect(read.ok && read.value.rows.map((row) => row.cells)).toEqual([
      ['IT', 'Information'],
      ['4100', 'Stores 12.5'],
    ]);
  });
});

/** The sniff's line splitter as it was: one character at a time. */
function splitByCharacter(line: string, delimiter: Delimiter): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i] ?? '';
    if (char === '"') {
      if (quoted && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else {
        quoted = !quoted;
      }
    } else if (char === delimiter && !quoted) {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell.trim());
  return cells;
}

describe('splitSampleLine', () => {
  it('splits as the character-at-a-time splitter did, on 20,000 random lines', () => {
    const random = seededRandom(5);
    const pieces = ['a', 'bc', ',', ';', '|', '\t', '"', '""', ' ', 'x y', '😀', '\u00a0'];
    for (let i = 0; i < 20_000; i += 1) {
      let line = '';
      const length = Math.floor(random() * 20);
      for (let k = 0; k < length; k += 1) line += pieces[Math.floor(random() * pieces.length)];
      for (const delimiter of DELIMITERS) {
        expect([line, delimiter, splitSampleLine(line, delimiter)]).toEqual([
          line,
          delimiter,
          splitByCharacter(line, delimiter),
        ]);
        expect([line, delimiter, sampleLineWidth(line, delimiter)]).toEqual([
          line,
          delimiter,
          splitByCharacter(line, delimiter).length,
        ]);
      }
    }
  });
});

describe('readTableHeader', () => {
  /** The header (or refusal) of a whole read and of a header-only read, side by side. */
  function both(text: string, limits?: { maxLineChars: number; maxColumns: number }) {
    const sniff = sniffTable(text);
    if (!sniff.ok) return null;
    const whole = readTable(text, sniff.value, { strictWidth: true, limits });
    const head = readTableHeader(text, sniff.value, { strictWidth: true, limits });
    return {
      whole: { header: whole.header, refused: whole.refused },
      head: { header: head.header, refused: head.refused, rows: head.rows.length },
    };
  }

  it('finds the header a whole read finds, past preambles, bad quotes and blank rows', () => {
    const texts = [
      'Report\n\nA,B,C\n1,2,3\n',
      '\uFEFFA;B;C\r\n1;2;3\r\n',
      'A,B,C\n1,"2"x,3\n4,5,6\n',
      '"A\nx",B,C\n1,2,3\n',
      '"A,B,C\n1,2,3\n',
      'A,B,C,,\n1,2,3\n',
      'Name,Other\nFrançais,Autre\n1,2\n',
    ];
    for (const text of texts) {
      const read = both(text);
      if (read === null) continue;
      expect({ ...read.head, rows: undefined }).toEqual({ ...read.whole, rows: undefined });
      expect(read.head.rows).toBe(0);
    }
  });

  it('refuses what a whole read refuses: a header over the column limit, a line over the length limit', () => {
    const wide = `${Array.from({ length: 30 }, (_, i) => `Col ${i}`).join(',')}\n${'1,'.repeat(29)}1\n`;
    const long = `A,B\n1,2\n${'x'.repeat(500)},3\n`;
    for (const text of [wide, long]) {
      const read = both(text, { maxLineChars: 200, maxColumns: 20 });
      expect(read?.whole.refused).toBeDefined();
      expect(read?.head).toEqual({ ...read?.whole, rows: 0 });
    }
  });

  it('agrees with a whole read on 2,000 random texts of quotes, delimiters and line breaks', () => {
    const random = seededRandom(21);
    const pieces = [
      'Name',
      'Amount',
      '12',
      ',',
      ';',
      '"',
      '""',
      '\r\n',
      '\n',
      ' ',
      '\t',
      'x y',
      '\uFEFF',
    ];
    let compared = 0;
    for (let i = 0; i < 2_000; i += 1) {
      const length = 1 + Math.floor(random() * 40);
      let text = '';
      for (let k = 0; k < length; k += 1) text += pieces[Math.floor(random() * pieces.length)];
      const read = both(text, { maxLineChars: 60, maxColumns: 6 });
      if (read === null) continue;
      expect({ text, ...read.head }).toEqual({ text, ...read.whole, rows: 0 });
      compared += 1;
    }
    expect(compared).toBeGreaterThan(500);
  });
});
