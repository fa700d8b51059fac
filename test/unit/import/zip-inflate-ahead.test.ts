/**
 * ZIP members inflated ahead by the platform's zlib (`inflateAhead`, used by the import worker)
 * are exactly what the script reader gives, and a member the platform does not prove is left to
 * the script reader, so every damaged archive is refused with the same sentence either way.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { expandUpload, inflateAhead, type UploadedFile } from '../../../shared/import/archive';
import { crc32 } from '../../../shared/import/crc32';
import { importLimits, type ImportLimits } from '../../../shared/import/limits';
import { readZipDirectory } from '../../../shared/import/zip-reader';
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

/** A bill big enough for zlib to hand its output over in several pieces. */
function bigBill(rows: number): string {
  const lines = ['Carrier,Account,Invoice,Invoice Date,Category,Amount'];
  for (let i = 0; i < rows; i += 1)
    lines.push(`Lumen,${1000 + (i % 97)},2,2026-10-01,MRC ${i},${(i * 37) % 9999}.${i % 100}`);
  return `${lines.join('\n')}\n`;
}

/** Each archive's members as `expandUpload` gives them, read by script alone and after `inflateAhead`. */
async function bothWays(file: UploadedFile, limits: ImportLimits = importLimits()) {
  const inflated = await inflateAhead([file], limits);
  const ahead = expandUpload(file, { limits, inflated });
  const script = expandUpload(file, { limits });
  const directory = readZipDirectory(file.bytes, limits.maxArchiveMembers);
  // (Compared as plain values: deep equality of long byte arrays is slow.)
  const plain = (result: typeof ahead) =>
    result.ok
      ? result.value.map((file) => [file.name, Buffer.from(file.bytes).toString('latin1')])
      : result.errors.map((error) => error.message);
  const provided = directory.ok
    ? directory.entries.map((entry) => inflated.get(file.bytes, entry) !== undefined)
    : [];
  return { ahead: plain(ahead), script: plain(script), ok: ahead.ok, provided };
}

const zip = (bytes: Uint8Array): UploadedFile => ({ name: 'bills.zip', bytes });

describe('inflateAhead gives the bytes the script reader gives', () => {
  it('inflates every deflated member of a real-looking download, in month folders', async () => {
    const big = bigBill(5_000);
    const { ahead, script, ok, provided } = await bothWays(
      zip(
        zipSync({
          '2026-09/': new Uint8Array(0),
          '2026-09/bill.csv': strToU8(BILL),
          '2026-10/bill.csv': strToU8(big),
          '__MACOSX/2026-09/._bill.csv': strToU8('junk'),
        }),
      ),
    );
    expect(ahead).toEqual(script);
    expect(ok).toBe(true);
    expect(ahead[1]).toEqual(['bills.zip › 2026-10/bill.csv', big]);
    // The folder and the macOS metadata are never bill files: only the two bills are inflated.
    expect(provided).toEqual([false, true, true, false]);
  });

  it('leaves stored members to the script reader, with the same result', async () => {
    const { ahead, script, ok, provided } = await bothWays(
      zip(storedZip({ 'bill.csv': strToU8(BILL) })),
    );
    expect(ahead).toEqual(script);
    expect(ok).toBe(true);
    expect(provided).toEqual([false]);
  });

  it('passes plain files through untouched', async () => {
    const plain = { name: 'bill.csv', bytes: strToU8(BILL) };
    const inflated = await inflateAhead([plain]);
    expect(expandUpload(plain, { inflated })).toEqual(expandUpload(plain));
  });
});

describe('inflateAhead proves nothing damaged: the script reader says what is wrong', () => {
  const text = 'x'.repeat(100);
  const cases: [string, () => Uint8Array, RegExp][] = [
    [
      'a deflated member whose CRC-32 was changed in both headers',
      () => patchZip(zipSync({ 'bill.csv': strToU8(BILL) }), 0, 'crc', (crc) => crc ^ 1),
      /do not match the checksum stored in the ZIP \(CRC-32\)/,
    ],
    [
      'a member declared 5 bytes short',
      () => patchZip(zipSync({ 'bill.csv': strToU8(BILL) }), 0, 'uncompressedSize', (n) => n - 5),
      /unzips to more than the \d+ bytes the ZIP declares/,
    ],
    [
      'a member declared 5 bytes long',
      () => patchZip(zipSync({ 'bill.csv': strToU8(BILL) }), 0, 'uncompressedSize', (n) => n + 5),
      /unzips to \d+ bytes, not the \d+ the ZIP declares/,
    ],
    [
      'a size changed in the table of contents only',
      () =>
        patchZip(
          zipSync({ 'bill.csv': strToU8(BILL) }),
          0,
          'uncompressedSize',
          (n) => n + 3,
          'central',
        ),
      /its two size and checksum records disagree/,
    ],
    [
      'garbage deflate data',
      () =>
        singleMemberZip('bill.csv', new Uint8Array([0xff, 0xff, 0xff]), {
          crc: crc32(strToU8(text)),
          uncompressedSize: text.length,
        }),
      /its compressed data is damaged/,
    ],
    [
      'deflate data cut short',
      () => {
        const deflated = deflateText(bigBill(2_000));
        return singleMemberZip('bill.csv', deflated.subarray(0, deflated.length >> 1), {
          crc: crc32(strToU8(bigBill(2_000))),
          uncompressedSize: bigBill(2_000).length,
        });
      },
      /is damaged: /,
    ],
    [
      'a member that lies about its size (4 MB declared as 1,000 bytes)',
      () => bombZip('bill.csv', 4 * 1024 * 1024, 0x0a, { uncompressedSize: 1000 }),
      /unzips to more than the 1,000 bytes the ZIP declares/,
    ],
    [
      'a ZIP bomb by its ratio (never inflated at all)',
      () => bombZip('bill.csv', 20 * 1024 * 1024, 0x0a),
      /ZIP bomb/,
    ],
    [
      'a stored member whose text changed',
      () => replaceBytes(storedZip({ 'bill.csv': strToU8(BILL) }), '850.00', '950.00'),
      /CRC-32/,
    ],
  ];

  it.each(cases)('%s', async (_name, make, said) => {
    const { ahead, script, ok, provided } = await bothWays(zip(make()));
    expect(ok).toBe(false);
    expect(ahead).toEqual(script);
    expect(ahead[0]).toMatch(said);
    expect(provided.every((given) => !given)).toBe(true);
  });

  it('inflates nothing of an archive refused by a limit', async () => {
    const file = zip(zipSync({ 'a.csv': strToU8(BILL), 'b.csv': strToU8(BILL) }));
    const limits = importLimits({ maxArchiveMembers: 1 });
    const { ahead, script, ok, provided } = await bothWays(file, limits);
    expect(ahead).toEqual(script);
    expect(ok).toBe(false);
    expect(provided).toEqual([]);
    const withinLimits = await inflateAhead([file], importLimits({ maxFileBytes: 10 }));
    const directory = readZipDirectory(file.bytes, 10);
    expect(directory.ok && directory.entries.map((e) => withinLimits.get(file.bytes, e))).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('keeps each damaged member of a mixed archive to the script reader', async () => {
    // The first member is sound, the second's CRC altered: the whole ZIP is refused, as before.
    const file = zip(
      patchZip(zipSync({ 'a.csv': strToU8(BILL), 'b.csv': strToU8(BILL) }), 1, 'crc', (c) => c ^ 8),
    );
    const { ahead, script, provided } = await bothWays(file);
    expect(ahead).toEqual(script);
    expect(ahead[0]).toContain('"b.csv"');
    expect(provided).toEqual([true, false]);
  });
});
