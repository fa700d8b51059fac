/**
 * An Excel 97–2003 workbook (.xls) or a password-protected workbook (both Microsoft compound
 * files) is named as such, with how to save one TEM Desk reads, not as "binary data".
 */
import { describe, expect, it } from 'vitest';
import { readBills } from '../../../shared/import/read-bill';

/** The first sector of a compound file: its signature, then the header's other fields. */
function compoundFile(): Uint8Array {
  const bytes = new Uint8Array(1536);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x09, 0x00], 24);
  return bytes;
}

describe('a Microsoft compound file among the bills', () => {
  it.each(['bill.xls', 'bill.xlsx'])(
    '%s is named as an old or password-protected workbook',
    (name) => {
      const [outcome] = readBills([{ name, bytes: compoundFile() }]);
      expect(outcome?.kind).toBe('unreadable');
      if (outcome?.kind !== 'unreadable') return;
      expect(outcome.message).toContain(
        `"${name}" is an Excel 97–2003 workbook (.xls) or a workbook saved with a password`,
      );
      expect(outcome.message).toContain('save it as an Excel Workbook (.xlsx) or as CSV');
      expect(outcome.message).not.toContain('binary data');
    },
  );
});
