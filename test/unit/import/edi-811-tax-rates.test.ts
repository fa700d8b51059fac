/** EDI X12 811: a TXI that gives a tax rate (TXI03) and no amount (TXI02), as X12 allows. */
import { describe, expect, it } from 'vitest';
import { interchange, lumenInvoice, x12File } from '../../helpers/x12';
import { readDraft, totalOf } from './fixtures';

/** A $900.00 circuit with `taxes` below it, TDS `total`. */
function billed(taxes: string[][], total: string) {
  const segments = interchange([
    lumenInvoice({
      total,
      charges: [
        ['IT1', '1', '1', 'MO', '900.00', '', 'SV', 'MRC'],
        ['PID', 'F', '', '', '', 'Ethernet 1G'],
        ...taxes,
      ],
    }),
  ]);
  return readDraft([x12File('bill.811', segments)]);
}

describe('a TXI with a rate and no amount', () => {
  it('is information, listed as not a charge: no error, the amounts beside it are read', () => {
    const draft = billed(
      [
        ['TXI', 'ST', '', '.0625', '', 'SP', 'MN'],
        ['TXI', 'ST', '56.25', '.0625', '', 'SP', 'MN'],
      ],
      '95625',
    );
    expect(draft.errors).toEqual([]);
    expect(
      draft.lines.filter((line) => line.category === 'tax').map((line) => line.amount),
    ).toEqual([5625]);
    expect(totalOf(draft.lines)).toBe(95625);
    expect(draft.skipped.map((skip) => skip.reason)).toEqual([
      'Not a charge: this tax segment gives a rate (TXI03 ".0625") and no amount (TXI02); the invoice\'s amounts say what was charged.',
    ]);
  });

  it('with neither a rate nor an amount is still a segment that cannot be read', () => {
    const draft = billed([['TXI', 'ST', '', '', '', 'SP', 'MN']], '90000');
    expect(draft.errors.map((error) => error.message)).toEqual([
      expect.stringContaining('(TXI02): the tax amount is missing; this charge is not imported.'),
    ]);
  });
});
