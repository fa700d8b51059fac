/**
 * Text that is not what a bill export should be: other encodings, old line endings, enormous
 * lines, binary data, rows wider or narrower than their header. Each ends in a sentence, quickly.
 */
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../shared/import/decode';
import { readTable, sniffTable } from '../../../shared/import/table';
import { readBill } from '../../helpers/read-bill';

const HEADER = 'Carrier,Account Number,Invoice Number,Invoice Date,Category,Amount,Invoice Total';
const ROW = 'Lumen,5-KE4X-001,754240482,2026-10-01,MRC,850.00,850.00';
const BILL = `${HEADER}\n${ROW}\n`;

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(bytes.buffer);
  const units = (bom ? '\uFEFF' : '') + text;
  for (let i = 0; i < units.length; i += 1)
    view.setUint16(i * 2, units.charCodeAt(i), order === 'le');
  return bytes;
}

function outcomeText(bytes: Uint8Array, name = 'bill.csv'): string {
  const outcome = readBill([{ name, bytes }]);
  if (outcome.kind === 'unreadable') return outcome.message;
  if (outcome.kind === 'draft') {
    return [
      `draft ${outcome.draft.lines.length} lines`,
      ...outcome.draft.errors.map((error) => error.message),
    ].join('\n');
  }
  return outcome.kind;
}

describe('decoding', () => {
  it.each([
    ['UTF-16 LE with BOM', 'le', true, 'utf-16le'],
    ['UTF-16 LE without BOM', 'le', false, 'utf-16le'],
    ['UTF-16 BE with BOM', 'be', true, 'utf-16be'],
    ['UTF-16 BE without BOM', 'be', false, 'utf-16be'],
  ] as const)('reads %s', (_name, order, bom, encoding) => {
    const decoded = decodeBytes(utf16('Montréal,Carrier\n', order, bom));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe('Montréal,Carrier\n');
  });

  it('imports a UTF-16 bill like its UTF-8 twin', () => {
    expect(outcomeText(utf16(BILL, 'le', true))).toBe('draft 1 lines');
  });

  it('reads Windows-1252 after a UTF-8 BOM without garbling the first header', () => {
    const bytes = new Uint8Array([
      0xef, 0xbb, 0xbf, 0x4d, 0x6f, 0x6e, 0x74, 0x72, 0xe9, 0x61, 0x6c,
    ]);
    const decoded = decodeBytes(bytes);
    expect(decoded).toMatchObject({ encoding: 'windows-1252', text: 'Montréal' });
  });

  it('leaves a file of zero bytes as text, refused as binary', () => {
    expect(outcomeText(new Uint8Array(100_000))).toMatch(
      /No column header found: the file holds binary data \(zero bytes or other control characters\), not text/,
    );
  });
});

describe('enormous cells', () => {
  it('quotes a long cell shortened, so that what was expected still shows', () => {
    const cell = 'X'.repeat(900_000);
    const bill = `${HEADER}\n${ROW.replace(',MRC,', `,${cell},`)}\n`;
    const text = outcomeText(new TextEncoder().encode(bill));
    expect(text).toMatch(
      /Row 2, column "Category": "X{59}…" is not a charge category we know; use one of /,
    );
    expect(text.length).toBeLessThan(1_000);
  });

  it('keeps a few escape sequences in a short header as text, not binary data', () => {
    const header = HEADER.replace('Category', 'Category\u001b[2J\u001b]0;x\u0007');
    expect(outcomeText(new TextEncoder().encode(`${header}\n${ROW}\n`))).not.toMatch(/binary data/);
  });
});

describe('line endings', () => {
  it('reads CR-only files (old Mac exports) with their line numbers', () => {
    const text = `${HEADER}\r${ROW}\r\r${ROW.replace('754240482', '754240483')}\r`;
    const sniff = sniffTable(text);
    expect(sniff.ok && sniff.value.newline).toBe('\r');
    const table = sniff.ok ? readTable(text, sniff.value) : null;
    expect(table?.header).toHaveLength(7);
    expect(table?.rows.map((row) => row.line)).toEqual([2, 4]);
  });
});

describe('bounded reading', () => {
  it('refuses a 50 MB single line by looking at 64 KB of it', () => {
    const text = outcomeText(new TextEncoder().encode('A,'.repeat(25 * 1024 * 1024)));
    expect(text).toMatch(/No column header found: the first line is longer than 65,536 characters/);
    expect(text.length).toBeLessThan(600);
  });

  it('refuses a file of nothing but newlines', () => {
    expect(outcomeText(new Uint8Array(5 * 1024 * 1024).fill(0x0a))).toMatch(
      /No column header found: the first 65,536 characters of the file are blank lines/,
    );
  });

  it('refuses a data line over the length limit before parsing, naming its line', () => {
    const bytes = new TextEncoder().encode(`${BILL}Lumen,${'9'.repeat(2_000_000)}\n`);
    expect(outcomeText(bytes)).toMatch(
      /Line 3 is 2,000,006 characters long, over the limit of 1,000,000 for one line \(longest line\)/,
    );
  });

  it('refuses a header over the column limit', () => {
    const header = Array.from({ length: 2_500 }, (_, i) => `Column ${i}`).join(',');
    expect(outcomeText(new TextEncoder().encode(`${header}\n`))).toMatch(
      /The header row has 2,500 columns, over the limit of 2,000/,
    );
  });
});

