/**
 * Uploads to the files inside them. Verizon's Raw Data Download arrives as a ZIP of text files;
 * everything else is a single file. A ZIP is recognised by its signature, not its name, because
 * users rename files and mail gateways rename attachments.
 */
import { isHiddenName, isHousekeepingFileName, isSystemFileName } from './housekeeping-files';
import type { Result } from '../result';
import { fail, ok } from '../result';
import type { ImportLimits, LimitAdvice } from './limits';
import {
  APP_LIMIT_ADVICE,
  DEFAULT_IMPORT_LIMITS,
  formatBytes,
  formatCount,
  LIMIT_NAMES,
  quoteCell,
  RATIO_CHECK_FROM_BYTES,
} from './limits';
import type { ZipEntry } from './zip-reader';
import { uniqueFileNames } from '../ledger/file-names';
import { isXlsx, officePackageProblem } from './xlsx/package';
import {
  inflateZipMemberNatively,
  isZip,
  readZipDirectory,
  readZipMember,
  unsupportedMemberReason,
} from './zip-reader';

export { isZip } from './zip-reader';

/** A file as picked or dropped by the user, or a member of a ZIP. */
export interface UploadedFile {
  /** File name without folders. */
  name: string;
  bytes: Uint8Array;
}

/** The base name of a path inside a ZIP (`Raw Data/AccountSummary.txt` → `AccountSummary.txt`). */
export function baseName(path: string): string {
  const parts = path.split(/[/\\]/);
  return parts[parts.length - 1] ?? path;
}

/**
 * Whether a ZIP entry holds a bill file rather than a folder, macOS metadata, a hidden file or
 * Windows' housekeeping (`Thumbs.db`, `desktop.ini`, zipped with the folder they sit in).
 */
function isBillMember(path: string): boolean {
  if (path.endsWith('/') || path.endsWith('\\')) return false;
  const segments = path.split(/[/\\]/);
  if (segments.some((segment) => segment === '__MACOSX' || segment.startsWith('.'))) return false;
  return !isHousekeepingFileName(segments[segments.length - 1] ?? '');
}

/**
 * The members of a ZIP left out because their name or a folder of theirs starts with a dot
 * (`.bill.csv`, `.old/bill.csv`) and is not the system's own (`.DS_Store`, `__MACOSX/`): what a
 * run names as skipped. None for a file that is not a ZIP, or one that cannot be opened.
 */
export function hiddenZipMembers(file: UploadedFile, limits = DEFAULT_IMPORT_LIMITS): string[] {
  if (!isZip(file.bytes) || isXlsx(file.bytes)) return [];
  const directory = readZipDirectory(file.bytes, limits.maxArchiveMembers);
  if (!directory.ok) return [];
  return directory.entries
    .map((entry) => entry.path)
    .filter((path) => {
      if (path.endsWith('/') || path.endsWith('\\')) return false;
      const segments = path.split(/[/\\]/);
      return !segments.some(isSystemFileName) && segments.some(isHiddenName);
    });
}

/** Options of {@link expandUpload}. */
export interface ExpandOptions {
  limits?: ImportLimits;
  /** How a refusal says to raise a limit; the app's Settings by default. */
  limitAdvice?: LimitAdvice;
  /** Members already inflated and checked (see {@link inflateAhead}); the rest are read here. */
  inflated?: InflatedMembers;
}

/** ZIP members inflated and checked ahead of a read, by archive (its bytes) and entry. */
export interface InflatedMembers {
  get(archive: Uint8Array, entry: ZipEntry): Uint8Array | undefined;
}

/**
 * Inflates ahead, with the platform's zlib, every member {@link expandUpload} would read from
 * these uploads (see `inflateZipMemberNatively`), so that the read itself, synchronous, finds
 * them done. Only archives `expandUpload` would open within `limits` are touched, and only
 * members the platform proves (declared length and CRC-32); anything else is left for
 * `expandUpload` to read and, if it is damaged, to say so.
 */
