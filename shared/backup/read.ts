/**
 * Reads and validates a `.temdesk` backup completely — structure, checksums, every record, keys and
 * references — before anyone touches the database. A restore either gets a whole, consistent
 * workspace or a sentence saying why not.
 */
import { strFromU8 } from 'fflate';
import type { Result } from '../result';
import { fail, ok } from '../result';
import { binaryFromBytes, DecodeProblem, decodeValue, type BinarySource } from './codec';
import type { WorkspaceDump } from './dump';
import { checkKeys, checkReferences, type ReferenceRule, type TableKeys } from './integrity';
import { DEFAULT_BACKUP_LIMITS, type BackupLimits } from './limits';
import { manifestChecksum, parseManifest, type BackupManifest } from './manifest';
import { BACKUP_MESSAGES } from './messages';
import { migrateTables } from './migrations';
import { isTableName } from './paths';
import { checkMembers, readBinaries, readManifestText, readTableFile } from './read-members';
import { scanRecord } from './record-scan';
import { ProblemList, validateTables, type TableSchemas } from './validate';
import { readZipDirectory, type ZipEntry } from './zip-directory';

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
  /** The schema of each table's records (see `schemas/`); tables absent here are not checked. */
  schemas: TableSchemas;
  /**
   * The tables each schema version had (see `tableKeysFromSchema`): a backup claiming a version
   * not listed is refused, and one holding a table its version did not have. Absent: any version
   * up to the latest is taken to have every known table.
   */
  tablesByVersion?: Readonly<Record<number, readonly string[]>>;
  /** Size limits checked before anything is unpacked; {@link DEFAULT_BACKUP_LIMITS} when absent. */
  limits?: BackupLimits;
  /**
   * Checks across records that schemas and references cannot make (an invoice's totals against its
   * charge lines), run once every record is well formed; each problem a sentence.
   */
  consistency?: (tables: Readonly<Record<string, readonly unknown[]>>) => string[];
}

/** Where a read is, for a progress bar: a sentence and the share done (0 to 1). */
export interface ReadProgress {
  step: string;
  fraction: number;
}

