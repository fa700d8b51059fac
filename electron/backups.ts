/**
 * Backups on disk: `.temdesk` files (built by the renderer, see shared/backup/) kept in one folder,
 * `<userData>/backups` unless the user chose another one (remembered in
 * `<userData>/backup-settings.json`).
 *
 * - A backup is written atomically: to `<name>.partial` first, flushed, then renamed. A crash or a
 *   full disk mid-write leaves the earlier backups untouched, and a `.partial` is never listed.
 * - Only then are the oldest backups beyond `keep` deleted, never the one just written.
 * - The renderer names a backup, never a path: `isSafeBackupName` refuses separators, `..` and
 *   anything that is not a `.temdesk` file.
 *
 * Every function takes the folder and a `BackupFs` (default: `node:fs/promises`), so tests can use
 * temp folders and simulate a crash.
 */
import * as nodeFs from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import type { BackupFileInfo, BackupList, WriteBackupResult } from '../shared/ipc/contract';
import { BACKUP_EXTENSION } from '../shared/backup/paths';

/** `.temdesk`: the only files listed, read and pruned. */
export const BACKUP_SUFFIX = `.${BACKUP_EXTENSION}`;
/** Suffix of a backup being written; renamed away once complete. */
export const PARTIAL_SUFFIX = '.partial';
/** The default folder's name under userData. */
export const DEFAULT_BACKUP_FOLDER_NAME = 'backups';
/** Where the chosen folder is remembered, under userData. */
export const BACKUP_SETTINGS_FILE = 'backup-settings.json';
/** Bounds of `keep`, the number of backups kept. */
export const MIN_BACKUPS_KEPT = 1;
export const MAX_BACKUPS_KEPT = 100;
/** Longest backup file name; most file systems stop at 255 bytes, and `.partial` is added. */
export const MAX_BACKUP_NAME_LENGTH = 200;

/** What is read from an entry of the folder (`fs.Stats` has it). */
export interface BackupFileStats {
  isFile(): boolean;
  size: number;
  mtime: Date;
}

