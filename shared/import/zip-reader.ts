/**
 * A ZIP reader that checks what it reads. The central directory is read first, so sizes, ratios
 * and names can be refused before a byte is inflated; each member is then inflated on its own,
 * in small steps, stopping the moment it grows past its declared size; its length and CRC-32 are
 * checked against the directory. fflate's `unzipSync` trusts the directory and inflates
 * everything at once, which let damaged and crafted archives through.
 */
import { Inflate } from 'fflate';
import { crc32 } from './crc32';

/** One entry of the central directory, as the archive declares it. */
export interface ZipEntry {
  /** The path inside the archive, as stored (`Raw Data/AccountSummary.txt`). */
  path: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** General-purpose flags (bit 0 encrypted, bit 3 sizes in a data descriptor). */
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the local file header. */
  localOffset: number;
}

/**
 * A structural problem, in words; the caller adds the archive's name. `tooMany` is set instead
 * when the directory lists more entries than allowed (a limit, not damage).
 */
export interface ZipProblem {
  ok: false;
  problem: string;
  tooMany?: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
/** The end record is followed by at most a 65,535-byte comment. */
const MAX_COMMENT = 0xffff;
/** ZIP64 puts this in 32-bit fields whose real value lives elsewhere. */
const ZIP64_MARKER = 0xffffffff;
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

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
}

function problem(text: string): ZipProblem {
  return { ok: false, problem: text };
}

/** Where the end-of-central-directory record starts, searching back over a possible comment. */
function findEnd(bytes: Uint8Array): number {
  const last = bytes.length - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at -= 1) {
    if (u32(bytes, at) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

function entryPath(bytes: Uint8Array, flags: number): string {
  // Bit 11: the name is UTF-8; otherwise it is the DOS code page, read here as Latin-1.
  if (flags & 0x800) return new TextDecoder('utf-8').decode(bytes);
  let path = '';
  for (const byte of bytes) path += String.fromCharCode(byte);
  return path;
}

/** The central directory's entries, in order; a sentence when the structure is damaged. */
export function readZipDirectory(
  bytes: Uint8Array,
  maxEntries: number,
): { ok: true; entries: ZipEntry[] } | ZipProblem {
  const end = findEnd(bytes);
  if (end < 0) return problem('its table of contents (the end of the ZIP) is missing');
  const count = u16(bytes, end + 10);
  const directorySize = u32(bytes, end + 12);
  const directoryOffset = u32(bytes, end + 16);
  if (directoryOffset === ZIP64_MARKER || count === 0xffff) {
    return problem('it uses the ZIP64 format, meant for archives over 4 GB');
  }
  if (count > maxEntries) return { ok: false, problem: 'it holds too many files', tooMany: count };
  if (directoryOffset + directorySize > end) {
    return problem('its table of contents points outside the file');
  }
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    if (at + CENTRAL_SIZE > end || u32(bytes, at) !== CENTRAL_SIGNATURE) {
      return problem(`entry ${index + 1} of its table of contents is damaged`);
    }
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const next = at + CENTRAL_SIZE + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (next > end) return problem(`entry ${index + 1} of its table of contents is cut short`);
    const entry: ZipEntry = {
      path: entryPath(bytes.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength), flags),
      method: u16(bytes, at + 10),
      flags,
      crc: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      uncompressedSize: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
    };
    if (
      entry.compressedSize === ZIP64_MARKER ||
      entry.uncompressedSize === ZIP64_MARKER ||
      entry.localOffset === ZIP64_MARKER
    ) {
      return problem('it uses the ZIP64 format, meant for files over 4 GB');
    }
    entries.push(entry);
    at = next;
  }
  return { ok: true, entries };
}

/** The compressed bytes of an entry, after checking its local header agrees with the directory. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | string {
  const at = entry.localOffset;
  if (at + LOCAL_SIZE > bytes.length || u32(bytes, at) !== LOCAL_SIGNATURE) {
    return 'its header is missing or damaged';
  }
  const start = at + LOCAL_SIZE + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return 'it is cut short (the ZIP is truncated)';
  // Without a data descriptor (flag bit 3) the local header repeats the sizes and CRC; a
  // mismatch means one of the two was altered.
  if ((entry.flags & 0x8) === 0) {
    const agrees =
      u32(bytes, at + 14) === entry.crc &&
      u32(bytes, at + 18) === entry.compressedSize &&
      u32(bytes, at + 22) === entry.uncompressedSize;
    if (!agrees) return 'its two size and checksum records disagree';
  }
  return bytes.subarray(start, end);
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
 * The bytes of one member, checked: stored or deflated only, not encrypted, exactly the declared
 * length, and the declared CRC-32. A string says what is wrong.
 */
export function readZipMember(bytes: Uint8Array, entry: ZipEntry): Uint8Array | string {
  if (entry.flags & 0x1) return 'it is password-protected';
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
