/**
 * A ZIP reader that checks what it reads. The central directory is read first, so sizes, ratios
 * and names can be refused before a byte is inflated; each member is then inflated on its own,
 * in small steps, stopping the moment it grows past its declared size; its length and CRC-32 are
 * checked against the directory. fflate's `unzipSync` trusts the directory and inflates
 * everything at once, which let damaged and crafted archives through.
 */
import { Inflate } from 'fflate';
import {
  findZip64End,
  findZipEnd,
  readZipLocal,
  readZipRecord,
  ZIP64_MARKER,
  ZIP_DATA_DESCRIPTOR_FLAG,
  ZIP_ENCRYPTED_FLAG,
  type ZipRecord,
  zip64Values,
} from '../zip/structure';
import { crc32 } from './crc32';

/** One entry of the central directory, as the archive declares it. */
export type ZipEntry = ZipRecord;

/**
 * A structural problem, in words; the caller adds the archive's name. `tooMany` is set instead
 * when the directory lists more entries than allowed (a limit, not damage).
 */
export interface ZipProblem {
  ok: false;
  problem: string;
  tooMany?: number;
}

/** Compressed bytes handed to the inflater per step: at most ~1,000 times that comes out. */
const INFLATE_STEP = 8 * 1024;

/** Whether the bytes start with a ZIP local-file or empty-archive signature (`PK\x03\x04`, `PK\x05\x06`). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06))
  );
}

function problem(text: string): ZipProblem {
  return { ok: false, problem: text };
}

/** The central directory's entries, in order; a sentence when the structure is damaged. */
export function readZipDirectory(
  bytes: Uint8Array,
  maxEntries: number,
): { ok: true; entries: ZipEntry[] } | ZipProblem {
  const end = findZipEnd(bytes, 'allowed');
  if (end === undefined) return problem('its table of contents (the end of the ZIP) is missing');
  let { count, directorySize, directoryOffset } = end;
  // The directory ends before the end records (the ZIP64 ones, when there are).
  let limit = end.at;
  if (directoryOffset === ZIP64_MARKER || directorySize === ZIP64_MARKER || count === 0xffff) {
    // A ZIP64 archive (any size: streaming writers make small ones) keeps these in its ZIP64 end.
    const big = findZip64End(bytes, end);
    if (big === undefined) return problem('its ZIP64 table of contents is missing or damaged');
    ({ count, directorySize, directoryOffset } = big);
    limit = big.at;
  }
  if (count > maxEntries) return { ok: false, problem: 'it holds too many files', tooMany: count };
  if (directoryOffset + directorySize > limit) {
    return problem('its table of contents points outside the file');
  }
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    const read = readZipRecord(bytes, at, limit, 'flagged');
    if (read === 'damaged') {
      return problem(`entry ${index + 1} of its table of contents is damaged`);
    }
    if (read === 'cut-short') {
      return problem(`entry ${index + 1} of its table of contents is cut short`);
    }
    const entry = withZip64Sizes(read.record, read.extra);
    if (entry === undefined) {
      return problem(`entry ${index + 1} of its table of contents lacks its ZIP64 sizes`);
    }
    entries.push(entry);
    at = read.next;
  }
  return { ok: true, entries };
}

/**
 * A directory record with the real values of its ZIP64 fields (those holding the marker, read
 * from its ZIP64 extra field in the format's order); undefined when the extra field lacks them.
 */
function withZip64Sizes(record: ZipRecord, extra: Uint8Array): ZipEntry | undefined {
  const fields = ['uncompressedSize', 'compressedSize', 'localOffset'] as const;
  const marked = fields.filter((field) => record[field] === ZIP64_MARKER);
  if (marked.length === 0) return record;
  const values = zip64Values(extra, marked.length);
  if (values === undefined) return undefined;
  const entry = { ...record };
  marked.forEach((field, index) => {
    entry[field] = values[index] ?? ZIP64_MARKER;
  });
  return entry;
}

/** The compressed bytes of an entry, after checking its local header agrees with the directory. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | string {
  const local = readZipLocal(bytes, entry.localOffset, entry.compressedSize);
  if (local === 'missing') return 'its header is missing or damaged';
  if (local === 'cut-short') return 'it is cut short (the ZIP is truncated)';
  // Without a data descriptor (flag bit 3) the local header repeats the sizes and CRC; a
  // mismatch means one of the two was altered.
  if ((entry.flags & ZIP_DATA_DESCRIPTOR_FLAG) === 0) {
    const { header } = local;
    // A ZIP64 local header keeps both sizes in its extra field (uncompressed first).
    const zip64 =
      header.compressedSize === ZIP64_MARKER || header.uncompressedSize === ZIP64_MARKER
        ? zip64Values(header.extra, 2)
        : undefined;
    const agrees =
      header.crc === entry.crc &&
      (zip64?.[1] ?? header.compressedSize) === entry.compressedSize &&
      (zip64?.[0] ?? header.uncompressedSize) === entry.uncompressedSize;
    if (!agrees) return 'its two size and checksum records disagree';
  }
  return local.data;
}

/**
 * Inflates a deflated member into exactly `size` bytes, a few kilobytes of input at a time;
 * a sentence as soon as it would grow past `size` or the stream is damaged.
 */
