/**
 * The ZIP reader refuses damaged, oversized and unsafe archives with a sentence, and still reads
 * real downloads (month folders, `__MACOSX`, dotfiles).
 */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { expandUpload } from '../../../shared/import/archive';
import { crc32 } from '../../../shared/import/crc32';
import { importLimits } from '../../../shared/import/limits';
import type { Result } from '../../../shared/result';
import {
  bombZip,
  deflateText,
  patchZip,
  replaceBytes,
  singleMemberZip,
  storedZip,
} from '../../helpers/zip-craft';

const BILL =
  'Carrier,Account,Invoice,Invoice Date,Category,Amount\nLumen,1,2,2026-10-01,MRC,850.00\n';

function message(result: Result<unknown>): string {
  return result.ok ? '(read)' : result.errors.map((error) => error.message).join(' ');
}

function expand(bytes: Uint8Array, limits = importLimits()) {
  return expandUpload({ name: 'bills.zip', bytes }, { limits });
}

describe('expandUpload keeps reading real downloads', () => {
  it('reads members in month folders, leaving out folders, __MACOSX and dotfiles', () => {
    const zip = zipSync({
      '2026-09/': new Uint8Array(0),
      '2026-09/bill.csv': strToU8(BILL),
      '2026-10/bill.csv': strToU8(BILL),
      '__MACOSX/2026-09/._bill.csv': strToU8('junk'),
      '2026-10/.DS_Store': strToU8('junk'),
    });
    const result = expand(zip);
    // Two of the same name: each named by the end of its path that tells them apart.
    expect(result.ok && result.value.map((file) => file.name)).toEqual([
      'bills.zip › 2026-09/bill.csv',
      'bills.zip › 2026-10/bill.csv',
    ]);
    expect(result.ok && new TextDecoder().decode(result.value[0]?.bytes)).toBe(BILL);
  });

  it('reads stored (uncompressed) members and their CRC matches', () => {
    const result = expand(storedZip({ 'bill.csv': strToU8(BILL) }));
    expect(result.ok && result.value[0]?.bytes.length).toBe(BILL.length);
  });
});

describe('expandUpload refuses damaged archives', () => {
  it('refuses a member whose 850.00 became 950.00 without its CRC being fixed', () => {
    const damaged = replaceBytes(storedZip({ 'bill.csv': strToU8(BILL) }), '850.00', '950.00');
    expect(message(expand(damaged))).toMatch(
      /The file "bill\.csv" in the ZIP archive "bills\.zip" is damaged: its contents do not match the checksum stored in the ZIP \(CRC-32\)/,
    );
  });

  it('refuses a declared size 5 bytes short (which would turn 1000.00 into 100.00)', () => {
    const zip = zipSync({ 'bill.csv': strToU8(BILL.replace('850.00', '1000.00')) });
    const short = patchZip(zip, 0, 'uncompressedSize', (size) => size - 5);
    expect(message(expand(short))).toMatch(/unzips to more than the \d+ bytes the ZIP declares/);
  });

  it('refuses a size changed in the table of contents only', () => {
    const zip = zipSync({ 'bill.csv': strToU8(BILL) });
    const altered = patchZip(zip, 0, 'uncompressedSize', (size) => size + 3, 'central');
    expect(message(expand(altered))).toMatch(/its two size and checksum records disagree/);
  });

  it('refuses a stored member declared longer than it is', () => {
    const stored = storedZip({ 'bill.csv': strToU8(BILL) });
    const longer = patchZip(stored, 0, 'uncompressedSize', (size) => size + 1);
    expect(message(expand(longer))).toMatch(/holds \d+ bytes, not the \d+ the ZIP declares/);
  });

  it('refuses a ZIP cut short, naming the problem', () => {
    const zip = zipSync({ 'bill.csv': strToU8(BILL) });
    expect(message(expand(zip.subarray(0, zip.length - 30)))).toMatch(
      /"bills\.zip" looks like a ZIP archive but cannot be opened: its table of contents/,
    );
  });

  it('refuses a member whose deflated data is garbage', () => {
    const text = 'x'.repeat(100);
    const zip = singleMemberZip('bill.csv', new Uint8Array([0xff, 0xff, 0xff]), {
      crc: crc32(strToU8(text)),
      uncompressedSize: text.length,
    });
    expect(message(expand(zip))).toMatch(/is damaged: its compressed data is damaged/);
  });
});