/** The part of `node:fs/promises` used here. */
export interface BackupFs {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  writeFile(path: string, data: Uint8Array, options: { flush: boolean }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  lstat(path: string): Promise<BackupFileStats>;
  readFile(path: string): Promise<Uint8Array>;
  unlink(path: string): Promise<void>;
}

export const NODE_BACKUP_FS: BackupFs = {
  mkdir: (path, options) => nodeFs.mkdir(path, options),
  writeFile: (path, data, options) => nodeFs.writeFile(path, data, options),
  rename: (from, to) => nodeFs.rename(from, to),
  readdir: (path) => nodeFs.readdir(path),
  lstat: (path) => nodeFs.lstat(path),
  readFile: (path) => nodeFs.readFile(path),
  unlink: (path) => nodeFs.unlink(path),
};

/** Characters no backup name may hold: separators, Windows-reserved ones, control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const UNSAFE_NAME_CHARACTERS = /[/\\:*?"<>|\u0000-\u001f\u007f]/;

/**
 * Whether `name` can name a backup inside the folder: a plain file name (no separator, no `..`,
 * no drive or stream colon) that ends `.temdesk`, with something before it.
 */
export function isSafeBackupName(name: string): boolean {
  return (
    name.length > BACKUP_SUFFIX.length &&
    name.length <= MAX_BACKUP_NAME_LENGTH &&
    name.endsWith(BACKUP_SUFFIX) &&
    !name.startsWith('.') &&
    !name.includes('..') &&
    !UNSAFE_NAME_CHARACTERS.test(name)
  );
}

/** Thrown for a name `isSafeBackupName` refuses. */
export class UnsafeBackupNameError extends Error {
  override name = 'UnsafeBackupNameError';
  constructor(fileName: string) {
    super(
      `"${fileName}" is not a backup file name: it must end ${BACKUP_SUFFIX} and name no folder.`,
    );
  }
}

function assertSafeBackupName(name: string): void {
  if (!isSafeBackupName(name)) throw new UnsafeBackupNameError(name);
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

export function defaultBackupFolder(userDataPath: string): string {
  return join(userDataPath, DEFAULT_BACKUP_FOLDER_NAME);
}

export function backupSettingsPath(userDataPath: string): string {
  return join(userDataPath, BACKUP_SETTINGS_FILE);
}

/** The backup folder in use, and whether it is the default one (created on demand). */
export interface BackupFolder {
  folder: string;
  isDefault: boolean;
}

/** The folder a settings file's content names, or undefined when it names none usable. */
export function folderFromSettings(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const folder: unknown = Reflect.get(raw, 'folder');
  if (typeof folder !== 'string' || folder.includes('\u0000') || !isAbsolute(folder)) {
    return undefined;
  }
  // Normalised, so `/x/backups/` and `/x/backups` are one folder.
  return resolve(folder);
}

/**
 * The backup folder: the one the user chose, else `<userData>/backups`. Never throws: a missing,
 * unreadable or corrupt settings file gives the default.
 */
export async function readBackupFolder(
  userDataPath: string,
  fs: BackupFs = NODE_BACKUP_FS,
): Promise<BackupFolder> {
  const fallback = { folder: defaultBackupFolder(userDataPath), isDefault: true };
  let text: string;
  try {
    text = new TextDecoder().decode(await fs.readFile(backupSettingsPath(userDataPath)));
  } catch {
    return fallback;
  }
  let folder: string | undefined;
  try {
    folder = folderFromSettings(JSON.parse(text));
  } catch {
    return fallback;
  }
  if (folder === undefined) return fallback;
  return { folder, isDefault: folder === fallback.folder };
}

/** Remembers the chosen folder, atomically (temp file + rename); returns it normalised. */
export async function saveBackupFolder(
  userDataPath: string,
  chosen: string,
  fs: BackupFs = NODE_BACKUP_FS,
): Promise<string> {
  const folder = folderFromSettings({ folder: chosen });
  if (folder === undefined) {
    throw new Error(`The backup folder must be a full path, not "${chosen}".`);
  }
  await fs.mkdir(userDataPath, { recursive: true });
  const target = backupSettingsPath(userDataPath);
  const temporary = `${target}.tmp`;
  const text = `${JSON.stringify({ folder }, null, 2)}\n`;
  await fs.writeFile(temporary, new TextEncoder().encode(text), { flush: true });
  await fs.rename(temporary, target);
  return folder;
}

/**
 * Makes sure the folder can take a backup. The default folder is created on demand; a folder the
 * user chose must exist already — when it is on a drive that is not connected, creating it again
 * would put backups where nobody looks.
 */
export async function prepareBackupFolder(
  { folder, isDefault }: BackupFolder,
  fs: BackupFs = NODE_BACKUP_FS,
): Promise<void> {
  if (isDefault) {
    await fs.mkdir(folder, { recursive: true });
    return;
  }
  let isFolder = false;
  try {
    const stats = await fs.lstat(folder);
    isFolder = !stats.isFile();
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
  if (!isFolder) {
    throw new Error(
      `The backup folder ${folder} is missing. Is its drive connected? Choose another folder in Settings.`,
    );
  }
}

/** The `.temdesk` files of the folder, newest first; an absent folder has none. */
export async function listBackupFiles(
  folder: string,
  fs: BackupFs = NODE_BACKUP_FS,
): Promise<BackupList> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { folder, files: [] };
    throw error;
  }
  const found: { info: BackupFileInfo; modifiedMs: number }[] = [];
  for (const name of names) {
    if (!isSafeBackupName(name)) continue;
    let stats: BackupFileStats;
    try {
      stats = await fs.lstat(join(folder, name));
    } catch {
      continue; // deleted meanwhile
    }
    if (!stats.isFile()) continue;
    const time = stats.mtime.getTime();
    const modifiedMs = Number.isFinite(time) ? time : 0;
    found.push({
      info: { name, size: stats.size, modifiedAt: new Date(modifiedMs).toISOString() },
      modifiedMs,
    });
  }
  // Newest first; for equal times the later name first (backup names carry their date).
  found.sort(
    (a, b) =>
      b.modifiedMs - a.modifiedMs ||
      (a.info.name < b.info.name ? 1 : a.info.name > b.info.name ? -1 : 0),
  );
  return { folder, files: found.map(({ info }) => info) };
}

/**
 * Deletes the oldest backups so that at most `keep` remain. `protect` (the backup just written) is
 * never deleted, whatever its date says: a clock set back must not cost the newest backup.
 * Returns the names deleted.
 */
export async function pruneBackups(
  folder: string,
  keep: number,
  { protect, fs = NODE_BACKUP_FS }: { protect?: string; fs?: BackupFs } = {},
): Promise<string[]> {
  const { files } = await listBackupFiles(folder, fs);
  const others = files.filter((file) => file.name !== protect);
  const othersKept = others.length < files.length ? keep - 1 : keep;
  const removed: string[] = [];
  for (const file of others.slice(Math.max(0, othersKept))) {
    try {
      await fs.unlink(join(folder, file.name));
    } catch (error) {
      // Gone already (another window pruned too): the goal is reached.
      if (errorCode(error) !== 'ENOENT') throw error;
    }
    removed.push(file.name);
  }
  return removed;
}

/**
 * Writes a backup into the folder atomically, then prunes to `keep`. The folder must exist (see
 * `prepareBackupFolder`). On a failed write the `.partial` is removed if possible, and nothing is
 * pruned.
 */
export async function writeBackupFile(
  folder: string,
  fileName: string,
  bytes: Uint8Array,
  keep: number,
  fs: BackupFs = NODE_BACKUP_FS,
): Promise<WriteBackupResult> {
  assertSafeBackupName(fileName);
  if (!Number.isInteger(keep) || keep < MIN_BACKUPS_KEPT || keep > MAX_BACKUPS_KEPT) {
    throw new RangeError(
      `keep must be a whole number from ${MIN_BACKUPS_KEPT} to ${MAX_BACKUPS_KEPT}.`,
    );
  }
  const path = join(folder, fileName);
  const partial = `${path}${PARTIAL_SUFFIX}`;
  try {
    // flush: the bytes are on disk before the rename makes them the backup.
    await fs.writeFile(partial, bytes, { flush: true });
    await fs.rename(partial, path);
  } catch (error) {
    await fs.unlink(partial).catch(() => undefined);
    throw error;
  }
  const removed = await pruneBackups(folder, keep, { protect: fileName, fs });
  return { path, removed };
}

/** The bytes of one backup of the folder, by name. */
export async function readBackupFile(
  folder: string,
  name: string,
  fs: BackupFs = NODE_BACKUP_FS,
): Promise<Uint8Array> {
  assertSafeBackupName(name);
  const path = join(folder, name);
  const stats = await fs.lstat(path);
  if (!stats.isFile()) throw new Error(`${name} is not a file.`);
  const bytes = await fs.readFile(path);
  // A plain Uint8Array view (no copy): a Buffer is a subclass, the contract promises Uint8Array.
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
