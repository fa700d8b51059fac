/**
 * Reads a ZIP's central directory — names, sizes, checksums — without unpacking anything, and
 * refuses what a backup writer never makes: too many members, sizes past the limits or past what
 * deflate can produce, duplicate names, names that climb out of a folder or are absolute.
 */
import type { Result } from '../result';
import { fail, ok } from '../result';
import {
  findZipEnd,
  readZipLocal,
  readZipRecord,
  ZIP_ENCRYPTED_FLAG,
  type ZipEnd,
} from '../zip/structure';
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

const STORED = 0;
const DEFLATED = 8;

/** Whether the bytes start like a ZIP, or are a cut-off start of one (even an empty file). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return [0x50, 0x4b, 0x03, 0x04].every((byte, i) => i >= bytes.length || bytes[i] === byte);
}

/**
 * The directory's place, when the ZIP ends exactly as the writer ends it: an end record with no
 * comment, right after the directory. A file cut off anywhere fails this.
 */
function directoryBounds(bytes: Uint8Array): ZipEnd | undefined {
  const end = findZipEnd(bytes, 'none');
  const complete =
    end !== undefined &&
    end.commentLength === 0 &&
    end.directoryOffset + end.directorySize === end.at;
  return complete ? end : undefined;
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

/** The record at `at` as a backup member; undefined when damaged or encrypted. */
function readEntry(
  bytes: Uint8Array,
  at: number,
  end: ZipEnd,
): { entry: ZipEntry; next: number } | undefined {
  // Latin-1 never fails to decode; the backup writer only writes ASCII names.
  const read = readZipRecord(bytes, at, end.at, 'latin1');
  if (typeof read === 'string' || (read.record.flags & ZIP_ENCRYPTED_FLAG) !== 0) return undefined;
  const { path, method, crc, compressedSize, uncompressedSize, localOffset } = read.record;
  return {
    entry: { name: path, method, crc, compressedSize, size: uncompressedSize, localOffset },
    next: read.next,
  };
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
  const entries = new Map<string, ZipEntry>();
  let at = bounds.directoryOffset;
  let total = 0;
  for (let i = 0; i < bounds.count; i++) {
    const read = readEntry(bytes, at, bounds);
    if (read === undefined) return fail(BACKUP_MESSAGES.damaged);
    const { entry } = read;
    const checked = checkEntry(entry, limits);
    if (!checked.ok) return checked;
    if (entries.has(entry.name)) return fail(BACKUP_MESSAGES.duplicateEntry(entry.name));
    total += entry.size;
    if (total > limits.maxTotalBytes) {
      return fail(BACKUP_MESSAGES.totalTooLarge(limits.maxTotalBytes));
    }
    entries.set(entry.name, entry);
    at = read.next;
  }
  // The records must fill the directory exactly; anything else is a damaged or forged file.
  if (at !== bounds.directoryOffset + bounds.directorySize) return fail(BACKUP_MESSAGES.damaged);
  return ok(entries);
}

/** Where a member's packed bytes are, from its local header; undefined when they do not fit. */
export function packedBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array | undefined {
  const local = readZipLocal(bytes, entry.localOffset, entry.compressedSize);
  return typeof local === 'string' ? undefined : local.data;
}