describe('expandUpload refuses unsafe names', () => {
  it.each([
    [
      'a duplicate name',
      'b.csv',
      'a.csv',
      /holds two files named "a\.csv"; one would hide the other/,
    ],
    ['the name __proto__', 'XXXXXXXXX', '__proto__', /uses the reserved name "__proto__"/],
    ['a ".." segment', 'xx/b.csv', '../b.csv', /climbs out of the archive with "\.\."/],
  ])('refuses %s', (_case, from, to, pattern) => {
    // Names of the same length are swapped in place, in the local header and the directory.
    const zip = zipSync({ 'a.csv': strToU8(BILL), [from]: strToU8(BILL) });
    const text = message(expand(replaceBytes(zip, from, to, 'all')));
    expect(text).toMatch(pattern ?? /.+/);
    expect(text).toContain('"bills.zip"');
  });

  it('refuses an absolute path', () => {
    const zip = zipSync({ 'Xtmp/a.csv': strToU8(BILL) });
    expect(message(expand(replaceBytes(zip, 'Xtmp/a.csv', '/tmp/a.csv', 'all')))).toMatch(
      /holds a file named "\/tmp\/a\.csv", which is an absolute path/,
    );
  });
});

describe('expandUpload enforces its limits before inflating', () => {
  it('refuses a member over the file limit, naming the limit and how to raise it', () => {
    const zip = zipSync({ 'bill.csv': new Uint8Array(3 * 1024 * 1024).fill(0x41) });
    const text = message(expand(zip, importLimits({ maxFileBytes: 2 * 1024 * 1024 })));
    expect(text).toContain('unzips to 3 MB, over the 2 MB limit for one file (largest file)');
    expect(text).toContain('raise "largest file" in Settings → Import limits');
  });

  it('refuses members adding up over the ZIP limit', () => {
    const member = new Uint8Array(700 * 1024).fill(0x41);
    const zip = zipSync({ 'a.csv': member, 'b.csv': member });
    expect(message(expand(zip, importLimits({ maxArchiveBytes: 1024 * 1024 })))).toContain(
      'unzips to more than 1 MB, the limit for one ZIP (largest ZIP)',
    );
  });

  it('refuses a ZIP bomb by its ratio (20 MB of newlines in a few kilobytes)', () => {
    const text = message(expand(bombZip('bill.csv', 20 * 1024 * 1024, 0x0a)));
    expect(text).toMatch(/compressed [\d,]+ times, over the limit of 200/);
    expect(text).toContain('ZIP bomb');
  });

  it('stops inflating a member that lies about its size, at the declared size', () => {
    const lying = bombZip('bill.csv', 4 * 1024 * 1024, 0x0a, { uncompressedSize: 1000 });
    expect(message(expand(lying))).toMatch(/unzips to more than the 1,000 bytes the ZIP declares/);
  });

  it('refuses too many members', () => {
    const files = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`f${i}.csv`, strToU8(BILL)]),
    );
    expect(message(expand(zipSync(files), importLimits({ maxArchiveMembers: 10 })))).toContain(
      'holds 12 files, over the limit of 10',
    );
  });

  it('refuses a plain file over the file limit', () => {
    const result = expandUpload(
      { name: 'big.csv', bytes: new Uint8Array(2048) },
      { limits: importLimits({ maxFileBytes: 1024 }) },
    );
    expect(message(result)).toContain('"big.csv" is 2 KB, over the 1 KB limit for one file');
  });

  it('says how to raise a limit the way the caller says it', () => {
    const result = expandUpload(
      { name: 'big.csv', bytes: new Uint8Array(2048) },
      { limits: importLimits({ maxFileBytes: 1024 }), limitAdvice: () => 'Use --max-file-mb.' },
    );
    expect(message(result)).toMatch(/Use --max-file-mb\.$/);
  });

  it('reads a hand-built member whose fields are right (the helper is sound)', () => {
    const zip = singleMemberZip('bill.csv', deflateText(BILL), {
      crc: crc32(strToU8(BILL)),
      uncompressedSize: BILL.length,
    });
    expect(expand(zip).ok).toBe(true);
  });
});
