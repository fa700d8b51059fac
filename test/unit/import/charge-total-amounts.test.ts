/**
 * A row labelled as a total (`Total`, `Subtotal`, `Total for Cost Center : …`) is skipped as a
 * summary only when its amount repeats amounts of the file: the detail rows since the last total,
 * its invoice's, the file's so far (or the rows below it), or an invoice total stated. A row
 * labelled `Total` whose amount repeats nothing is a charge when it names its service, else a row
 * that cannot be read; never dropped with a sentence saying it repeats amounts.
 */
import { describe, expect, it } from 'vitest';
import { readDraft, totalOf } from './fixtures';

const HEADER =
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount,Invoice Total';

function read(rows: string[]) {
  const text = [HEADER, ...rows, ''].join('\r\n');
  return readDraft([{ name: 'lumen.csv', bytes: new TextEncoder().encode(text) }]);
}

const A = 'Lumen,5-ACME-001,INV-100,2026-11-01';

describe('a row described as "Total" whose amount repeats nothing', () => {
  it('is a charge when it names its service (fuzz repro: $15.00 under "Total")', () => {
    const draft = read([
      `${A},DHEC.554433..WIN,Charge 0,MRC,850.00,2115.00`,
      `${A},BBEC.556677..LUMN,Charge 1,MRC,1250.00,2115.00`,
      `${A},DHEC.554433..WIN,Total,MRC,15.00,2115.00`,
    ]);
    expect(draft.errors).toEqual([]);
    expect(draft.skipped).toEqual([]);
    expect(draft.lines).toHaveLength(3);
    expect(totalOf(draft.lines)).toBe(211_500);
    expect(draft.lines.map((line) => line.description)).toContain('Total');
  });

  it.each(['Total', 'Subtotal', 'Grand Total', 'TOTAL', 'Total:', 'Totals', 'Sub-total'])(
    'is a row error naming its row and the Amount column when it names no service (%s)',
    (label) => {
      const draft = read([
        `${A},DHEC.554433..WIN,Charge 0,MRC,850.00,`,
        `${A},BBEC.556677..LUMN,Charge 1,MRC,1250.00,`,
        `${A},,${label},MRC,15.00,`,
      ]);
      expect(draft.skipped).toEqual([]);
      expect(totalOf(draft.lines)).toBe(210_000);
      expect(draft.errors).toHaveLength(1);
      expect(draft.errors[0]).toMatchObject({ sourceFile: 'lumen.csv', row: 4 });
      expect(draft.errors[0]?.message).toContain('Amount');
      expect(draft.errors[0]?.message).toContain(
        `a "${label}" row of $15.00 repeats no amount above or below it`,
      );
    },
  );
});

describe('a total row whose amount repeats the detail rows is still skipped', () => {
  it.each(['Total', 'Subtotal', 'Grand Total', 'TOTAL', 'Total:', 'Totals', 'Sub-total'])(
    '%s at the bottom, equal to the rows above, even on a row naming a service',
    (label) => {
      const draft = read([
        `${A},DHEC.554433..WIN,Charge 0,MRC,850.00,`,
        `${A},BBEC.556677..LUMN,Charge 1,MRC,1250.00,`,
        `${A},DHEC.554433..WIN,${label},MRC,"2,100.00",`,
      ]);
      expect(draft.errors).toEqual([]);
      expect(totalOf(draft.lines)).toBe(210_000);
      expect(draft.skipped.map((skip) => skip.row)).toEqual([4]);
      expect(draft.skipped[0]?.reason).toContain('repeats amounts already imported');
    },
  );

  it('subtotals per cost center and a grand total of the subtotals', () => {
    const draft = read([
      `${A},DHEC.554433..WIN,Ethernet,MRC,850.00,`,
      `${A},DHEC.554434..WIN,Ethernet,MRC,150.00,`,
      ',,,,,Total for Cost Center : 100,,"1,000.00",',
      `${A},BBEC.556677..LUMN,Internet,MRC,1250.00,`,
      ',,,,,Total for Cost Center : 200,,"1,250.00",',
      ',,,,,Grand Total,,"2,250.00",',
    ]);
    expect(draft.errors).toEqual([]);
    expect(totalOf(draft.lines)).toBe(225_000);
    expect(draft.skipped.map((skip) => skip.row)).toEqual([4, 6, 7]);
  });

  it("each invoice's total, then the file's", () => {
    const B = 'Lumen,5-ACME-002,INV-200,2026-11-01';
    const draft = read([
      `${A},DHEC.554433..WIN,Ethernet,MRC,850.00,`,
      `${A},,Invoice Total,,850.00,`,
      `${B},BBEC.556677..LUMN,Internet,MRC,1250.00,`,
      `${B},BBEC.556678..LUMN,Internet,MRC,10.00,`,
      `${B},,Invoice Total,,1260.00,`,
      ',,,,,Grand Total,,2110.00,',
    ]);
    expect(draft.errors).toEqual([]);
    expect(draft.skipped.map((skip) => skip.row)).toEqual([3, 6, 7]);
  });

  it('a total above the rows it sums, one equal to the stated invoice total, one with no amount', () => {
    const draft = read([
      `${A},,Total,,"2,100.00",`,
      `${A},DHEC.554433..WIN,Charge 0,MRC,850.00,2115.00`,
      `${A},BBEC.556677..LUMN,Charge 1,MRC,1265.00,2115.00`,
      `${A},,Total Due,,2115.00,2115.00`,
      ',,,,,Total,,,',
    ]);
    // The first "Total" is $2,100.00 of the $2,115.00 below it: no sum of the file repeats it.
    expect(draft.errors.map((error) => error.row)).toEqual([2]);
    expect(draft.skipped.map((skip) => skip.row)).toEqual([5, 6]);
  });
});
