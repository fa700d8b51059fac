/**
 * Reads a ZIP's central directory — names, sizes, checksums — without unpacking anything, and
 * refuses what a backup writer never makes: too many members, sizes past the limits or past what
 * deflate can produce, duplicate names, names that climb out of a folder or are absolute.
 */
import { strFromU8 } from 'fflate';
import type { Result } from '../result';
import { fail, ok } from '../result';
import { MAX_DEFLATE_RATIO, type BackupLimits } from './limits';
import { BACKUP_MESSAGES } from './messages';

/** One member as the central directory states it (nothing is unpacked yet). */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** CRC-32 of the unpacked bytes, unsigned. */
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the member's local header. */
  localOffset: number;
}

const LOCAL_HEADER = 0x04034b50;
const DIRECTORY_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const END_RECORD_BYTES = 22;
const DIRECTORY_HEADER_BYTES = 46;
const LOCAL_HEADER_BYTES = 30;
const ENCRYPTED_FLAG = 0x1;
const STORED = 0;
const DEFLATED = 8;

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Whether the bytes start like a ZIP, or are a cut-off start of one (even an empty file). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return [0x50, 0x4b, 0x03, 0x04].every((byte, i) => i >= bytes.length || bytes[i] === byte);
}

/**
 * The directory's place, when the ZIP ends exactly as the writer ends it: an end record with no
 * comment, right after the directory. A file cut off anywhere fails this.
 */
function directoryBounds(
  bytes: Uint8Array,
): { offset: number; size: number; count: number } | undefined {
  const start = bytes.length - END_RECORD_BYTES;
  if (start < 0) return undefined;
  const view = viewOf(bytes);
  const size = view.getUint32(start + 12, true);
  const offset = view.getUint32(start + 16, true);
  const complete =
    view.getUint32(start, true) === END_OF_DIRECTORY &&
    view.getUint16(start + 20, true) === 0 &&
    offset + size === start;
  return complete ? { offset, size, count: view.getUint16(start + 10, true) } : undefined;
}

/** Whether a member name is unsafe to unpack: empty, absolute, climbing with `..`, or `__proto__`. */
function unsafeName(name: string): boolean {
  const parts = name.split(/[/\\]/);
  return (
    name === '' ||
    name.startsWith('/') ||
    name.startsWith('\\') ||
    /^[A-Za-z]:/.test(name) ||
    parts.some((part) => part === '..' || part === '__proto__')
  );
}

function readEntry(view: DataView, bytes: Uint8Array, at: number): ZipEntry | undefined {
  if (at + DIRECTORY_HEADER_BYTES > bytes.length) return undefined;
  if (view.getUint32(at, true) !== DIRECTORY_HEADER) return undefined;
  if ((view.getUint16(at + 8, true) & ENCRYPTED_FLAG) !== 0) return undefined;
  const nameLength = view.getUint16(at + 28, true);
  const nameEnd = at + DIRECTORY_HEADER_BYTES + nameLength;
  if (nameEnd > bytes.length) return undefined;
  return {
    // Latin-1 never fails to decode; the backup writer only writes ASCII names.
    name: strFromU8(bytes.subarray(at + DIRECTORY_HEADER_BYTES, nameEnd), true),
    method: view.getUint16(at + 10, true),
    crc: view.getUint32(at + 16, true),
    compressedSize: view.getUint32(at + 20, true),
    size: view.getUint32(at + 24, true),
    localOffset: view.getUint32(at + 42, true),
  };
}

/** Bytes a directory record takes: its fixed part, name, extra field and comment. */
function recordLength(view: DataView, at: number): number {
  return (
    DIRECTORY_HEADER_BYTES +
    view.getUint16(at + 28, true) +
    view.getUint16(at + 30, true) +
    view.getUint16(at + 32, true)
  );
}

/** Checks one member's claims against the limits, before anything is unpacked. */
function checkEntry(entry: ZipEntry, limits: BackupLimits): Result<true> {
  if (unsafeName(entry.name)) return fail(BACKUP_MESSAGES.unsafeEntryName(entry.name));
  if (entry.method !== STORED && entry.method !== DEFLATED) return fail(BACKUP_MESSAGES.damaged);
  if (entry.size > limits.maxMemberBytes) {
    return fail(BACKUP_MESSAGES.memberTooLarge(entry.name, entry.size, limits.maxMemberBytes));
  }
  const ratio = entry.method === STORED ? 1 : MAX_DEFLATE_RATIO;
  if (entry.size > Math.max(entry.compressedSize, 1) * ratio) return fail(BACKUP_MESSAGES.damaged);
  return ok(true);
}

/**
 * The members of a ZIP, by name, read from its central directory: refused (with a sentence) when
 * the file is not a whole ZIP, holds too many members or too much data for the limits, or names a
 * member twice or unsafely. Nothing is unpacked.
 */
export function readZipDirectory(
  bytes: Uint8Array,
  limits: BackupLimits,
): Result<Map<string, ZipEntry>> {
  if (!looksLikeZip(bytes)) return fail(BACKUP_MESSAGES.notBackup);
  const bounds = directoryBounds(bytes);
  if (bounds === undefined) return fail(BACKUP_MESSAGES.damaged);
  if (bounds.count > limits.maxEntries) {
    return fail(BACKUP_MESSAGES.tooManyMembers(bounds.count, limits.maxEntries));
  }
  const view = viewOf(bytes);
  const entries = new Map<string, ZipEntry>();
  let at = bounds.offset;
  let total = 0;
  for (let i = 0; i < bounds.count; i++) {
    const entry = readEntry(view, bytes, at);
    if (entry === undefined) return fail(BACKUP_MESSAGES.damaged);
    const checked = checkEntry(entry, limits);
    if (!checked.ok) return checked;
    if (entries.has(entry.name)) return fail(BACKUP_MESSAGES.duplicateEntry(entry.name));
    total += entry.size;
    if (total > limits.maxTotalBytes) {
      return fail(BACKUP_MESSAGES.totalTooLarge(limits.maxTotalBytes));
    }
    entries.set(entry.name, entry);
    at += recordLength(view, at);
  }
  // The records must fill the directory exactly; anything else is a damaged or forged file.
  if (at !== bounds.offset + bounds.size) return fail(BACKUP_MESSAGES.damaged);
  return ok(entries);
}

/** Where a member's packed bytes are, from its local header; undefined when they do not fit. */
export function packedBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array | undefined {
  const at = entry.localOffset;
  if (at + LOCAL_HEADER_BYTES > bytes.length) return undefined;
  const view = viewOf(bytes);
  if (view.getUint32(at, true) !== LOCAL_HEADER) return undefined;
  const start =
    at + LOCAL_HEADER_BYTES + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  return end <= bytes.length ? bytes.subarray(start, end) : undefined;
}
