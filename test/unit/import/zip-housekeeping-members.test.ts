/**
 * A bills folder zipped on Windows carries Explorer's `Thumbs.db` and `desktop.ini` with it: they
 * are no one's bill and are left out of the ZIP's files, as `__MACOSX/` and dotfiles are. Read as
 * bills, `Thumbs.db` was named an old Excel workbook and `desktop.ini` a file with no columns.
 */
import { strToU8, zipSync } from 'fflate';
import { expect, it } from 'vitest';
import { readBills } from '../../../shared/import/read-bill';

const BILL =
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount\nLumen,5-KE4X-001,754240482,2026-10-01,555-010-0001,MRC,850.00\n';

/** The first bytes of `Thumbs.db`: a compound file, as an old Excel workbook is. */
function thumbsDb(): Uint8Array {
  const bytes = new Uint8Array(512);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return bytes;
}

it("reads a zipped bills folder's bills and leaves out the files Windows keeps beside them", () => {
  const zip = zipSync({
    'Bills/Lumen October.csv': strToU8(BILL),
    'Bills/Thumbs.db': thumbsDb(),
    'Bills/2026-11/ehthumbs.db': thumbsDb(),
    'Bills/Desktop.ini': strToU8('[.ShellClassInfo]\r\nIconResource=imageres.dll,-184\r\n'),
  });
  const outcomes = readBills([{ name: 'bills.zip', bytes: zip }]);
  expect(outcomes.map((outcome) => outcome.kind)).toEqual(['draft']);
  const [outcome] = outcomes;
  if (outcome?.kind !== 'draft') throw new Error(JSON.stringify(outcome));
  expect(outcome.draft.errors).toEqual([]);
  expect(outcome.draft.lines.map((line) => line.amount)).toEqual([850_00]);
});
