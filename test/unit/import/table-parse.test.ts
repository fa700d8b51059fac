import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCommonTable } from '../../../shared/import/table-parse';
import { seededRandom } from '../../fixtures/generate/random';

type Row = { cells: string[]; end: number };

/** PapaParse as `readTable` runs it: each row's cells and end offset, and whether any errored. */
function papaRows(text: string, delimiter: string, newline: '\r\n' | '\n' | '\r') {
  const rows: Row[] = [];
  let errors = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    newline,
    quoteChar: '"',
    fastMode: false,
    step: (result) => {
      rows.push({ cells: result.data, end: result.meta.cursor });
      errors += result.errors.length;
    },
  });
  return { rows, errors };
}

function commonRows(text: string, delimiter: string, newline: string) {
  const rows: Row[] = [];
  const read = parseCommonTable(
    text,
    delimiter,
    newline,
    (cells, end) => rows.push({ cells: [...cells], end }),
    () => false,
  );
  return { rows, read };
}

describe('parseCommonTable reads as PapaParse does, or gives up', () => {
  it.each<[string, string, string, '\r\n' | '\n']>([
    ['plain rows', 'A,B\r\n1,2\r\n3,4', ',', '\r\n'],
    ['a final line break (PapaParse ends with an empty row)', 'A,B\n1,2\n', ',', '\n'],
    [
      'quoted cells, doubled quotes, a delimiter and a line break inside',
      'A,B\n"x,""y""",2\n"a\nb","c"\n',
      ',',
      '\n',
    ],
    ['a quote inside an unquoted cell is text', 'A,B\nx"y,2\n', ',', '\n'],
    ['a lone LF in a CRLF file stays in its cell', 'A,B\r\nx\ny,2\r\n', ',', '\r\n'],
    ['blank lines and short rows', 'A,B,C\n\n1\n,,\n"",""\n', ',', '\n'],
    ['a quoted cell closing at the end', 'A\tB\n1\t"2"', '\t', '\n'],
  ])('%s', (_name, text, delimiter, newline) => {
    const common = commonRows(text, delimiter, newline);
    expect(common.read).toBe(true);
    const papa = papaRows(text, delimiter, newline);
    expect(papa.errors).toBe(0);
    expect(common.rows).toEqual(papa.rows);
  });

  it.each([
    ['an unclosed quote', 'A,B\n"x,2\n'],
    ['text after a closing quote', 'A,B\n"x"y,2\n'],
    ['spaces after a closing quote (PapaParse drops them)', 'A,B\n"x"  ,2\n'],
    ['a byte-order mark (PapaParse drops it)', '\uFEFFA,B\n1,2\n'],
  ])('gives up on %s', (_name, text) => {
    expect(commonRows(text, ',', '\n').read).toBe(false);
  });

  it('matches PapaParse on 3,000 random texts of quotes, delimiters and line breaks', () => {
    const random = seededRandom(20);
    const pieces = ['a', 'bc', ',', ';', '"', '""', '\r\n', '\n', '\r', ' ', '\t', 'x y'];
    let compared = 0;
    for (let i = 0; i < 3_000; i += 1) {
      const length = 1 + Math.floor(random() * 30);
      let text = '';
      for (let k = 0; k < length; k += 1) text += pieces[Math.floor(random() * pieces.length)];
      for (const [delimiter, newline] of [
        [',', '\r\n'],
        [',', '\n'],
        [';', '\r'],
        ['\t', '\n'],
      ] as const) {
        const common = commonRows(text, delimiter, newline);
        if (!common.read) continue;
        const papa = papaRows(text, delimiter, newline);
        expect({ text, errors: papa.errors, rows: common.rows }).toEqual({
          text,
          errors: 0,
          rows: papa.rows,
        });
        compared += 1;
      }
    }
    // Most random texts are read without PapaParse, so the comparison is not vacuous.
    expect(compared).toBeGreaterThan(3_000);
  });
});
