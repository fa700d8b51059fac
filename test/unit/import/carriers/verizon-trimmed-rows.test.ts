/**
 * A Verizon Account & Wireless Summary whose exporter ends a row at its last filled cell: a line
 * without usage stops after `Total Charges`. Its missing usage cells are blank (not known), as
 * written out; a row lacking a charge or `Total Charges`, or cut in two by a line break inside a
 * cell, is still not imported.
 */
import { describe, expect, it } from 'vitest';
import { readDraft, totalOf } from '../fixtures';
import { carrierFile } from './carrier-fixtures';

const TRIMMED = 'verizon-wireless-summary-trimmed.synthetic.txt';

describe('a Verizon line summary whose rows end at their last filled cell', () => {
  const draft = readDraft([carrierFile(TRIMMED)]);

  it('reads a row without its trailing usage cells, as with them blank', () => {
    expect(draft.profileId).toBe('verizon-raw-data');
    const rows = draft.lines.map((line) => [line.sourceRow, line.serviceIdRaw, line.amount]);
    expect(rows).toEqual([
      [2, '', -5_00],
      [3, '5550100001', 40_00],
      [3, '5550100001', 2_50],
      [3, '5550100001', 1_20],
      [3, '5550100001', 3_10],
      [4, '5550100002', 40_00],
      [4, '5550100002', 1_20],
      [4, '5550100002', 2_90],
      [8, '5550100005', 40_00],
      [8, '5550100005', 1_20],
      [8, '5550100005', 2_90],
    ]);
    expect(totalOf(draft.lines)).toBe(-5_00 + 46_80 + 44_10 + 44_10);
  });

  it('keeps the usage a row ends early with, and leaves the cells it lacks unknown', () => {
    expect(draft.usage.map((u) => [u.sourceRow, u.minutes, u.messages, u.dataKb])).toEqual([
      [3, 310, 120, 2048],
      [8, 200, 50, null],
    ]);
  });

  it('refuses a row without a column it must read, naming the row and the columns', () => {
    expect(draft.errors.map((error) => [error.row, error.message])).toEqual([
      [
        5,
        'Row 5 has 14 cells, the header has 29: the row is cut short, without the columns "Equipment Charges", "Total Surcharges and Other Charges and Credits", "Taxes, Governmental Surcharges and Fees", "Third Party Charges" and "Total Charges". It is not imported.',
      ],
      // A line break inside a usage cell cut row 6 in two: neither part is read.
      [6, 'Row 6 has 20 cells, the header has 29: the row is cut short. It is not imported.'],
      [7, 'Row 7 has 10 cells, the header has 29: the row is cut short. It is not imported.'],
    ]);
  });
});
