/**
 * A ZIP member whose name, or a folder of it, starts with a dot (`.bill.csv`, `.old/bill.csv`) is
 * hidden on macOS and Linux: left out of the import, as before, but now named in the app's preview
 * (a file not imported, with why and what to do), as the CLI names it among its notices. Before,
 * the app passed over it without a word. The system's own files (`.DS_Store`, `__MACOSX/`) stay
 * unsaid.
 */
import { strToU8, zipSync } from 'fflate';
import { expect, it } from 'vitest';
import { readBills } from '../../../shared/import/read-bill';

const BILL =
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount\nLumen,5-KE4X-001,754240482,2026-10-01,555-010-0001,MRC,850.00\n';

it('names each hidden member of a ZIP as not imported, and reads the rest', () => {
  const zip = zipSync({
    'real.csv': strToU8(BILL),
    '.bill.csv': strToU8(BILL.replace('754240482', '754240999')),
    '.old/bill.csv': strToU8(BILL.replace('754240482', '754240998')),
    '.DS_Store': strToU8('Bud1'),
    '__MACOSX/._real.csv': strToU8('Mac OS X resource fork'),
  });
  const outcomes = readBills([{ name: 'bills.zip', bytes: zip }]);
  const hidden = outcomes.flatMap((outcome) =>
    outcome.kind === 'unreadable' && outcome.hidden === true
      ? [[outcome.fileName, outcome.message]]
      : [],
  );
  const why =
    'left out, as hidden (its name, or a folder of it, starts with a dot). If it is a bill, rename it without the dot and import it again.';
  expect(hidden).toEqual([
    ['bills.zip › .bill.csv', why],
    ['bills.zip › .old/bill.csv', why],
  ]);
  const drafts = outcomes.filter((outcome) => outcome.kind === 'draft');
  expect(drafts).toHaveLength(1);
  expect(outcomes).toHaveLength(3);
});

it('a ZIP with no hidden member has no such outcome', () => {
  const zip = zipSync({ 'real.csv': strToU8(BILL), '.DS_Store': strToU8('Bud1') });
  expect(readBills([{ name: 'bills.zip', bytes: zip }]).map((outcome) => outcome.kind)).toEqual([
    'draft',
  ]);
});
