/**
 * Reading the CLI's input files from disk: single files, and bill folders walked recursively.
 * Bill files are hashed (SHA-256), as the app identifies an imported file.
 */
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, readlink, realpath, stat } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { hiddenZipMembers } from '../../shared/import/archive';
import { isHiddenName, isSystemFileName } from '../../shared/import/housekeeping-files';
import type { ImportLimits } from '../../shared/import/limits';
import { DEFAULT_IMPORT_LIMITS, formatBytes, importLimits } from '../../shared/import/limits';
import { pushAll } from '../../shared/arrays';
import { someOf } from '../../shared/text/wording';

/**
 * A problem with the user's input: printed as is, exit code 1 (not a crash). `notices` are what
 * the run had noted before it stopped (a PDF skipped, a backup started from): printed before the
 * error as `Notice:` lines, as a run that goes on prints them, never as part of the error.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly notices: readonly string[] = [],
  ) {
    super(message);
  }
}

/** A bill file found on disk. */
export interface BillFile {
  /** The path as found (the folder given joined with the names under it). */
  path: string;
  /** File name without folders, as the importer names invoices' source files. */
  name: string;
  bytes: Uint8Array;
  /** SHA-256 of the bytes, hex. */
  hash: string;
}

/** The bill files to read, in the order given (a path given twice is read once). */
export interface BillFiles {
  files: BillFile[];
  /**
   * Hidden files and folders left out (`bills/.bill.csv`, `bills/.old/`, `bills.zip › .bill.csv`),
   * named by the run; the system's own (`.DS_Store`, `Thumbs.db`) are not listed.
   */
  hidden?: string[];
}

/** Why a device, pipe or socket given as an input is not read. */
const NOT_A_FILE =
  'is not a file on disk (a device, a pipe or a socket), so its size cannot be checked before it is read: save it to a file first and give that file.';

function reason(error: unknown): string {
  if (error instanceof Error && 'code' in error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') return 'it does not exist';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'EISDIR') return 'it is a folder, not a file';
  }
  return error instanceof Error ? error.message : String(error);
}

/** Why a path cannot be read; for a link to nothing, where it leads. */
async function linkReason(path: string, error: unknown): Promise<string> {
  try {
    if ((await lstat(path)).isSymbolicLink()) {
      const target = await readlink(path);
      if (reason(error) === 'it does not exist')
        return `it is a link to "${target}", which does not exist`;
    }
  } catch {
    // Not there at all: the plain reason says so.
  }
  return reason(error);
}

/** The bytes of one input file; a sentence naming the option when it cannot be read. */
export async function readInputFile(
  path: string,
  option: string,
  maxBytes = SETUP_FILE_MAX_BYTES,
): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new CliError(`--${option} "${path}" is a folder, not a file.`);
    if (!info.isFile()) throw new CliError(`--${option} "${path}" ${NOT_A_FILE}`);
    // Read whole into memory, and as text into a string: far past any real file, a wrong pick.
    if (info.size > maxBytes) {
      throw new CliError(
        `--${option} "${path}" is ${formatBytes(info.size)}, more than the ${formatBytes(maxBytes)} TEM Desk reads for it: check that this is the right file.`,
      );
    }
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`Cannot read the --${option} file "${path}": ${reason(error)}.`);
  }
}

/**
 * Largest set-up or mappings file read (a bill's own limit, 100 MB, is some 700,000 services);
 * a backup given to --workspace may be larger (see {@link BACKUP_MAX_BYTES}).
 */
export const SETUP_FILE_MAX_BYTES = DEFAULT_IMPORT_LIMITS.maxFileBytes;
/** Largest backup read: the archive limit of a bill, far past a backup of a million lines. */
export const BACKUP_MAX_BYTES = DEFAULT_IMPORT_LIMITS.maxArchiveBytes;

/** Office's lock files are 162 or 165 bytes; anything much larger is a file of its own. */
const LOCK_FILE_MAX_BYTES = 1024;

/**
 * Whether a file named `~$…` is Office's lock file: a few hundred bytes holding the user's name
 * and NUL bytes. Only the name tells nothing: a bill saved as `~$Rogers October.csv` is a bill,
 * and left out it would be lost without a word. A workbook (`PK`) or UTF-16 text is never one.
 */
async function isOfficeLockFile(path: string): Promise<boolean> {
  const info = await stat(path);
  if (!info.isFile() || info.size > LOCK_FILE_MAX_BYTES) return false;
  const bytes = new Uint8Array(await readFile(path));
  const starts = (a: number, b: number) => bytes[0] === a && bytes[1] === b;
  if (starts(0x50, 0x4b) || starts(0xff, 0xfe) || starts(0xfe, 0xff)) return false;
  return bytes.includes(0);
}

