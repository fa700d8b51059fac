/**
 * A PDF is told by its signature, `%PDF-`, wherever PDF readers look for it: within the first
 * 1,024 bytes (after a byte-order mark or a mailer's blank line). A text-only PDF whose drawn
 * lines hold commas was read as a table when its signature was not the first byte.
 */
import { describe, expect, it } from 'vitest';
import { isPdf, isPdfBill } from '../../../shared/import/pdf';
import { readBill } from '../../helpers/read-bill';

const bytes = (text: string) => new TextEncoder().encode(text);
/** An uncompressed PDF: its page's text drawn line by line, commas and all. */
const TEXT_PDF = [
  '%PDF-1.4',
  '1 0 obj << /Type /Page >> endobj',
  'BT (Account, Invoice, Amount) Tj ET',
  'BT (5-KE4X-001, 754240482, 850.00) Tj ET',
  '%%EOF',
].join('\n');

describe('a PDF told by its signature', () => {
  it('finds it after a blank line or a byte-order mark, not only at the first byte', () => {
    expect(isPdf(bytes(TEXT_PDF))).toBe(true);
    expect(isPdf(bytes(`\r\n${TEXT_PDF}`))).toBe(true);
    expect(isPdf(bytes(`\uFEFF${TEXT_PDF}`))).toBe(true);
    expect(isPdf(bytes(`${' '.repeat(1100)}${TEXT_PDF}`))).toBe(false);
    expect(isPdf(bytes('Carrier,Amount\nLumen,850.00\n'))).toBe(false);
  });

  it('names such a file a PDF, whatever it is called, never a table', () => {
    expect(isPdfBill({ name: 'statement.pdf', bytes: bytes(`\n${TEXT_PDF}`) })).toBe(true);
    const outcome = readBill([{ name: 'statement.csv', bytes: bytes(`\n${TEXT_PDF}`) }]);
    expect(outcome).toMatchObject({ kind: 'unreadable', pdf: true });
  });

  it('still reads a data export saved under a .pdf name as data', () => {
    const csv = bytes('Carrier,Account Number,Amount\nLumen,5-KE4X-001,850.00\n');
    expect(isPdfBill({ name: 'October.pdf', bytes: csv })).toBe(false);
  });
});
