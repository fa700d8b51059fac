/**
 * Record-level checks of a backup: keys are present and unique, and references between tables
 * point at records that exist. They run before the restore so it cannot fail half-way.
 */
import type { FieldError } from '../result';
import { BACKUP_MESSAGES, quoteKey } from './messages';
import { pushAll } from '../arrays';

/** An IndexedDB key path: one field (dots reach into nested objects) or a compound of fields. */
export type KeyPath = string | readonly string[];

/** The keys of one table, as its schema declares them. */
export interface TableKeys {
  /** The primary key; absent for tables with keys outside the records. */
  primaryKey?: KeyPath;
  /** Unique indexes (`&name` in a Dexie schema). */
  unique?: readonly KeyPath[];
}

/**
 * A field that must name an existing record of another table, e.g. invoices.importBatchId →
 * importBatches.id; or several fields together, e.g. an invoice's [carrierId, accountNumber] →
 * the account with that [carrierId, accountNumber].
 */
export interface ReferenceRule {
  table: string;
  /** The referring field (or fields); records where one is absent or null are not checked. */
  field: KeyPath;
  references: { table: string; key: KeyPath };
}

function valueAt(record: unknown, path: string): unknown {
  let value = record;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part))
      return undefined;
    value = Object.getOwnPropertyDescriptor(value, part)?.value;
  }
  return value;
}

function keyAt(record: unknown, keyPath: KeyPath): unknown {
  return typeof keyPath === 'string'
    ? valueAt(record, keyPath)
    : keyPath.map((path) => valueAt(record, path));
}

/** Whether a value is a key IndexedDB accepts (binary keys aside, which this app does not use). */
function isValidKey(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (typeof value === 'number') return !Number.isNaN(value);
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  return Array.isArray(value) && value.every((part: unknown) => isValidKey(part));
}

/** A string that is equal for two keys exactly when IndexedDB considers them equal. */
function keyIdentity(key: unknown): string {
  const tagged = (value: unknown): unknown => {
    if (typeof value === 'string') return `s${value}`;
    if (typeof value === 'number') return `n${Object.is(value, -0) ? 0 : value}`;
    if (value instanceof Date) return `d${value.getTime()}`;
    return Array.isArray(value) ? value.map(tagged) : null;
  };
  return JSON.stringify(tagged(key));
}

function describeKeyPath(keyPath: KeyPath): string {
  return typeof keyPath === 'string' ? keyPath : keyPath.join(' and ');
}

/** How errors name a record: by its primary key when known and usable, else by its position. */
export function recordLabel(
  record: unknown,
  position: number,
  keys: TableKeys | undefined,
): string {
  const primaryKey = keys?.primaryKey;
  if (primaryKey !== undefined) {
    const key = keyAt(record, primaryKey);
    if (isValidKey(key)) return quoteKey(key);
  }
  return `number ${position}`;
}

function duplicateErrors(
  table: string,
  records: readonly unknown[],
  keyPath: KeyPath,
  required: boolean,
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  records.forEach((record, index) => {
    const key = keyAt(record, keyPath);
    if (!isValidKey(key)) {
      // A unique index skips records without the field; a primary key cannot.
      if (required)
        errors.push({
          message: BACKUP_MESSAGES.missingKey(table, index + 1, describeKeyPath(keyPath)),
        });
      return;
    }
    const identity = keyIdentity(key);
    if (seen.has(identity)) {
      errors.push({ message: BACKUP_MESSAGES.duplicateKey(table, describeKeyPath(keyPath), key) });
    }
    seen.add(identity);
  });
  return errors;
}

/** Every record has its primary key, and no two records share a primary key or a unique index value. */
export function checkKeys(
  tables: Readonly<Record<string, readonly unknown[]>>,
  keys: Readonly<Record<string, TableKeys>>,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const [table, records] of Object.entries(tables)) {
    const tableKeys = keys[table];
    if (tableKeys === undefined) continue;
    if (tableKeys.primaryKey !== undefined) {
      pushAll(errors, duplicateErrors(table, records, tableKeys.primaryKey, true));
    }
    for (const keyPath of tableKeys.unique ?? []) {
      pushAll(errors, duplicateErrors(table, records, keyPath, false));
    }
  }
  return errors;
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

/** Every reference names an existing record; each dangling one is a sentence naming table, record and field. */
export function checkReferences(
  tables: Readonly<Record<string, readonly unknown[]>>,
  rules: readonly ReferenceRule[],
  keys: Readonly<Record<string, TableKeys>>,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const rule of rules) {
    const targets = new Set<string>();
    for (const record of tables[rule.references.table] ?? []) {
      targets.add(keyIdentity(keyAt(record, rule.references.key)));
    }
    (tables[rule.table] ?? []).forEach((record, index) => {
      const value = keyAt(record, rule.field);
      if (isAbsent(value) || (Array.isArray(value) && value.some(isAbsent))) return;
      if (targets.has(keyIdentity(value))) return;
      const label = recordLabel(record, index + 1, keys[rule.table]);
      errors.push({
        message: BACKUP_MESSAGES.danglingReference(
          rule.table,
          label,
          describeKeyPath(rule.field),
          value,
          { table: rule.references.table, key: describeKeyPath(rule.references.key) },
        ),
      });
    });
  }
  return errors;
}