export async function inflateAhead(
  files: readonly UploadedFile[],
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<InflatedMembers> {
  const byArchive = new Map<Uint8Array, Map<string, Uint8Array>>();
  for (const file of files) {
    if (!isZip(file.bytes) || isXlsx(file.bytes)) continue;
    const directory = readZipDirectory(file.bytes, limits.maxArchiveMembers);
    if (!directory.ok) continue;
    if (refuseEntries(file.name, directory.entries, limits, APP_LIMIT_ADVICE) !== null) continue;
    const members = new Map<string, Uint8Array>();
    for (const entry of directory.entries) {
      if (!isBillMember(entry.path)) continue;
      const bytes = await inflateZipMemberNatively(file.bytes, entry);
      if (bytes) members.set(memberKey(entry), bytes);
    }
    byArchive.set(file.bytes, members);
  }
  return {
    get: (archive, entry) => byArchive.get(archive)?.get(memberKey(entry)),
  };
}

/**
 * Every field of an entry `readZipMember` reads: entries alike in all of them read the same
 * bytes (a crafted directory may list one place twice, with different checksums).
 */
function memberKey(entry: ZipEntry): string {
  return `${entry.localOffset}/${entry.compressedSize}/${entry.uncompressedSize}/${entry.crc}/${entry.method}/${entry.flags}`;
}

/**
 * Expands a ZIP into its files (folders, `__MACOSX/` and dotfiles left out; each member named by
 * the archive and its base name, or the end of its path when two share one); any other file passes through as itself. Members are read one
 * at a time within the limits, each checked against its declared length and CRC-32. A damaged,
 * empty, oversized or unsafe ZIP is an error naming what is wrong.
 */
export function expandUpload(
  file: UploadedFile,
  options: ExpandOptions = {},
): Result<UploadedFile[]> {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  const advice = options.limitAdvice ?? APP_LIMIT_ADVICE;
  // An Excel workbook is a ZIP too, but one file: read by the XLSX reader, not unpacked here.
  if (!isZip(file.bytes) || isXlsx(file.bytes)) {
    if (file.bytes.length <= limits.maxFileBytes) return ok([file]);
    return fail(
      `"${file.name}" is ${formatBytes(file.bytes.length)}, over the ${formatBytes(limits.maxFileBytes)} limit for one file (${LIMIT_NAMES.maxFileBytes.label}). ${advice('maxFileBytes')}`,
    );
  }
  const directory = readZipDirectory(file.bytes, limits.maxArchiveMembers);
  if (!directory.ok) {
    if (directory.tooMany !== undefined) {
      return fail(
        `The ZIP archive "${file.name}" holds ${formatCount(directory.tooMany)} files, over the limit of ${formatCount(limits.maxArchiveMembers)} (${LIMIT_NAMES.maxArchiveMembers.label}). ${advice('maxArchiveMembers')}`,
      );
    }
    return fail(
      `"${file.name}" looks like a ZIP archive but cannot be opened: ${directory.problem}. Download it again from the carrier's portal.`,
    );
  }
  const office = officePackageProblem(file.name, directory.entries);
  if (office !== null) return fail(office);
  const refused = refuseEntries(file.name, directory.entries, limits, advice);
  if (refused !== null) return fail(refused);
  const members: UploadedFile[] = [];
  const billEntries = directory.entries.filter((entry) => isBillMember(entry.path));
  // A base name, or the end of the path that tells two of the same name apart (a folder per month).
  const names = uniqueFileNames(billEntries.map((entry) => entry.path));
  for (const [i, entry] of billEntries.entries()) {
    const unsupported = unsupportedMemberReason(entry);
    if (unsupported !== null) {
      return fail(
        `The file "${entry.path}" in the ZIP archive "${file.name}" cannot be read: ${unsupported}. Nothing from this ZIP was imported.`,
      );
    }
    const bytes = options.inflated?.get(file.bytes, entry) ?? readZipMember(file.bytes, entry);
    if (typeof bytes === 'string') {
      return fail(
        `The file "${entry.path}" in the ZIP archive "${file.name}" is damaged: ${bytes}. Nothing from this ZIP was imported; download it again from the carrier's portal.`,
      );
    }
    // Named after the archive too: twelve monthly Verizon ZIPs all hold an `AccountSummary.txt`,
    // and each invoice must point back at the upload it came from.
    members.push({ name: `${file.name} › ${names[i] ?? baseName(entry.path)}`, bytes });
  }
  if (members.length === 0) return fail(`The ZIP archive "${file.name}" holds no files to import.`);
  return ok(members);
}

/** Why a ZIP is refused before anything is inflated (names, sizes, ratios), or null. */
function refuseEntries(
  archive: string,
  entries: readonly ZipEntry[],
  limits: ImportLimits,
  advice: LimitAdvice,
): string | null {
  const seen = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    const unsafe = unsafeNameReason(entry.path);
    if (unsafe !== null) {
      return `The ZIP archive "${archive}" holds a file named "${quoteCell(entry.path)}", which ${unsafe}. TEM Desk does not open archives with such names; ask the sender for the bill files themselves.`;
    }
    const key = entry.path.replace(/\\/g, '/');
    if (seen.has(key)) {
      return `The ZIP archive "${archive}" holds two files named "${quoteCell(entry.path)}"; one would hide the other. Ask the sender for a ZIP with each file once.`;
    }
    seen.add(key);
    if (!isBillMember(entry.path)) continue;
    const sizeProblem = memberSizeProblem(archive, entry, limits, advice);
    if (sizeProblem !== null) return sizeProblem;
    total += entry.uncompressedSize;
    if (total > limits.maxArchiveBytes) {
      return `The ZIP archive "${archive}" unzips to more than ${formatBytes(limits.maxArchiveBytes)}, the limit for one ZIP (${LIMIT_NAMES.maxArchiveBytes.label}). ${advice('maxArchiveBytes')}`;
    }
  }
  return null;
}

function memberSizeProblem(
  archive: string,
  entry: ZipEntry,
  limits: ImportLimits,
  advice: LimitAdvice,
): string | null {
  const where = `The file "${quoteCell(entry.path)}" in the ZIP archive "${archive}"`;
  if (entry.uncompressedSize > limits.maxFileBytes) {
    return `${where} unzips to ${formatBytes(entry.uncompressedSize)}, over the ${formatBytes(limits.maxFileBytes)} limit for one file (${LIMIT_NAMES.maxFileBytes.label}). ${advice('maxFileBytes')}`;
  }
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize >= RATIO_CHECK_FROM_BYTES && ratio > limits.maxCompressionRatio) {
    return `${where} is ${formatBytes(entry.compressedSize)} that would unzip to ${formatBytes(entry.uncompressedSize)}: compressed ${formatCount(Math.round(ratio))} times, over the limit of ${formatCount(limits.maxCompressionRatio)} (${LIMIT_NAMES.maxCompressionRatio.label}). Real bill files compress a few dozen times at most; this looks like a "ZIP bomb". ${advice('maxCompressionRatio')}`;
  }
  return null;
}

/** Why a member's name is unsafe to open (a path out of the archive, a reserved word), or null. */
export function unsafeNameReason(path: string): string | null {
  if (path.includes('\0')) return 'holds a NUL character';
  if (/^[/\\]/.test(path) || /^[A-Za-z]:/.test(path)) return 'is an absolute path';
  const segments = path.split(/[/\\]/);
  if (segments.includes('..')) return 'climbs out of the archive with ".."';
  if (segments.includes('__proto__')) return 'uses the reserved name "__proto__"';
  return null;
}
