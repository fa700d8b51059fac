/**
 * TEM Desk's charge-line layout with a tax and a row total beside each amount (`Amount, Tax,
 * Total`), as many billing exports write it: each row's tax is a tax line of its own on the row's
 * service, and the row's total is checked. Before, the Tax column was kept as text beside a line
 * that left it out: the bill read $7.14 short, without a word.
 */
import { describe, expect, it } from 'vitest';
import { readDraft, totalOf } from './fixtures';

const bytes = (text: string) => new TextEncoder().encode(text);
const PREFIX = 'Lumen,LMN-100,INV-1,2024-03-01';

function read(header: string, rows: string[]) {
  return readDraft([{ name: 'bill.csv', bytes: bytes([header, ...rows, ''].join('\n')) }]);
}

describe('a tax column beside the amount', () => {
  it.each([
    ['Amount,Tax,Total'],
    ['Charge Amount,Tax Amount,Total Amount'],
    ['Cost,Taxes,Total Cost'],
  ])('%s: each tax is a tax line of the row’s service, the bill whole', (columns) => {
    const draft = read(
      `Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,${columns}`,
      [
        `${PREFIX},5551234567,Business line,MRC,45.00,3.15,48.15`,
        `${PREFIX},5551234568,Long distance,Usage,12.00,0.84,12.84`,
        `${PREFIX},5551234569,Credit,Credit,-10.00,-0.70,-10.70`,
      ],
    );
    expect(draft.errors).toEqual([]);
    expect(draft.lines.map((line) => [line.serviceIdRaw, line.category, line.amount])).toEqual([
      ['5551234567', 'recurring', 45_00],
      ['5551234567', 'tax', 3_15],
      ['5551234568', 'usage', 12_00],
      ['5551234568', 'tax', 84],
      ['5551234569', 'credit', -10_00],
      ['5551234569', 'tax', -70],
    ]);
    expect(totalOf(draft.lines)).toBe(48_15 + 12_84 - 10_70);
    // No extra column left to carry the tax as text.
    expect(draft.lines.every((line) => line.extras === undefined)).toBe(true);
  });

  it('with no total column: the tax is added, and a stated invoice total agrees', () => {
    const draft = read(
      'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount,Tax,Invoice Total',
      [`${PREFIX},5551234567,MRC,45.00,3.15,60.99`, `${PREFIX},5551234568,MRC,12.00,0.84,60.99`],
    );
    expect(draft.errors).toEqual([]);
    expect(totalOf(draft.lines)).toBe(60_99);
  });

  it('a total equal to the amount says the tax is already in it: nothing added', () => {
    const draft = read(
      'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount,Tax,Total',
      [`${PREFIX},5551234567,MRC,48.15,3.15,48.15`],
    );
    expect(draft.errors).toEqual([]);
    expect(draft.lines.map((line) => line.amount)).toEqual([48_15]);
  });

  it('refuses a row whose total is neither, naming both figures', () => {
    const draft = read(
      'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount,Tax,Total',
      [`${PREFIX},5551234567,MRC,45.00,3.15,48.15`, `${PREFIX},5551234568,MRC,45.00,3.15,50.00`],
    );
    expect(draft.errors.map((error) => [error.row, error.column, error.message])).toEqual([
      [
        3,
        'Total',
        expect.stringContaining(
          'the row’s total $50.00 is neither its amount $45.00 plus its tax $3.15 ($48.15) nor its amount alone.'.replace(
            '’',
            "'",
          ),
        ),
      ],
    ]);
  });
});