/**
 * Files under a folder, sorted by name at each level; hidden files and folders (dotfiles, added to
 * `hidden` to be named) and the system's and Office's housekeeping files (`.DS_Store`, `Thumbs.db`,
 * `__MACOSX`, left out unsaid) left out. A link is followed: to a folder, walked once (a link back
 * up the tree is not walked again); to a file, listed; to nothing, listed too, so that the run
 * stops naming it rather than leaving a bill out unsaid.
 */
async function walk(
  folder: string,
  hidden: string[],
  walked = new Set<string>(),
): Promise<string[]> {
  walked.add(await realpath(folder));
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const paths: string[] = [];
  for (const entry of entries) {
    if (isSystemFileName(entry.name)) continue;
    if (isHiddenName(entry.name)) {
      hidden.push(join(folder, entry.name) + (entry.isDirectory() ? sep : ''));
      continue;
    }
    const path = join(folder, entry.name);
    // A link stands for what it leads to: a folder, a file, or nothing (kept, to be named).
    const kind = entry.isSymbolicLink() ? await linkedKind(path) : entryKind(entry);
    if (kind === 'file' && entry.name.startsWith('~$') && (await isOfficeLockFile(path))) continue;
    if (kind === 'folder') {
      if (!walked.has(await realpath(path))) pushAll(paths, await walk(path, hidden, walked));
    } else if (kind === 'file' || kind === 'nothing') paths.push(path);
  }
  return paths;
}

/** What a folder entry is; a device, a pipe or a socket in a folder is not a bill, and passed over. */
type EntryKind = 'folder' | 'file' | 'nothing' | 'other';

function entryKind(entry: { isDirectory(): boolean; isFile(): boolean }): EntryKind {
  return entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other';
}

/** What a link leads to ('nothing' when its target does not exist or cannot be reached). */
async function linkedKind(path: string): Promise<EntryKind> {
  try {
    return entryKind(await stat(path));
  } catch {
    return 'nothing';
  }
}

/**
 * Every bill file under `inputs` (files, or folders read recursively); the same path given twice
 * is read once. A file holding the same bills as another (the same bytes, or the same report
 * exported again) is read too: the importer recognises it as a copy, and the audit reports it.
 */
export async function collectBillFiles(
  inputs: readonly string[],
  limitOverrides: Partial<ImportLimits> = {},
): Promise<BillFiles> {
  const limits = importLimits(limitOverrides);
  // A ZIP may be as large as its members together; anything larger is refused unread.
  const largest = Math.max(limits.maxFileBytes, limits.maxArchiveBytes);
  const paths: string[] = [];
  const hidden: string[] = [];
  for (const input of inputs) {
    let isFolder: boolean;
    try {
      isFolder = (await stat(input)).isDirectory();
    } catch (error) {
      throw new CliError(`Cannot read the bills "${input}": ${reason(error)}.`);
    }
    if (!isFolder) {
      paths.push(input);
      continue;
    }
    try {
      pushAll(paths, await walk(input, hidden));
    } catch (error) {
      throw new CliError(`Cannot read the bills folder "${input}": ${reason(error)}.`);
    }
  }
  const files: BillFile[] = [];
  const seenPaths = new Set<string>();
  for (const path of paths) {
    // The same file by two paths (a link to a bill also in the folder) is read once.
    const absolute = await realpath(path).catch(() => resolve(path));
    if (seenPaths.has(absolute)) continue;
    seenPaths.add(absolute);
    let bytes: Uint8Array;
    try {
      const info = await stat(path);
      // A device or a pipe has no size to check first, and /dev/zero never ends.
      if (!info.isFile()) throw new CliError(`The bill "${path}" ${NOT_A_FILE}`);
      const size = info.size;
      if (size > largest) {
        throw new CliError(
          `The bill file "${path}" is ${formatBytes(size)}, over the ${formatBytes(largest)} a bill file or ZIP may be. If you trust this file, run again with --max-file-mb or --max-zip-mb set higher.`,
        );
      }
      bytes = new Uint8Array(await readFile(path));
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`Cannot read the bill file "${path}": ${await linkReason(path, error)}.`);
    }
    const hash = createHash('sha256').update(bytes).digest('hex');
    files.push({ path, name: basename(path), bytes, hash });
    for (const member of hiddenZipMembers({ name: path, bytes }, limits))
      hidden.push(`${path} › ${member}`);
  }
  if (files.length === 0) {
    throw new CliError(
      `No bill files found in ${inputs.map((i) => `"${i}"`).join(', ')}.${hiddenSentence(hidden)}`,
    );
  }
  return { files, hidden };
}

/** Hidden files named in a message at most. */
const HIDDEN_NAMED = 10;

/**
 * The sentence naming the hidden files and folders left out of the bills (`''` for none): a bill
 * saved as `.bill.csv`, or a folder `.old/`, would otherwise be passed over without a word.
 */
export function hiddenSentence(hidden: readonly string[]): string {
  if (hidden.length === 0) return '';
  const names = hidden.map((path) => `"${path}"`);
  return ` Left out, as hidden (the name starts with a dot): ${someOf(names, HIDDEN_NAMED)}; if one is a bill, rename it without the dot.`;
}
