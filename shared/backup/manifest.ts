/**
 * The `manifest.json` at the root of a `.temdesk` backup: what made it, what it holds, and the
 * checksums that prove nothing changed since.
 */
import { strToU8 } from 'fflate';
import type { Result } from '../result';
import { fail, ok } from '../result';
import { BACKUP_MESSAGES } from './messages';
import { hexFromBytes, Sha256, sha256Hex } from './sha256';

/** The value of `manifest.format`; anything else is not a TEM Desk backup. */
export const BACKUP_FORMAT = 'temdesk-backup';

/** The layout version this code writes. Bump it (and keep reading the old one) when the layout changes. */
export const BACKUP_FORMAT_VERSION = 1;

/** Layout versions this code reads. */
export const SUPPORTED_FORMAT_VERSIONS: readonly number[] = [1];

/** One table file's entry in the manifest. */
export interface TableEntry {
  /** Number of records. */
  count: number;
  /** SHA-256 of the `tables/<name>.json` bytes, lower-case hex. */
  sha256: string;
  /** Size of `tables/<name>.json` in bytes (uncompressed). */
  bytes: number;
}

/** The binary entries' summary in the manifest. */
export interface BinariesEntry {
  /** Number of `binary/<n>.bin` entries, numbered 0 … count − 1. */
  count: number;
  /** Total size of the binary entries in bytes (uncompressed). */
  bytes: number;
  /** See {@link binariesChecksum}. */
  sha256: string;
}

/** The parsed `manifest.json`. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** Version of TEM Desk that wrote the backup, e.g. `0.1.0`. */
  appVersion: string;
  /** Database schema version the records are in (see `SCHEMA_HISTORY`). */
  schemaVersion: number;
  /** When the backup was made, ISO 8601 in UTC. */
  createdAt: string;
  /** The organization the workspace belongs to, for the restore dialog; absent when unknown. */
  organizationName?: string;
  /** Table name → its file's entry. */
  tables: Record<string, TableEntry>;
  binaries: BinariesEntry;
  /** See {@link manifestChecksum}. */
  checksum: string;
}

/**
 * SHA-256 over the binary entries in order: for each, its length as 8 bytes (big-endian) then its
 * bytes. The lengths make the boundaries part of the hash, so moving bytes between entries shows.
 */
export function binariesChecksum(binaries: readonly Uint8Array[]): string {
  const hasher = new Sha256();
  const length = new Uint8Array(8);
  const view = new DataView(length.buffer);
  for (const bytes of binaries) {
    view.setUint32(0, Math.floor(bytes.length / 0x1_0000_0000));
    view.setUint32(4, bytes.length >>> 0);
    hasher.update(length).update(bytes);
  }
  return hexFromBytes(hasher.digest());
}

/**
 * The manifest's own checksum: SHA-256 of a canonical text listing the format, the schema version,
 * every table (sorted by name: name, count, bytes, sha256) and the binaries (count, bytes, sha256),
 * one per line. It ties the per-file checksums together, so editing one in the manifest shows.
 */
export function manifestChecksum(
  manifest: Pick<BackupManifest, 'formatVersion' | 'schemaVersion' | 'tables' | 'binaries'>,
): string {
  const lines = [`${BACKUP_FORMAT} ${manifest.formatVersion}`, `schema ${manifest.schemaVersion}`];
  for (const name of Object.keys(manifest.tables).sort()) {
    const entry = manifest.tables[name];
    if (entry) lines.push(`table ${name} ${entry.count} ${entry.bytes} ${entry.sha256}`);
  }
  const { count, bytes, sha256 } = manifest.binaries;
  lines.push(`binaries ${count} ${bytes} ${sha256}`);
  return sha256Hex(strToU8(`${lines.join('\n')}\n`));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isHash(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

function tableEntry(value: unknown): TableEntry | undefined {
  if (!isRecord(value)) return undefined;
  const { count, sha256, bytes } = value;
  return isCount(count) && isHash(sha256) && isCount(bytes) ? { count, sha256, bytes } : undefined;
}

/**
 * Reads `manifest.json`'s parsed JSON: the format and its version first (so a newer or foreign file
 * gets the right sentence), then every field's type. The schema version is checked by the caller.
 */
export function parseManifest(json: unknown): Result<BackupManifest> {
  if (!isRecord(json) || json['format'] !== BACKUP_FORMAT) return fail(BACKUP_MESSAGES.notBackup);
  const formatVersion = json['formatVersion'];
  if (typeof formatVersion !== 'number') return fail(BACKUP_MESSAGES.manifestUnreadable);
  if (!SUPPORTED_FORMAT_VERSIONS.includes(formatVersion)) {
    // A newer writer is expected one day; 0, a fraction or a gap was never written by anyone.
    return fail(
      Number.isSafeInteger(formatVersion) && formatVersion > BACKUP_FORMAT_VERSION
        ? BACKUP_MESSAGES.newerFormat(formatVersion)
        : BACKUP_MESSAGES.formatVersionInvalid(formatVersion),
    );
  }
  const { appVersion, schemaVersion, createdAt, organizationName, tables, binaries, checksum } =
    json;
  if (
    typeof appVersion !== 'string' ||
    !isCount(schemaVersion) ||
    typeof createdAt !== 'string' ||
    (organizationName !== undefined && typeof organizationName !== 'string') ||
    !isRecord(tables) ||
    !isRecord(binaries) ||
    !isCount(binaries['count']) ||
    !isCount(binaries['bytes']) ||
    !isHash(binaries['sha256']) ||
    !isHash(checksum)
  ) {
    return fail(BACKUP_MESSAGES.manifestUnreadable);
  }
  const tableEntries: Record<string, TableEntry> = {};
  for (const [name, value] of Object.entries(tables)) {
    const entry = tableEntry(value);
    if (entry === undefined || name === '__proto__')
      return fail(BACKUP_MESSAGES.manifestUnreadable);
    tableEntries[name] = entry;
  }
  return ok({
    format: BACKUP_FORMAT,
    formatVersion,
    appVersion,
    schemaVersion,
    createdAt,
    ...(organizationName === undefined ? {} : { organizationName }),
    tables: tableEntries,
    binaries: { count: binaries['count'], bytes: binaries['bytes'], sha256: binaries['sha256'] },
    checksum,
  });
}
