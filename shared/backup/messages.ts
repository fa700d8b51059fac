/**
 * What the restore dialog says when a backup is refused, in words a finance person understands.
 * Every refusal ends by saying the workspace was left alone, because that is the first worry.
 */

const UNCHANGED = 'Nothing was changed.';

/** Quotes a name or key for a sentence: `"inv-1"`, `[inv-1, 0]` for compound keys. */
export function quoteKey(key: unknown): string {
  if (Array.isArray(key)) return `[${key.map((part: unknown) => String(part)).join(', ')}]`;
  return typeof key === 'string' ? `"${key}"` : String(key);
}

export const BACKUP_MESSAGES = {
  damaged:
    'This file is damaged or incomplete (it may have been cut off while copying); nothing was changed.',
  notBackup:
    'This file is not a TEM Desk backup (a .temdesk file made with "Back up workspace"); nothing was changed.',
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
    `The backup holds a "${table}" table that this TEM Desk does not know; it may come from a different app. ${UNCHANGED}`,
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
  moreProblems: (count: number): string => `…and ${count} more problems like these. ${UNCHANGED}`,
} as const;
