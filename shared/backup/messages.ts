/**
 * What the restore dialog says when a backup is refused, in words a finance person understands.
 * Every refusal ends by saying the workspace was left alone, because that is the first worry.
 */

const UNCHANGED = 'Nothing was changed.';

/** Longest value written into a sentence, in characters (a crafted backup's can be anything). */
const VALUE_CHARS = 60;

/**
 * Any value as text, never throwing: a backup is untrusted, and `String()` throws on an object
 * whose `toString` is not a function (`{"toString": null}` read from a crafted file).
 */
function printable(value: unknown): string {
  let text: string;
  if (value === null || typeof value !== 'object') text = String(value as string);
  else {
    try {
      text = JSON.stringify(value) ?? typeof value;
    } catch {
      text = typeof value;
    }
  }
  return text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS)}…` : text;
}

/** Quotes a name or key for a sentence: `"inv-1"`, `[inv-1, 0]` for compound keys. */
export function quoteKey(key: unknown): string {
  if (Array.isArray(key)) return `[${key.map((part: unknown) => printable(part)).join(', ')}]`;
  return typeof key === 'string' ? `"${key}"` : printable(key);
}

/** A size for a sentence: `3.2 MB`, `1,024 MB`. */
function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb.toLocaleString('en-US', { maximumFractionDigits: mb < 10 ? 1 : 0 })} MB`;
}

/** A count for a sentence: `30,000,000`. */
function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** Every limit refusal says which limit it was and that a genuine file can still be restored. */
const RAISE_LIMIT =
  'If the file is genuine, the backup limits can be raised (see "Backup limits" in the README).';

