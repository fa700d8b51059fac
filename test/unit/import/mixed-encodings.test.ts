/**
 * A file that is not UTF-8 as a whole but holds UTF-8 lines among Windows-1252 ones (two exports
 * put together, or edited in two programs): each line is read in its own encoding, and a warning
 * names the UTF-8 lines. A Windows-1252 file with no UTF-8 line reads as before, with no note.
 */
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../shared/import/decode';
import { readBill } from '../../helpers/read-bill';

const HEADER = 'Carrier,Account Number,Invoice Number,Invoice Date,Description,Category,Amount\n';

function bytesOf(...parts: (string | number[])[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === 'string') for (const char of part) out.push(char.charCodeAt(0));
    else out.push(...part);
  }
  return Uint8Array.from(out);
}

// Row 2 in UTF-8 (é = C3 A9), row 3 in Windows-1252 (é = E9).
const MIXED = bytesOf(
  HEADER,
  'Lumen,5-KE4X-001,7542,2026-10-01,Caf',
  [0xc3, 0xa9],
  ' line,MRC,10.00\n',
  'Lumen,5-KE4X-001,7542,2026-10-01,Montr',
  [0xe9],
  'al line,MRC,20.00\n',
);

describe('a file mixing UTF-8 and Windows-1252 lines', () => {
  it('reads each line in its own encoding', () => {
    const decoded = decodeBytes(MIXED);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toContain('Café line');
    expect(decoded.text).toContain('Montréal line');
    expect(decoded.utf8Lines).toEqual([2]);
  });

  it('says which lines were UTF-8 in a warning', () => {
    const outcome = readBill([{ name: 'bill.csv', bytes: MIXED }]);
    if (outcome.kind !== 'draft') throw new Error(outcome.kind);
    expect(outcome.draft.lines.map((line) => line.description)).toEqual([
      'Café line',
      'Montréal line',
    ]);
    expect(outcome.draft.warnings?.map((w) => [w.row, w.message])).toContainEqual([
      2,
      expect.stringContaining(
        'The file mixes two text encodings: line 2 is UTF-8, the rest Windows-1252',
      ),
    ]);
  });

  it('reads a Windows-1252 file with no UTF-8 line as before, with no note', () => {
    const plain = bytesOf(
      HEADER,
      'Lumen,5-KE4X-001,7542,2026-10-01,Montr',
      [0xe9],
      'al,MRC,20.00\n',
    );
    const decoded = decodeBytes(plain);
    expect(decoded.text).toContain('Montréal');
    expect(decoded.utf8Lines).toBeUndefined();
  });
});