function inflateBounded(data: Uint8Array, size: number): Uint8Array | string {
  const out = new Uint8Array(size);
  let written = 0;
  let overflow = false;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    if (final) finished = true;
    if (overflow) return;
    if (written + chunk.length > size) {
      overflow = true;
      return;
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let at = 0; at < data.length && !overflow; at += INFLATE_STEP) {
      const next = Math.min(at + INFLATE_STEP, data.length);
      inflater.push(data.subarray(at, next), next === data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch {
    // fflate throws on invalid deflate data: that is damage in the file, said in words below.
    return 'its compressed data is damaged';
  }
  if (overflow)
    return `it unzips to more than the ${size.toLocaleString('en-US')} bytes the ZIP declares`;
  if (!finished || written !== size) {
    return `it unzips to ${written.toLocaleString('en-US')} bytes, not the ${size.toLocaleString('en-US')} the ZIP declares`;
  }
  return out;
}

/**
 * Why a member cannot be read though nothing in it is damaged, with what the user can do; null
 * when it can be read. A password or a compression method TEM Desk does not read is no damage:
 * downloading the file again would not help.
 */
export function unsupportedMemberReason(entry: ZipEntry): string | null {
  if (entry.flags & ZIP_ENCRYPTED_FLAG) {
    return 'it is password-protected. Unzip it yourself (with its password) and import the files it holds, or ask the carrier for an export without a password';
  }
  if (entry.method !== 0 && entry.method !== 8) {
    const name = METHOD_NAMES.get(entry.method);
    return `it is compressed with ${name === undefined ? `method ${entry.method}` : `${name} (method ${entry.method})`}, which TEM Desk does not read. Unzip it yourself and import the files it holds, or zip them again with ordinary "deflate" compression`;
  }
  return null;
}

/** Compression methods seen in ZIPs that TEM Desk does not read, by their number. */
const METHOD_NAMES = new Map([
  [9, 'Deflate64'],
  [12, 'bzip2'],
  [14, 'LZMA'],
  [93, 'Zstandard'],
  [95, 'XZ'],
  [98, 'PPMd'],
  [99, 'AES encryption'],
]);

/**
 * The bytes of one member, checked: stored or deflated only, not encrypted, exactly the declared
 * length, and the declared CRC-32. A string says what is wrong.
 */
export function readZipMember(bytes: Uint8Array, entry: ZipEntry): Uint8Array | string {
  if (entry.flags & ZIP_ENCRYPTED_FLAG) return 'it is password-protected';
  const data = entryData(bytes, entry);
  if (typeof data === 'string') return data;
  let content: Uint8Array | string;
  if (entry.method === 0) {
    content =
      data.length === entry.uncompressedSize
        ? data
        : `it holds ${data.length.toLocaleString('en-US')} bytes, not the ${entry.uncompressedSize.toLocaleString('en-US')} the ZIP declares`;
  } else if (entry.method === 8) {
    content = inflateBounded(data, entry.uncompressedSize);
  } else {
    return `it is compressed with a method TEM Desk does not read (method ${entry.method}); re-zip it with ordinary "deflate" compression`;
  }
  if (typeof content === 'string') return content;
  if (crc32(content) !== entry.crc) {
    return 'its contents do not match the checksum stored in the ZIP (CRC-32), so bytes changed after it was zipped';
  }
  return content;
}

/** A gzip header with no name, time or extra fields: deflate data follows. */
const GZIP_HEADER = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff);

/**
 * The bytes of a deflated member, inflated by the platform's own zlib (`DecompressionStream`)
 * and checked by it. The member's deflate data is read as a gzip stream whose trailer holds the
 * CRC-32 and length the ZIP declares, so zlib gives the bytes only if both match; reading stops
 * the moment more comes out than declared. A few times faster than inflating and checksumming in
 * script (a million lines of zipped bills: about 3 s less in each reading worker).
 *
 * Undefined for anything it does not prove: a stored, encrypted or damaged member, or no
 * `DecompressionStream` here. `readZipMember` then reads that member itself and says what is
 * wrong, so this never decides what an error says, and bytes it gives are exactly those
 * `readZipMember` gives.
 */
export async function inflateZipMemberNatively(
  bytes: Uint8Array,
  entry: ZipEntry,
): Promise<Uint8Array | undefined> {
  if (typeof DecompressionStream === 'undefined') return undefined;
  if (entry.method !== 8 || entry.flags & ZIP_ENCRYPTED_FLAG) return undefined;
  const data = entryData(bytes, entry);
  if (typeof data === 'string') return undefined;
  const size = entry.uncompressedSize;
  const trailer = new Uint8Array(8);
  const view = new DataView(trailer.buffer);
  view.setUint32(0, entry.crc, true);
  view.setUint32(4, size, true);
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  // Not awaited (a write waits for its output to be read); a failure shows in the reads below.
  const ignore = () => undefined;
  writer.write(GZIP_HEADER).catch(ignore);
  writer.write(data).catch(ignore);
  writer.write(trailer).catch(ignore);
  writer.close().catch(ignore);
  const reader = stream.readable.getReader();
  const out = new Uint8Array(size);
  let written = 0;
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      if (written + chunk.value.length > size) {
        await reader.cancel().catch(ignore);
        return undefined;
      }
      out.set(chunk.value, written);
      written += chunk.value.length;
    }
  } catch {
    // zlib refused the data, its CRC-32 or its length.
    return undefined;
  }
  return written === size ? out : undefined;
}