export const BACKUP_MESSAGES = {
  damaged:
    'This file is damaged or incomplete (it may have been cut off while copying); nothing was changed.',
  notBackup:
    'This file is not a TEM Desk backup (a .temdesk file made with "Download backup" in Settings); nothing was changed.',
  manifestMissing:
    'This file is not a TEM Desk backup: it has no manifest.json describing its contents; nothing was changed.',
  manifestUnreadable: `The backup's description (manifest.json) cannot be read, so the file was changed or damaged after it was made. ${UNCHANGED}`,
  newerFormat: (version: number): string =>
    `This backup uses a newer backup format (version ${version}); update TEM Desk to restore it. ${UNCHANGED}`,
  newerSchema: (schema: number): string =>
    `This backup was made by a newer TEM Desk (schema ${schema}); update the app to restore it. ${UNCHANGED}`,
  checksum: (part: string): string =>
    `The backup's contents do not match its checksum (${part}), so the file was changed or damaged after it was made and cannot be restored. ${UNCHANGED}`,
  missingTable: (table: string): string =>
    `The backup is missing its "${table}" table, so the file is incomplete. ${UNCHANGED}`,
  unknownTable: (table: string): string =>
    `The backup holds a table named "${table}" that this TEM Desk does not know; it may come from a different app. ${UNCHANGED}`,
  unlistedTable: (table: string): string =>
    `The backup holds a table named "${table}" that its manifest does not list, so the file was damaged or edited after it was made. ${UNCHANGED}`,
  unexpectedFile: (path: string): string =>
    `The backup holds a file "${path}" that its manifest does not list, so it was changed after it was made. ${UNCHANGED}`,
  countMismatch: (table: string, found: number, expected: number): string =>
    `The backup's "${table}" table holds ${found} records but its manifest says ${expected}, so the file was changed or damaged after it was made. ${UNCHANGED}`,
  unreadableRecord: (table: string, position: number, reason: string): string =>
    `Record ${position} of the backup's "${table}" table cannot be read (${reason}). ${UNCHANGED}`,
  missingKey: (table: string, position: number, keyPath: string): string =>
    `Record ${position} of the backup's "${table}" table has no usable ${keyPath}, so it could not be stored. ${UNCHANGED}`,
  duplicateKey: (table: string, keyPath: string, key: unknown): string =>
    `The backup's "${table}" table holds more than one record with ${keyPath} ${quoteKey(key)}, so it could not be stored. ${UNCHANGED}`,
  danglingReference: (
    table: string,
    record: string,
    field: string,
    value: unknown,
    target: { table: string; key: string },
  ): string =>
    `In the backup, ${table} record ${record} has ${field} ${quoteKey(value)}, but there is no ${target.table} record with ${target.key} ${quoteKey(value)}; the backup is inconsistent and cannot be restored. ${UNCHANGED}`,
  tooManyMembers: (found: number, limit: number): string =>
    `This backup holds ${count(found)} files, more than the ${count(limit)} a backup may hold (the "files in a backup" limit), so it was not opened. ${RAISE_LIMIT} ${UNCHANGED}`,
  memberTooLarge: (path: string, size: number, limit: number): string =>
    `The backup's file "${path}" would unpack to ${megabytes(size)}, more than the ${megabytes(limit)} one file may hold (the "size of one file" limit), so it was not opened. ${RAISE_LIMIT} ${UNCHANGED}`,
  totalTooLarge: (limit: number): string =>
    `This backup would unpack to more than ${megabytes(limit)} (the "size of a whole backup" limit), so it was not opened. ${RAISE_LIMIT} ${UNCHANGED}`,
  tooManyValues: (limit: number): string =>
    `This backup's records hold more than ${count(limit)} values (the "values in a backup" limit), so it was not read further. ${RAISE_LIMIT} ${UNCHANGED}`,
  tooManyStructures: (limit: number): string =>
    `This backup's records hold more than ${count(limit)} groups of fields and lists (the "groups in a backup" limit), so it was not read further. ${RAISE_LIMIT} ${UNCHANGED}`,
  duplicateEntry: (path: string): string =>
    `The backup holds two files named "${path}", so it was changed after it was made and cannot be restored. ${UNCHANGED}`,
  unsafeEntryName: (path: string): string =>
    `The backup holds a file named "${path}", which points outside the backup (or is not a usable name), so it was not opened. ${UNCHANGED}`,
  damagedMember: (path: string): string =>
    `The backup's file "${path}" is damaged (its size or its check value does not match), so the backup cannot be restored. ${UNCHANGED}`,
  binaryCountMismatch: (claimed: number, found: number): string =>
    `The backup's manifest lists ${count(claimed)} stored files but the backup holds ${count(found)}, so the file was changed or damaged after it was made. ${UNCHANGED}`,
  implausibleCount: (table: string, claimed: number): string =>
    `The backup's manifest says its "${table}" table holds ${count(claimed)} records, more than its file could hold, so the file was changed or damaged after it was made. ${UNCHANGED}`,
  formatVersionInvalid: (version: unknown): string =>
    `This backup says it uses backup format version ${String(version)}, which no TEM Desk ever wrote, so the file was changed or damaged after it was made. ${UNCHANGED}`,
  schemaVersionUnknown: (schema: number): string =>
    `This backup says its data is in schema version ${schema}, which no TEM Desk ever wrote, so the file was changed or damaged after it was made. ${UNCHANGED}`,
  tableNotInSchema: (table: string, schema: number): string =>
    `The backup holds a table named "${table}", but schema version ${schema} (the one it says it uses) has no such table, so the file was changed after it was made. ${UNCHANGED}`,
  notMigrated: (schema: number): string =>
    `The records of this backup (schema version ${schema}) could not be brought up to date, so it is damaged or was changed after it was made. ${UNCHANGED}`,
  invalidField: (
    table: string,
    record: string,
    field: string,
    problem: string,
    found: string,
  ): string =>
    `The backup's ${table} table, record ${record}: ${field} ${problem}, found ${found}. ${UNCHANGED}`,
  moreProblems: (count: number): string => `…and ${count} more problems like these. ${UNCHANGED}`,
} as const;
