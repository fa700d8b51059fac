/**
 * Building damaged and crafted ZIPs for tests: a valid archive from fflate, then one field of a
 * header changed, as a byte flip or a hand-edited archive would.
 */
import { Deflate as DeflateStream, deflateSync, strToU8, zipSync, type Zippable } from 'fflate';
import { crc32 as crcUpdate } from '../../shared/import/crc32';

const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

function u32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(at, true);
}

function setU32(bytes: Uint8Array, at: number, value: number): void {
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, value >>> 0, true);
}

/** Offsets of every header with this signature. */
function headers(bytes: Uint8Array, signature: number): number[] {
  const found: number[] = [];
  for (let at = 0; at + 4 <= bytes.length; at += 1)
    if (u32(bytes, at) === signature) found.push(at);
  return found;
}

/** Fields of a member's headers that tests alter. */
export type ZipField = 'crc' | 'compressedSize' | 'uncompressedSize';

const CENTRAL_OFFSET: Record<ZipField, number> = {
  crc: 16,
  compressedSize: 20,
  uncompressedSize: 24,
};
const LOCAL_OFFSET: Record<ZipField, number> = {
  crc: 14,
  compressedSize: 18,
  uncompressedSize: 22,
};

/** A copy of `zip` with a field of its `index`-th member changed, in both headers or only one. */
export function patchZip(
  zip: Uint8Array,
  index: number,
  field: ZipField,
  change: (value: number) => number,
  where: 'both' | 'central' = 'both',
): Uint8Array {
  const copy = zip.slice();
  const central = headers(copy, CENTRAL_SIGNATURE)[index];
  const local = headers(copy, LOCAL_SIGNATURE)[index];
  if (central === undefined || local === undefined) throw new Error(`No member ${index}`);
  const value = u32(copy, central + CENTRAL_OFFSET[field]);
  setU32(copy, central + CENTRAL_OFFSET[field], change(value));
  if (where === 'both') setU32(copy, local + LOCAL_OFFSET[field], change(value));
  return copy;
}

/**
 * A copy of `bytes` with `from` (as text) replaced by `to` of the same length: the first time,
 * or everywhere (a member's name is in its local header and in the directory).
 */
export function replaceBytes(
  bytes: Uint8Array,
  from: string,
  to: string,
  times: 'first' | 'all' = 'first',
): Uint8Array {
  const needle = strToU8(from);
  const replacement = strToU8(to);
  if (replacement.length !== needle.length) throw new Error('Replace with the same length');
  const copy = bytes.slice();
  let found = 0;
  for (let at = 0; at + needle.length <= copy.length; at += 1) {
    if (needle.every((byte, i) => copy[at + i] === byte)) {
      copy.set(replacement, at);
      found += 1;
      if (times === 'first') break;
    }
  }
  if (found === 0) throw new Error(`"${from}" not found`);
  return copy;
}

/** A stored (uncompressed) ZIP, so its members' text can be edited in place. */
export function storedZip(files: Zippable): Uint8Array {
  return zipSync(files, { level: 0 });
}

/**
 * A ZIP of one deflated member of `size` bytes of `fill`, built from a small deflated payload
 * without ever holding the big file: deflate compresses runs so well that the compressed stream
 * of `size` newlines is a few hundred kilobytes. `declared` lets a test lie about the size.
 */
export function bombZip(
  name: string,
  size: number,
  fill: number,
  declared: { uncompressedSize?: number } = {},
): Uint8Array {
  const chunk = new Uint8Array(1024 * 1024).fill(fill);
  // Deflate one megabyte, then stitch a stream of `size / 1 MB` megabytes: fflate's streaming
  // Deflate with the same chunk repeated keeps memory at one chunk.
  const parts: Uint8Array[] = [];
  let crc = 0;
  const megabytes = Math.ceil(size / chunk.length);
  const deflater = new DeflateStream((data) => parts.push(data));
  for (let i = 0; i < megabytes; i += 1) {
    const last = i === megabytes - 1;
    const piece = last ? chunk.subarray(0, size - i * chunk.length) : chunk;
    crc = crcUpdate(piece, crc);
    deflater.push(piece, last);
  }
  const compressed = concat(parts);
  return singleMemberZip(name, compressed, {
    crc,
    uncompressedSize: declared.uncompressedSize ?? size,
  });
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

/** A one-member deflated ZIP written by hand, with the sizes and CRC given. */
export function singleMemberZip(
  name: string,
  compressed: Uint8Array,
  fields: { crc: number; uncompressedSize: number },
): Uint8Array {
  const nameBytes = strToU8(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const view = new DataView(local.buffer);
  view.setUint32(0, LOCAL_SIGNATURE, true);
  view.setUint16(4, 20, true);
  view.setUint16(8, 8, true);
  view.setUint32(14, fields.crc >>> 0, true);
  view.setUint32(18, compressed.length, true);
  view.setUint32(22, fields.uncompressedSize, true);
  view.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  const cview = new DataView(central.buffer);
  cview.setUint32(0, CENTRAL_SIGNATURE, true);
  cview.setUint16(4, 20, true);
  cview.setUint16(6, 20, true);
  cview.setUint16(10, 8, true);
  cview.setUint32(16, fields.crc >>> 0, true);
  cview.setUint32(20, compressed.length, true);
  cview.setUint32(24, fields.uncompressedSize, true);
  cview.setUint16(28, nameBytes.length, true);
  cview.setUint32(42, 0, true);
  central.set(nameBytes, 46);
  const end = new Uint8Array(22);
  const eview = new DataView(end.buffer);
  eview.setUint32(0, 0x06054b50, true);
  eview.setUint16(8, 1, true);
  eview.setUint16(10, 1, true);
  eview.setUint32(12, central.length, true);
  eview.setUint32(16, local.length + compressed.length, true);
  return concat([local, compressed, central, end]);
}

/** A deflated copy of text, for hand-built archives. */
export function deflateText(text: string): Uint8Array {
  return deflateSync(strToU8(text));
}