/** How a caller follows a long read. */
export interface ReadBackupOptions {
  onProgress?: (progress: ReadProgress) => void;
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

/** The schema version must be one this app ever wrote, and every table one that version had. */
function checkSchemaVersion(manifest: BackupManifest, expected: BackupExpectations): Result<true> {
  const version = manifest.schemaVersion;
  if (version > expected.latestSchemaVersion) return fail(BACKUP_MESSAGES.newerSchema(version));
  const byVersion = expected.tablesByVersion;
  const tables = byVersion === undefined ? expected.knownTables : byVersion[version];
  if (version < 1 || tables === undefined)
    return fail(BACKUP_MESSAGES.schemaVersionUnknown(version));
  for (const name of Object.keys(manifest.tables)) {
    if (!isTableName(name) || !expected.knownTables.includes(name)) {
      return fail(BACKUP_MESSAGES.unknownTable(name));
    }
    if (!tables.includes(name)) return fail(BACKUP_MESSAGES.tableNotInSchema(name, version));
  }
  return ok(true);
}

function readManifest(
  bytes: Uint8Array,
  directory: ReadonlyMap<string, ZipEntry>,
  expected: BackupExpectations,
  limits: BackupLimits,
): Result<BackupManifest> {
  const text = readManifestText(bytes, directory, limits);
  if (!text.ok) return text;
  let json: unknown;
  try {
    json = JSON.parse(text.value);
  } catch {
    return fail(BACKUP_MESSAGES.manifestUnreadable);
  }
  const parsed = parseManifest(json);
  if (!parsed.ok) return parsed;
  const manifest = parsed.value;
  const versions = checkSchemaVersion(manifest, expected);
  if (!versions.ok) return versions;
  if (manifestChecksum(manifest) !== manifest.checksum) {
    return fail(BACKUP_MESSAGES.checksum('the list of tables'));
  }
  const members = checkMembers(directory, manifest);
  return members.ok ? ok(manifest) : members;
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

/** What the records read so far hold, against the limits on values and objects and lists. */
interface ValueBudget {
  limits: BackupLimits;
  values: number;
  structures: number;
}

/**
 * Counts a record's text before it is parsed: refused when it nests too deep or is packed with
 * empty objects, or when it would take the backup past its limits on values (see `limits.ts`).
 */
function checkRecordText(
  name: string,
  position: number,
  line: Uint8Array,
  budget: ValueBudget,
): Result<true> {
  const shape = scanRecord(line);
  if ('problem' in shape)
    return fail(BACKUP_MESSAGES.unreadableRecord(name, position, shape.problem));
  budget.values += shape.values;
  budget.structures += shape.structures;
  if (budget.structures > budget.limits.maxStructures) {
    return fail(BACKUP_MESSAGES.tooManyStructures(budget.limits.maxStructures));
  }
  if (budget.values > budget.limits.maxValues) {
    return fail(BACKUP_MESSAGES.tooManyValues(budget.limits.maxValues));
  }
  return ok(true);
}

function readTable(
  name: string,
  bytes: Uint8Array,
  expectedCount: number,
  source: BinarySource,
  budget: ValueBudget,
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
    const line = lines[i + 1] ?? bytes;
    const counted = checkRecordText(name, position, line, budget);
    if (!counted.ok) return counted;
    let text = strFromU8(line);
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

/** Unpacks and parses every table, one at a time, reporting progress by bytes unpacked. */
function readTables(
  bytes: Uint8Array,
  directory: ReadonlyMap<string, ZipEntry>,
  manifest: BackupManifest,
  limits: BackupLimits,
  report: (progress: ReadProgress) => void,
): Result<Record<string, unknown[]>> {
  const binaries = readBinaries(bytes, directory, manifest);
  if (!binaries.ok) return binaries;
  const source = binarySource(binaries.value);
  const budget: ValueBudget = { limits, values: 0, structures: 0 };
  const names = Object.keys(manifest.tables).sort();
  const tables: Record<string, unknown[]> = {};
  for (const [index, name] of names.entries()) {
    const entry = manifest.tables[name];
    if (entry === undefined) return fail(BACKUP_MESSAGES.missingTable(name));
    report({
      step: `Unpacking the ${name} table (${index + 1} of ${names.length})`,
      fraction: 0.05 + (0.75 * index) / names.length,
    });
    const file = readTableFile(bytes, directory, name, entry.sha256);
    if (!file.ok) return file;
    const records = readTable(name, file.value, entry.count, source, budget);
    if (!records.ok) return records;
    tables[name] = records.value;
  }
  return ok(tables);
}

/** Schema, keys and links of every record; all problems found, the first few in full. */
function checkRecords(
  tables: Record<string, unknown[]>,
  expected: BackupExpectations,
): Result<true> {
  const keys = expected.keys ?? {};
  const problems = new ProblemList();
  validateTables(tables, expected.schemas, keys, problems);
  for (const error of checkKeys(tables, keys)) problems.add(error.message);
  for (const error of checkReferences(tables, expected.references, keys)) {
    problems.add(error.message);
  }
  // Only on well-formed records: the checks read their fields as the schemas promise.
  if (problems.total === 0) {
    for (const message of expected.consistency?.(tables) ?? []) problems.add(message);
  }
  return problems.total > 0 ? fail(problems.errors()) : ok(true);
}

function summaryOf(manifest: BackupManifest, tables: Record<string, unknown[]>): BackupSummary {
  return {
    tables: Object.keys(tables)
      .sort()
      .map((name) => ({ name, count: tables[name]?.length ?? 0 })),
    createdAt: manifest.createdAt,
    appVersion: manifest.appVersion,
    schemaVersion: manifest.schemaVersion,
    ...(manifest.organizationName === undefined
      ? {}
      : { organizationName: manifest.organizationName }),
  };
}

/**
 * Reads a `.temdesk` file and checks everything before anyone touches the database. First, from
 * the ZIP's directory alone, that it is a whole ZIP within the size limits and that its manifest
 * (a supported format, a schema version this app knows, checksummed) accounts for every member;
 * then it unpacks members one at a time, each checked against its size, CRC-32 and SHA-256;
 * brings records of an older schema up to date; and checks every record's shape, keys and links.
 * Never throws on any input: a refusal is a list of sentences.
 */
export function readBackup(
  bytes: Uint8Array,
  expected: BackupExpectations,
  options: ReadBackupOptions = {},
): Result<ReadBackup> {
  const report = options.onProgress ?? (() => undefined);
  report({ step: 'Reading the backup’s table of contents', fraction: 0 });
  const limits = expected.limits ?? DEFAULT_BACKUP_LIMITS;
  const directory = readZipDirectory(bytes, limits);
  if (!directory.ok) return directory;
  const manifest = readManifest(bytes, directory.value, expected, limits);
  if (!manifest.ok) return manifest;
  const read = readTables(bytes, directory.value, manifest.value, limits, report);
  if (!read.ok) return read;
  const tables = read.value;
  const summary = summaryOf(manifest.value, tables);
  report({ step: 'Bringing older records up to date', fraction: 0.8 });
  if (!migrateTables(tables, manifest.value.schemaVersion, expected.latestSchemaVersion)) {
    return fail(BACKUP_MESSAGES.notMigrated(manifest.value.schemaVersion));
  }
  report({ step: 'Checking every record and the links between tables', fraction: 0.85 });
  const checked = checkRecords(tables, expected);
  if (!checked.ok) return checked;
  report({ step: 'The backup checks out', fraction: 1 });
  const dump = { schemaVersion: expected.latestSchemaVersion, tables };
  return ok({ manifest: manifest.value, dump, summary });
}
