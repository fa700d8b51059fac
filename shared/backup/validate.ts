/**
 * Checks every record of every table against its schema (types, ranges, required fields) and turns
 * each problem into a sentence naming the table, the record and the field, e.g. `The backup's
 * invoices table, record "inv-12": linesTotal must be a whole number of cents, found "abc".`
 */
import type { z } from 'zod';
import type { FieldError } from '../result';
import { recordLabel, type TableKeys } from './integrity';
import { BACKUP_MESSAGES } from './messages';

/** Table name → the schema its records must match. */
export type TableSchemas = Readonly<Record<string, z.ZodType>>;

/** Problems kept in full; beyond these only a count is kept, so a huge bad file stays cheap. */
const KEPT_PROBLEMS = 10;

/** Longest text quoted back to the user from a bad value. */
const QUOTED_CHARACTERS = 40;

/** A value as a sentence shows it: `"abc"`, `-5`, `nothing`, `a list of 3`. */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') {
    const cut = value.length > QUOTED_CHARACTERS ? `${value.slice(0, QUOTED_CHARACTERS)}…` : value;
    return JSON.stringify(cut);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return 'stored bytes';
  if (typeof value === 'object') return 'a group of fields';
  return typeof value;
}

/** A path inside a record, as a sentence names it: `linesTotal`, `history entry 2 at`. */
function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part) => (typeof part === 'number' ? `entry ${part + 1}` : String(part)))
    .join(' ');
}

function issueMessage(table: string, label: string, issue: z.core.$ZodIssue): string {
  const field = issue.path.length === 0 ? 'the record' : fieldName(issue.path);
  return BACKUP_MESSAGES.invalidField(
    table,
    label,
    field,
    issue.message,
    describeFound(issue.input),
  );
}

/** Collects problems, keeping the first few in full and counting the rest. */
export class ProblemList {
  readonly kept: FieldError[] = [];
  total = 0;

  add(message: string): void {
    this.total++;
    if (this.kept.length < KEPT_PROBLEMS) this.kept.push({ message });
  }

  /** The kept problems, then one line counting the others. */
  errors(): FieldError[] {
    const more = this.total - this.kept.length;
    return more > 0 ? [...this.kept, { message: BACKUP_MESSAGES.moreProblems(more) }] : this.kept;
  }
}

/** Checks every record of every table that has a schema; problems go into `problems`. */
export function validateTables(
  tables: Readonly<Record<string, readonly unknown[]>>,
  schemas: TableSchemas,
  keys: Readonly<Record<string, TableKeys>>,
  problems: ProblemList,
): void {
  for (const [table, records] of Object.entries(tables)) {
    const schema = schemas[table];
    if (schema === undefined) continue;
    records.forEach((record, index) => {
      const checked = schema.safeParse(record, { reportInput: true });
      if (checked.success) return;
      const label = recordLabel(record, index + 1, keys[table]);
      for (const issue of checked.error.issues) problems.add(issueMessage(table, label, issue));
    });
  }
}
