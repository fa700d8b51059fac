/**
 * Reads and validates a `.temdesk` backup completely — structure, checksums, every record, keys and
 * references — before anyone touches the database. A restore either gets a whole, consistent
 * workspace or a sentence saying why not.
 */
import { strFromU8, unzipSync, type Unzipped } from 'fflate';
import type { FieldError, Result } from '../result';
import { fail, ok } from '../result';
import { binaryFromBytes, DecodeProblem, decodeValue, type BinarySource } from './codec';
import type { WorkspaceDump } from './dump';
import { binaryPath, isTableName, MANIFEST_PATH, tablePath } from './paths';
import { checkKeys, checkReferences, type ReferenceRule, type TableKeys } from './integrity';
import { binariesChecksum, manifestChecksum, parseManifest, type BackupManifest } from './manifest';
import { BACKUP_MESSAGES } from './messages';
import { sha256Hex } from './sha256';

export type { ReferenceRule, TableKeys } from './integrity';

/** What the restoring app knows about its own database. */
export interface BackupExpectations {
  /** Tables of the current schema; a backup holding any other is refused. */
  knownTables: readonly string[];
  /** The current schema version; a backup from a newer one is refused. */
  latestSchemaVersion: number;
  /** Fields that must name an existing record of another table. */
  references: readonly ReferenceRule[];
  /**
   * Primary key and unique indexes per table (see `tableKeysFromSchema`): duplicates are refused
   * here instead of failing half-way through the restore, and errors name records by their key.
   */
  keys?: Readonly<Record<string, TableKeys>>;
}

/** What the restore dialog shows before the user confirms. */
export interface BackupSummary {
  /** Every table in the backup, by name, with its number of records. */
  tables: { name: string; count: number }[];
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  organizationName?: string;
}

/** A backup that passed every check. */
export interface ReadBackup {
  manifest: BackupManifest;
  dump: WorkspaceDump;
  summary: BackupSummary;
}

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const END_RECORD_BYTES = 22;

/** Whether the bytes start like a ZIP, or are a cut-off start of one (even an empty file). */
function looksLikeZip(bytes: Uint8Array): boolean {
  return ZIP_LOCAL_HEADER.every((byte, i) => i >= bytes.length || bytes[i] === byte);
}

/**
 * Whether the ZIP ends exactly as the writer ends it: an end record with no comment, right after
 * the central directory. A file cut off anywhere fails this, even where fflate would still find
 * a stray end-record signature inside compressed data and read garbage.
 */
function endsLikeCompleteZip(bytes: Uint8Array): boolean {
  const start = bytes.length - END_RECORD_BYTES;
  if (start < 0) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const directorySize = view.getUint32(start + 12, true);
  const directoryOffset = view.getUint32(start + 16, true);
  return (
    view.getUint32(start, true) === END_OF_CENTRAL_DIRECTORY &&
    view.getUint16(start + 20, true) === 0 &&
    directoryOffset + directorySize === start
  );
}

function openZip(bytes: Uint8Array): Result<Unzipped> {
  if (!looksLikeZip(bytes)) return fail(BACKUP_MESSAGES.notBackup);
  if (!endsLikeCompleteZip(bytes)) return fail(BACKUP_MESSAGES.damaged);
  try {
    return ok(unzipSync(bytes));
  } catch {
    // fflate throws on damaged data; for the user that is a damaged file, not a crash.
    return fail(BACKUP_MESSAGES.damaged);
  }
}

function readManifest(files: Unzipped, expected: BackupExpectations): Result<BackupManifest> {
  const bytes = files[MANIFEST_PATH];
  if (bytes === undefined) return fail(BACKUP_MESSAGES.manifestMissing);
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(bytes));
  } catch {
    return fail(BACKUP_MESSAGES.manifestUnreadable);
  }
  const parsed = parseManifest(json);
  if (!parsed.ok) return parsed;
  const manifest = parsed.value;
  if (manifest.schemaVersion > expected.latestSchemaVersion) {
    return fail(BACKUP_MESSAGES.newerSchema(manifest.schemaVersion));
  }
  const unknown = Object.keys(manifest.tables).find(
    (name) => !isTableName(name) || !expected.knownTables.includes(name),
  );
  if (unknown !== undefined) return fail(BACKUP_MESSAGES.unknownTable(unknown));
  if (manifestChecksum(manifest) !== manifest.checksum) {
    return fail(BACKUP_MESSAGES.checksum('the list of tables'));
  }
  return ok(manifest);
}

/** Every entry must be one the manifest accounts for; a stray table or file means tampering. */
function checkEntries(files: Unzipped, manifest: BackupManifest): Result<true> {
  const expected = new Set([MANIFEST_PATH]);
  for (const name of Object.keys(manifest.tables)) expected.add(tablePath(name));
  for (let i = 0; i < manifest.binaries.count; i++) expected.add(binaryPath(i));
  for (const path of Object.keys(files)) {
    if (expected.has(path)) continue;
    const table = /^tables\/(.+)\.json$/.exec(path)?.[1];
    return fail(
      table === undefined
        ? BACKUP_MESSAGES.unexpectedFile(path)
        : BACKUP_MESSAGES.unknownTable(table),
    );
  }
  for (const name of Object.keys(manifest.tables)) {
    if (files[tablePath(name)] === undefined) return fail(BACKUP_MESSAGES.missingTable(name));
  }
  return ok(true);
}