describe('rows must match their header', () => {
  it('lists a second header row as skipped, never dropping it silently', () => {
    const outcome = readBill([
      {
        name: 'bill.csv',
        bytes: new TextEncoder().encode(`${HEADER}\n${HEADER.toUpperCase()}\n${ROW}\n`),
      },
    ]);
    expect(outcome.kind === 'draft' && outcome.draft.skipped).toEqual([
      {
        sourceFile: 'bill.csv',
        row: 2,
        reason: 'Not imported: a second header row (the column names again, e.g. in French).',
      },
    ]);
  });

  it('reports every line of a refused row whose quoted cell spans lines', () => {
    const text = `${HEADER}\n"Lumen,5-KE4X-001\nLumen,x\nLumen"\n${ROW}\n`;
    const errors = outcomeText(new TextEncoder().encode(text));
    expect(errors).toContain('Row 2 has 1 cells, the header has 7');
    expect(errors).toContain(
      'Row 3: Not imported: this line is inside a quoted cell of row 2, which could not be read.',
    );
    expect(errors).toContain('Row 4: Not imported');
    expect(errors).toContain('draft 1 lines');
  });

  it('reports every row an unclosed quote runs into', () => {
    const text = `${HEADER}\n${ROW}\n${ROW.replace('MRC', '"MRC')}\n${ROW}\n${ROW}\n`;
    const errors = outcomeText(new TextEncoder().encode(text));
    expect(errors).toContain(
      'A quoted cell starting here is never closed, so rows 3 to 5 run together',
    );
    expect(errors).toContain(
      'Row 4: Not imported: this line is inside a quoted cell that starts on row 3 and is never closed.',
    );
    expect(errors).toContain('Row 5: Not imported');
  });

  it('names a quote inside a quoted cell that is not doubled, not as a quote never closed', () => {
    const text = `${HEADER}\n${ROW.replace(',MRC,', ',"12" rack",')}\n${ROW}\n`;
    expect(outcomeText(new TextEncoder().encode(text))).toBe(
      [
        'draft 1 lines',
        'Row 2: A quoted cell starting here holds a quote (") that is not written twice (""), so the row is not imported. Write a quote inside a quoted cell as "" (e.g. "12"" rack") and import the file again.',
      ].join('\n'),
    );
  });

  it('names a quote not doubled that leaves its cell open to the end once, not also as never closed', () => {
    const text = `${HEADER}\n${ROW}\n${ROW.replace(',MRC,', ',"12" rack,')}\n${ROW}\n`;
    expect(outcomeText(new TextEncoder().encode(text))).toBe(
      [
        'draft 1 lines',
        'Row 3: A quoted cell starting here holds a quote (") that is not written twice (""), so rows 3 to 4 run together as one row and are not imported. Write a quote inside a quoted cell as "" (e.g. "12"" rack") and import the file again.',
        'Row 4: Not imported: this line is inside a quoted cell that starts on row 3 and is never closed.',
      ].join('\n'),
    );
  });

  it('refuses a row with an unquoted comma in its amount, naming the counts', () => {
    const text = outcomeText(
      new TextEncoder().encode(`${BILL}${ROW.replace('850.00,850.00', '1,850.00,1850.00')}\n`),
    );
    expect(text).toContain('draft 1 lines');
    expect(text).toContain(
      'Row 3 has 8 cells, the header has 7 — an unquoted comma in an amount like 1,850.00?',
    );
  });

  it('blames a lone carriage return in a file of CRLF rows for joining two rows, not a comma', () => {
    // Rows end with CR LF, but one ends with CR alone (pasted from an old Mac file): the row after
    // it runs on in the same row, which then has twice the header's cells.
    const text = outcomeText(
      new TextEncoder().encode(`${HEADER}\r\n${ROW}\r\n${ROW}\r${ROW}\r\n${ROW}\r\n`),
    );
    expect(text).toContain(
      'Row 3 has 13 cells, the header has 7 — a lone carriage return (CR, the line break of old Mac files) inside it joins two rows of the file.',
    );
    expect(text).not.toContain('unquoted comma');
  });

  it('refuses a short row as short, not as "the category is blank"', () => {
    const text = outcomeText(new TextEncoder().encode(`${BILL}Lumen,5-KE4X-001,754240482\n`));
    expect(text).toContain('Row 3 has 3 cells, the header has 7: the row is cut short.');
    expect(text).not.toContain('blank');
  });

  it('accepts blank cells after the header (a trailing delimiter)', () => {
    expect(outcomeText(new TextEncoder().encode(`${HEADER}\n${ROW},\n`))).toBe('draft 1 lines');
  });
});
