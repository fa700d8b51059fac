/**
 * The structure of a ZIP file, read without unpacking anything: the end-of-central-directory
 * record, the central directory's records (the table of contents) and each member's local header.
 * Every offset is checked against the bytes before it is read; nothing here throws. Both ZIP
 * readers build on it and add their own refusals, in their own words: the bill import's
 * (`shared/import/zip-reader.ts`: ZIP64 fields resolved, encryption, methods, sizes and CRC when a member is read)
 * and the backup's (`shared/backup/zip-directory.ts`: the exact layout its writer makes, limits,
 * names).
 */

/** Signatures of the records, little-endian (`PK\x05\x06`, `PK\x01\x02`, `PK\x03\x04`). */
const END_SIGNATURE = 0x06054b50;
const DIRECTORY_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const END_RECORD_BYTES = 22;
const DIRECTORY_RECORD_BYTES = 46;
const LOCAL_HEADER_BYTES = 30;
/** The end record is followed by at most a 65,535-byte comment. */
const MAX_COMMENT = 0xffff;

/** General-purpose flag bits. */
export const ZIP_ENCRYPTED_FLAG = 0x1;
export const ZIP_DATA_DESCRIPTOR_FLAG = 0x8;
const UTF8_NAME_FLAG = 0x800;

/** ZIP64 puts this in 32-bit fields whose real value lives elsewhere. */
export const ZIP64_MARKER = 0xffffffff;

/** One record of the central directory, as the archive declares it. */
export interface ZipRecord {
  /** The path inside the archive, as stored (`Raw Data/AccountSummary.txt`). */
  path: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** General-purpose flags (bit 0 encrypted, bit 3 sizes in a data descriptor). */
  flags: number;
  /** CRC-32 of the unpacked bytes, unsigned. */
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the local file header. */
  localOffset: number;
}

/** Where the end record is, and what it says of the directory. */
export interface ZipEnd {
  /** Offset of the end record: the directory must end at or before it. */
  at: number;
  /** Entries listed (0xffff in a ZIP64 archive). */
  count: number;
  directoryOffset: number;
  directorySize: number;
  /** Length of the comment after the end record. */
  commentLength: number;
}

export function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

export function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
}

function endAt(bytes: Uint8Array, at: number): ZipEnd {
  return {
    at,
    count: u16(bytes, at + 10),
    directorySize: u32(bytes, at + 12),
    directoryOffset: u32(bytes, at + 16),
    commentLength: u16(bytes, at + 20),
  };
}

/**
 * The end-of-central-directory record. With `comment: 'allowed'` it is searched for back over a
 * possible comment; with `'none'` it must be the file's last 22 bytes (as a writer with no comment
 * leaves it; a file cut off anywhere fails this). Undefined when there is none.
 */
export function findZipEnd(bytes: Uint8Array, comment: 'allowed' | 'none'): ZipEnd | undefined {
  const last = bytes.length - END_RECORD_BYTES;
  if (last < 0) return undefined;
  const first = comment === 'none' ? last : Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at -= 1) {
    if (u32(bytes, at) === END_SIGNATURE) return endAt(bytes, at);
  }
  return undefined;
}

function recordPath(bytes: Uint8Array, flags: number, names: 'flagged' | 'latin1'): string {
  // Bit 11: the name is UTF-8; otherwise it is the DOS code page, read here as Latin-1.
  if (names === 'flagged' && (flags & UTF8_NAME_FLAG) !== 0) {
    return new TextDecoder('utf-8').decode(bytes);
  }
  let path = '';
  for (const byte of bytes) path += String.fromCharCode(byte);
  return path;
}

/**
 * The directory record at `at`, which with its name, extra field and comment must end by
 * `limit` (the end record's offset), and where the next record starts. `damaged` when there is no
 * record there; `cut-short` when it runs past `limit`. Names are UTF-8 when their flag says so
 * (`names: 'flagged'`), else Latin-1 (`'latin1'`: every name, whatever its flag).
 */
