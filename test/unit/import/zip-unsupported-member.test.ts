/**
 * A ZIP member with a password or a compression method TEM Desk does not read is not damaged:
 * the refusal says what it is and what the user can do, never "download it again".
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBills } from '../../../shared/import/read-bill';

const BILL =
  'Carrier,Account Number,Invoice Number,Invoice Date,Category,Amount\nLumen,5-KE4X-001,7542,2026-10-01,MRC,850.00\n';

/** A deflated one-member ZIP with its flags and method set in both of its headers. */
function zipWith(flags: number, method: number): Uint8Array {
  const bytes = zipSync({ 'bill.csv': strToU8(BILL) }, { level: 6 });
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  for (let at = 0; at + 4 <= bytes.length; at += 1) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) {
      view.setUint16(at + 6, flags, true);
      view.setUint16(at + 8, method, true);
    } else if (signature === 0x02014b50) {
      view.setUint16(at + 8, flags, true);
      view.setUint16(at + 10, method, true);
    }
  }
  return bytes;
}

function messageOf(bytes: Uint8Array): string {
  const [outcome] = readBills([{ name: 'bills.zip', bytes }]);
  return outcome?.kind === 'unreadable' ? outcome.message : JSON.stringify(outcome?.kind);
}

describe('ZIP members TEM Desk cannot read', () => {
  it('says a password-protected member is protected, with what to do', () => {
    const message = messageOf(zipWith(1, 8));
    expect(message).toContain(
      'The file "bill.csv" in the ZIP archive "bills.zip" cannot be read: it is password-protected. Unzip it yourself',
    );
    expect(message).not.toMatch(/damaged|download it again/);
  });

  it.each([
    [12, 'bzip2 (method 12)'],
    [14, 'LZMA (method 14)'],
    [77, 'method 77'],
  ])('names compression method %i and does not call it damage', (method, named) => {
    const message = messageOf(zipWith(0, method));
    expect(message).toContain(`it is compressed with ${named}, which TEM Desk does not read`);
    expect(message).not.toMatch(/damaged|download it again/);
  });
});
