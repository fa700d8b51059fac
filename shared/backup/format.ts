/**
 * The `.temdesk` backup: the whole workspace (every table, every attached original file) in one
 * compressed, versioned, checksummed ZIP.
 *
 * ```
 * manifest.json            what made it, what it holds, checksums (see manifest.ts)
 * tables/<name>.json       one table: a JSON array, one record per line
 * binary/<n>.bin           the bytes of typed arrays and files, little-endian, referenced from a
 *                          record as {"$bin": n, "type": "Float64Array"}
 * ```
 *
 * Bytes live outside the JSON so it stays small and they come back exact. One record per line lets
 * the reader parse a table piece by piece instead of building one string of hundreds of megabytes.
 * Entries have a fixed date, and tables are written in name order, so the same workspace and meta
 * give the same bytes.
 */
import { strToU8, zipSync, type DeflateOptions, type Zippable } from 'fflate';
import { encodeValue, type BinarySink } from './codec';
import type { WorkspaceDump } from './dump';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  binariesChecksum,
  manifestChecksum,
  type BackupManifest,
  type TableEntry,
} from './manifest';
import { binaryPath, isTableName, MANIFEST_PATH, tablePath } from './paths';
import { sha256Hex } from './sha256';

export { readBackup } from './read';
export type {
  BackupExpectations,
  BackupSummary,
  ReadBackup,
  ReadBackupOptions,
  ReadProgress,
  ReferenceRule,
} from './read';
export type { BackupManifest } from './manifest';
export type { WorkspaceDump } from './dump';
export { BACKUP_EXTENSION, MANIFEST_PATH } from './paths';
export { tableKeysFromSchema, type SchemaStores } from './schema-keys';
export type { KeyPath, TableKeys } from './integrity';

/** What the backup says about itself besides the data. */
export interface BackupMeta {
  /** The app's version, e.g. `0.1.0`. */
  appVersion: string;
  /** When the backup was made, ISO 8601 in UTC (passed in so the writer stays pure and repeatable). */
  createdAt: string;
  /** Shown in the restore dialog so the user knows whose workspace this is. */
  organizationName?: string;
}

/**
 * The modification time of every entry: 1980-01-01 00:00 local time, the first date a ZIP can hold.
 * fflate writes entry times in local time, so a fixed local date gives the same bytes everywhere.
 */
const ENTRY_TIME = new Date(1980, 0, 1);

/** How hard to compress; see {@link writeBackup}. */
export interface BackupWriteOptions {
  /**
   * Deflate level of every entry, 0 (store) to 9. Default 6. Level 1 deflated 1,000,000 packed
   * charge lines about three times faster for a file a few percent larger; the reader accepts any
   * level, so the choice never affects restoring.
   */
  level?: DeflateOptions['level'];
}

/** Compression level of every entry unless told otherwise (fflate's default). */
const DEFAULT_COMPRESSION_LEVEL = 6;

/** Join strings into UTF-8 in pieces of about this many characters, to avoid one giant string. */
const CHUNK_CHARACTERS = 1 << 20;

/**
 * A table's file: `[`, then one record per line (each but the last followed by `,`), then `]`.
 * That is ordinary JSON, and no line break can occur inside a record (JSON escapes them).
 */
function tableBytes(records: readonly unknown[], sink: BinarySink): Uint8Array {
  const chunks: Uint8Array[] = [];
  let text = '[';
  records.forEach((record, index) => {
    text += `\n${JSON.stringify(encodeValue(record, sink))}${index < records.length - 1 ? ',' : ''}`;
    if (text.length >= CHUNK_CHARACTERS) {
      chunks.push(strToU8(text));
      text = '';
    }
  });
  chunks.push(strToU8(`${text}\n]`));
  return concatBytes(chunks);
}

function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * Writes a workspace as a `.temdesk` file (a ZIP). Pure and deterministic: the same dump and meta
 * give the same bytes. Throws (a programmer error, not bad user data) when a table name cannot be
 * a file name or a record holds something IndexedDB records of this app never hold (functions,
 * Maps, class instances, cycles).
 */
export function writeBackup(
  dump: WorkspaceDump,
  meta: BackupMeta,
  options: BackupWriteOptions = {},
): Uint8Array {
  const sink: BinarySink = { binaries: [] };
  const files: Zippable = {};
  const tables: Record<string, TableEntry> = {};
  const tableFiles: [string, Uint8Array][] = [];
  for (const name of Object.keys(dump.tables).sort()) {
    if (!isTableName(name)) throw new Error(`Cannot back up a table named "${name}".`);
    const records = dump.tables[name] ?? [];
    const bytes = tableBytes(records, sink);
    tables[name] = { count: records.length, sha256: sha256Hex(bytes), bytes: bytes.length };
    tableFiles.push([tablePath(name), bytes]);
  }
  const binaries = {
    count: sink.binaries.length,
    bytes: sink.binaries.reduce((sum, bytes) => sum + bytes.length, 0),
    sha256: binariesChecksum(sink.binaries),
  };
  const summary = {
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: dump.schemaVersion,
    tables,
    binaries,
  };
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: meta.appVersion,
    schemaVersion: dump.schemaVersion,
    createdAt: meta.createdAt,
    ...(meta.organizationName === undefined ? {} : { organizationName: meta.organizationName }),
    tables,
    binaries,
    checksum: manifestChecksum(summary),
  };
  // The manifest first, so a person opening the file in a ZIP tool sees what it is.
  files[MANIFEST_PATH] = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  for (const [path, bytes] of tableFiles) files[path] = bytes;
  sink.binaries.forEach((bytes, index) => {
    files[binaryPath(index)] = bytes;
  });
  return zipSync(files, { level: options.level ?? DEFAULT_COMPRESSION_LEVEL, mtime: ENTRY_TIME });
}