export function readZipRecord(
  bytes: Uint8Array,
  at: number,
  limit: number,
  names: 'flagged' | 'latin1',
): { record: ZipRecord; next: number; extra: Uint8Array } | 'damaged' | 'cut-short' {
  if (at + DIRECTORY_RECORD_BYTES > limit || u32(bytes, at) !== DIRECTORY_SIGNATURE) {
    return 'damaged';
  }
  const flags = u16(bytes, at + 8);
  const nameLength = u16(bytes, at + 28);
  const next = at + DIRECTORY_RECORD_BYTES + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  if (next > limit) return 'cut-short';
  const nameStart = at + DIRECTORY_RECORD_BYTES;
  const extraStart = nameStart + nameLength;
  return {
    extra: bytes.subarray(extraStart, extraStart + u16(bytes, at + 30)),
    record: {
      path: recordPath(bytes.subarray(nameStart, nameStart + nameLength), flags, names),
      method: u16(bytes, at + 10),
      flags,
      crc: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      uncompressedSize: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
    },
    next,
  };
}

/** What a member's local header repeats of its directory record. */
export interface ZipLocalHeader {
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  /** The header's extra field (a ZIP64 member keeps its sizes there). */
  extra: Uint8Array;
}

/** The ZIP64 extended-information extra field's header id. */
const ZIP64_EXTRA_ID = 0x0001;

/** A 64-bit little-endian number; undefined past what a number holds exactly. */
export function u64(bytes: Uint8Array, at: number): number | undefined {
  const high = u32(bytes, at + 4);
  if (high > 0x1fffff) return undefined;
  return high * 0x1_0000_0000 + u32(bytes, at);
}

/**
 * The 64-bit values of a ZIP64 extra field, in the order the format stores them (only those
 * whose 32-bit field holds {@link ZIP64_MARKER}, in the order uncompressed size, compressed size,
 * local header offset); undefined when the field is absent or too short.
 */
export function zip64Values(extra: Uint8Array, wanted: number): number[] | undefined {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = u16(extra, at);
    const size = u16(extra, at + 2);
    const body = at + 4;
    if (body + size > extra.length) return undefined;
    if (id === ZIP64_EXTRA_ID) {
      if (size < wanted * 8) return undefined;
      const values: number[] = [];
      for (let index = 0; index < wanted; index += 1) {
        const value = u64(extra, body + index * 8);
        if (value === undefined) return undefined;
        values.push(value);
      }
      return values;
    }
    at = body + size;
  }
  return undefined;
}

/** Signatures of the ZIP64 end records (`PK\x06\x07` locator, `PK\x06\x06` record). */
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_END_SIGNATURE = 0x06064b50;
const ZIP64_LOCATOR_BYTES = 20;

/**
 * What a ZIP64 end record says of the directory (the count, size and offset an archive with
 * ZIP64 end records keeps there), found through the locator just before the end record;
 * undefined when there is none or it is damaged.
 */
export function findZip64End(
  bytes: Uint8Array,
  end: ZipEnd,
): { count: number; directorySize: number; directoryOffset: number; at: number } | undefined {
  const locator = end.at - ZIP64_LOCATOR_BYTES;
  if (locator < 0 || u32(bytes, locator) !== ZIP64_LOCATOR_SIGNATURE) return undefined;
  const at = u64(bytes, locator + 8);
  if (at === undefined || at + 56 > locator || u32(bytes, at) !== ZIP64_END_SIGNATURE) {
    return undefined;
  }
  const count = u64(bytes, at + 32);
  const directorySize = u64(bytes, at + 40);
  const directoryOffset = u64(bytes, at + 48);
  if (count === undefined || directorySize === undefined || directoryOffset === undefined) {
    return undefined;
  }
  return { count, directorySize, directoryOffset, at };
}

/**
 * A member's packed bytes, from its local header at `localOffset`: `missing` when there is no
 * header there, `cut-short` when the bytes run past the file's end.
 */
export function readZipLocal(
  bytes: Uint8Array,
  localOffset: number,
  compressedSize: number,
): { data: Uint8Array; header: ZipLocalHeader } | 'missing' | 'cut-short' {
  const at = localOffset;
  if (at + LOCAL_HEADER_BYTES > bytes.length || u32(bytes, at) !== LOCAL_SIGNATURE) {
    return 'missing';
  }
  const extraStart = at + LOCAL_HEADER_BYTES + u16(bytes, at + 26);
  const start = extraStart + u16(bytes, at + 28);
  const end = start + compressedSize;
  if (end > bytes.length) return 'cut-short';
  return {
    data: bytes.subarray(start, end),
    header: {
      crc: u32(bytes, at + 14),
      compressedSize: u32(bytes, at + 18),
      uncompressedSize: u32(bytes, at + 22),
      extra: bytes.subarray(extraStart, start),
    },
  };
}
