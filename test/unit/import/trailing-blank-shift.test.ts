/**
 * A blank cell past the header's end is a trailing delimiter only when the file writes one on
 * most rows. On a few rows it is the blank last column pushed out by an unquoted comma
 * (`…,1,850.00,` for `…,"1,850.00",`): reading such a row would store $1.00 and take 850.00 as
 * the invoice's stated total, so it is refused like any shifted row.
 */
import { describe, expect, it } from 'vitest';
import { readBill } from '../../helpers/read-bill';

const HEADER = 'Carrier,Account Number,Invoice Number,Invoice Date,Category,Amount,Invoice Total';
const ROW = 'Lumen,5-KE4X-001,754240482,2026-10-01,MRC,850.00,';
// "1,850.00" written without quotes, with the Invoice Total blank: 8 cells, the last one blank.
const SHIFTED = 'Lumen,5-KE4X-001,754240482,2026-10-01,MRC,1,850.00,';

function read(lines: readonly string[]) {
  const outcome = readBill([
    { name: 'bill.csv', bytes: new TextEncoder().encode(`${lines.join('\n')}\n`) },
  ]);
  if (outcome.kind !== 'draft') throw new Error(outcome.kind);
  return outcome.draft;
}

describe('a trailing blank cell on a few rows', () => {
  it('refuses the rows it shifted, naming the counts, and reads the others', () => {
    const draft = read([HEADER, ROW, ROW, SHIFTED, ROW]);
    expect(draft.lines.map((line) => line.amount)).toEqual([850_00, 850_00, 850_00]);
    expect(draft.errors.map((error) => [error.row, error.message])).toEqual([
      [
        4,
        expect.stringContaining(
          'Row 4 has 8 cells, the header has 7 — an unquoted comma in an amount like 1,850.00?',
        ),
      ],
    ]);
  });

  it('is a trailing delimiter when most rows end with one', () => {
    const draft = read([HEADER, `${ROW},`, `${ROW},`, `${ROW},`, ROW]);
    expect(draft.errors).toEqual([]);
    expect(draft.lines).toHaveLength(4);
  });
});
