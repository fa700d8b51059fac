/** AT&T Premier billing summary: a total row labelled in a description column, not the first. */
import { describe, expect, it } from 'vitest';
import { readDraft, totalOf } from '../fixtures';

const HEADER =
  '"Foundation account","Account number","Account and descriptions","Wireless number","User name","Market cycle end date","Invoice date","Total current charges","Total monthly charges","Total activity since last bill","Total taxes","Total company fees and surcharges","Total FAN level charges","Total adjustments"';
const LINES = [
  '"F770","287099000777","287099000777 - ACME OPS","555-030-0101","Ana Ruiz","12/27/2025","1/3/2026","$58.42","$45.00","$5.00","$5.12","$3.30","$0.00","$0.00"',
  '"F770","287099000777","287099000777 - ACME OPS","555-030-0102","Ben Okafor","12/27/2025","1/3/2026","($897.91)","$45.00","$0.00","$3.12","$2.00","$0.00","($948.03)"',
];

function premier(totalRow: string) {
  const text = [HEADER, ...LINES, totalRow, ''].join('\r\n');
  return { name: 'premier.csv', bytes: new TextEncoder().encode(text) };
}

describe('a Premier billing summary grouped by account', () => {
  it.each([
    [
      'Account and descriptions',
      '"","287099000777","Total for 287099000777","","","","","($839.49)","$90.00","$5.00","$8.24","$5.30","$0.00","($948.03)"',
    ],
    [
      'User name',
      '"","287099000777","","","Total","","","($839.49)","$90.00","$5.00","$8.24","$5.30","$0.00","($948.03)"',
    ],
  ])(
    'skips a total row labelled in %s, saying so; the lines alone are the bill',
    (_column, totalRow) => {
      const draft = readDraft([premier(totalRow)]);
      expect(draft.errors).toEqual([]);
      expect(totalOf(draft.lines)).toBe(-83_949);
      expect(draft.skipped.map((skip) => skip.row)).toEqual([4]);
    },
  );
});
