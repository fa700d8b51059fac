/**
 * Small ZIP64 archives are ordinary ZIPs a streaming writer made: Info-ZIP zipping from a pipe
 * puts the sizes of its local header in a ZIP64 extra field, Python's `force_zip64` the
 * directory's too, `zip -fz` adds the ZIP64 end records. Each is read like any ZIP; a ZIP64
 * field that is missing is damage, said as such.
 */
import { describe, expect, it } from 'vitest';
import { readBills } from '../../../shared/import/read-bill';
import { zip64Archive } from '../../helpers/zip64-build';

const BILL = [
  'Carrier,Account Number,Invoice Number,Invoice Date,Category,Amount,Invoice Total',
  'Lumen,5-KE4X-001,754240482,2026-10-01,MRC,850.00,891.85',
  'Lumen,5-KE4X-001,754240482,2026-10-01,Tax,41.85,891.85',
].join('\n');

function linesOf(bytes: Uint8Array): number[] {
  const [outcome] = readBills([{ name: 'bill.zip', bytes }]);
  if (outcome?.kind !== 'draft') throw new Error(JSON.stringify(outcome));
  return outcome.draft.lines.map((line) => line.amount);
}

describe('small ZIP64 archives', () => {
  it.each([
    [
      'a local header with ZIP64 sizes (Info-ZIP from a pipe)',
      { local: true, directory: false, end: false },
    ],
    [
      'ZIP64 sizes in the local header and the directory (force_zip64)',
      { local: true, directory: true, end: false },
    ],
    ['ZIP64 end records as well (zip -fz)', { local: true, directory: true, end: true }],
  ])('reads %s', (_label, style) => {
    expect(linesOf(zip64Archive('bill.csv', BILL, style))).toEqual([850_00, 41_85]);
  });

  it('refuses a directory record whose ZIP64 sizes are missing, as damage', () => {
    const bytes = zip64Archive('bill.csv', BILL, { local: true, directory: true, end: false });
    // Cut the directory record's ZIP64 extra field's id, so no ZIP64 field is found.
    const directory = bytes.findIndex(
      (_b, at) =>
        bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 1 && bytes[at + 3] === 2,
    );
    const damaged = bytes.slice();
    damaged[directory + 46 + 'bill.csv'.length] = 0x99;
    const [outcome] = readBills([{ name: 'bill.zip', bytes: damaged }]);
    expect(outcome?.kind).toBe('unreadable');
    if (outcome?.kind === 'unreadable') expect(outcome.message).toContain('lacks its ZIP64 sizes');
  });
});