function checkChecksums(files: Unzipped, manifest: BackupManifest): Result<Uint8Array[]> {
  for (const [name, entry] of Object.entries(manifest.tables)) {
    const bytes = files[tablePath(name)];
    if (bytes === undefined) return fail(BACKUP_MESSAGES.missingTable(name));
    if (bytes.length !== entry.bytes || sha256Hex(bytes) !== entry.sha256) {
      return fail(BACKUP_MESSAGES.checksum(`the "${name}" table`));
    }
  }
  const binaries: Uint8Array[] = [];
  for (let i = 0; i < manifest.binaries.count; i++) {
    const bytes = files[binaryPath(i)];
    if (bytes === undefined) return fail(BACKUP_MESSAGES.checksum('a stored file is missing'));
    binaries.push(bytes);
  }
  const total = binaries.reduce((sum, bytes) => sum + bytes.length, 0);
  if (
    total !== manifest.binaries.bytes ||
    binariesChecksum(binaries) !== manifest.binaries.sha256
  ) {
    return fail(BACKUP_MESSAGES.checksum('the stored files and number columns'));
  }
  return ok(binaries);
}

/** The lines of a table file, as byte ranges (the file is known good: its checksum matched). */
function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (;;) {
    const end = bytes.indexOf(0x0a, start);
    if (end < 0) break;
    lines.push(bytes.subarray(start, end));
    start = end + 1;
  }
  lines.push(bytes.subarray(start));
  return lines;
}

function readTable(
  name: string,
  bytes: Uint8Array,
  expectedCount: number,
  source: BinarySource,
): Result<unknown[]> {
  const lines = splitLines(bytes);
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (lines.length < 2 || strFromU8(first ?? bytes) !== '[' || strFromU8(last ?? bytes) !== ']') {
    return fail(
      BACKUP_MESSAGES.unreadableRecord(name, 1, 'the table file is not laid out as expected'),
    );
  }
  const count = lines.length - 2;
  if (count !== expectedCount)
    return fail(BACKUP_MESSAGES.countMismatch(name, count, expectedCount));
  const records: unknown[] = new Array<unknown>(count);
  for (let i = 0; i < count; i++) {
    const position = i + 1;
    let text = strFromU8(lines[i + 1] ?? bytes);
    if (i < count - 1) {
      if (!text.endsWith(',')) {
        return fail(BACKUP_MESSAGES.unreadableRecord(name, position, 'a separator is missing'));
      }
      text = text.slice(0, -1);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return fail(BACKUP_MESSAGES.unreadableRecord(name, position, 'it is not valid JSON'));
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      return fail(BACKUP_MESSAGES.unreadableRecord(name, position, 'it is not a record'));
    }
    const record = decodeValue(json, source);
    if (record instanceof DecodeProblem) {
      return fail(BACKUP_MESSAGES.unreadableRecord(name, position, `it holds ${record.reason}`));
    }
    records[i] = record;
  }
  return ok(records);
}

function binarySource(binaries: readonly Uint8Array[]): BinarySource {
  return (index, type) => {
    const bytes = binaries[index];
    if (bytes === undefined) return new DecodeProblem(`a reference to a missing stored file`);
    return (
      binaryFromBytes(type, bytes) ??
      new DecodeProblem(`a stored ${type} whose size does not fit its type`)
    );
  };
}

/** Caps a list of problems so the dialog stays readable. */
function limited(errors: readonly FieldError[], max = 10): readonly FieldError[] {
  if (errors.length <= max) return errors;
  return [...errors.slice(0, max), { message: BACKUP_MESSAGES.moreProblems(errors.length - max) }];
}

/**
 * Reads a `.temdesk` file and checks everything: it is a complete ZIP, its manifest is a TEM Desk
 * backup of a supported format and a schema no newer than ours, every table is known, present,
 * counted right and matches its checksum, every stored binary matches and every reference to it
 * resolves, keys are unique and references between tables point at records that exist.
 */
export function readBackup(bytes: Uint8Array, expected: BackupExpectations): Result<ReadBackup> {
  const opened = openZip(bytes);
  if (!opened.ok) return opened;
  const files = opened.value;
  const manifestRead = readManifest(files, expected);
  if (!manifestRead.ok) return manifestRead;
  const manifest = manifestRead.value;
  const entries = checkEntries(files, manifest);
  if (!entries.ok) return entries;
  const checked = checkChecksums(files, manifest);
  if (!checked.ok) return checked;
  const source = binarySource(checked.value);

  const tables: Record<string, unknown[]> = {};
  const names = Object.keys(manifest.tables).sort();
  for (const name of names) {
    const file = files[tablePath(name)];
    const entry = manifest.tables[name];
    if (file === undefined || entry === undefined) return fail(BACKUP_MESSAGES.missingTable(name));
    const records = readTable(name, file, entry.count, source);
    if (!records.ok) return records;
    tables[name] = records.value;
  }

  const keyErrors = checkKeys(tables, expected.keys ?? {});
  if (keyErrors.length > 0) return fail(limited(keyErrors));
  const referenceErrors = checkReferences(tables, expected.references, expected.keys ?? {});
  if (referenceErrors.length > 0) return fail(limited(referenceErrors));

  const summary: BackupSummary = {
    tables: names.map((name) => ({ name, count: tables[name]?.length ?? 0 })),
    createdAt: manifest.createdAt,
    appVersion: manifest.appVersion,
    schemaVersion: manifest.schemaVersion,
    ...(manifest.organizationName === undefined
      ? {}
      : { organizationName: manifest.organizationName }),
  };
  return ok({ manifest, dump: { schemaVersion: manifest.schemaVersion, tables }, summary });
}
