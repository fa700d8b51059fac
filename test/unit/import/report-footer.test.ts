/** A report's footer after the table (a blank line, then a line of words): listed, not an error. */
import { describe, expect, it } from 'vitest';
import { readDraft, totalOf } from './fixtures';

const HEADER =
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount';
const LINE = 'Lumen,5-ACME-001,L-3,2026-10-05,DHEC.554433..WIN,Ethernet,Recurring,800.00';

function bill(lines: string[]) {
  return { name: 'lumen.csv', bytes: new TextEncoder().encode([HEADER, ...lines].join('\r\n')) };
}

describe('a line of words after the table', () => {
  it('set apart by a blank line at the end is a footer: listed as not imported, no error', () => {
    const draft = readDraft([
      bill([LINE, '', 'Report generated 04/02/2026 08:15', 'End of report', '']),
    ]);
    expect(draft.errors).toEqual([]);
    expect(totalOf(draft.lines)).toBe(80_000);
    expect(draft.skipped.map((skip) => [skip.row, skip.reason])).toEqual([
      [4, expect.stringContaining('a line of text after the table, set apart by a blank line')],
      [5, expect.stringContaining('a line of text after the table')],
    ]);
  });

  it.each([
    ['with rows after it', [LINE, '', 'Cost centre 200 follows', LINE.replace('800.00', '5.00')]],
    ['with no blank line before it', [LINE, 'Report generated 04/02/2026 08:15']],
    ['holding no words (a row cut short)', [LINE, '', 'Lumen']],
  ])('%s is a row that cannot be read, as before', (_case, lines) => {
    const draft = readDraft([bill(lines)]);
    expect(draft.errors.map((error) => error.message)).toEqual([
      expect.stringContaining('the row is cut short'),
    ]);
  });
});
