/**
 * The pure half of the column-mapping wizard: for a file no profile recognises, guess which column
 * is which from the header names, let the user correct it, remember it by the header's signature,
 * and read the file with it.
 */
import type { DateOrder } from '../dates';
import type { ChargeCategory } from '../model';
import type { DecimalSeparator } from '../money/decimal-text';
import type { Result } from '../result';
import { fail, ok } from '../result';
import { ABSENT } from './cells';
import type { ChargeField, ChargeTable } from './charge-rows';
import { chargeColumns, readChargeRows } from './charge-rows';
import type { BillDraft, ColumnChoice } from './draft';
import { DraftBuilder } from './draft-builder';
import type { Table } from './table';
import { headerKey } from './table';
import { FRAGMENTS, SYNONYM_FIELDS } from './mapping-synonyms';

/** What a column can be mapped to; `ignore` leaves it out. */
export type MappedField = ChargeField | 'ignore';

/** A user's (or a guessed) mapping of one header layout. */
export interface ColumnMapping {
  /** Stable id; drafts read with it get the profile id `mapping:<id>`. */
  id: string;
  /** {@link headerSignature} of the header this mapping was made for; a file with the same signature reuses it. */
  signature: string;
  /** Carrier of every row when the file has no carrier column (or the cell is blank). */
  carrierName: string;
  /** Account of every row when the file has no account column (or the cell is blank). */
  accountNumber?: string;
  /** Header text (as written in the file) → field. Unlisted columns are ignored. */
  columns: Record<string, MappedField>;
  dateOrder: DateOrder | 'auto';
  decimal: DecimalSeparator;
  /** `credits-positive`: rows of category credit hold positive amounts that mean money back. */
  signConvention: 'as-is' | 'credits-positive';
  /** Category of rows with no category column or a blank category cell. */
  defaultCategory: ChargeCategory;
}

/** Field names in the words of a bill, for the wizard's drop-downs. */
export const FIELD_LABELS: Record<MappedField, string> = {
  carrier: 'Carrier',
  accountNumber: 'Account number',
  invoiceNumber: 'Invoice number',
  invoiceDate: 'Invoice date',
  dueDate: 'Due date',
  periodStart: 'Period start',
  periodEnd: 'Period end',
  serviceId: 'Service ID (phone number or circuit)',
  description: 'Description',
  category: 'Category',
  quantity: 'Quantity',
  amount: 'Amount',
  invoiceTotal: 'Invoice total',
  remitTo: 'Remit to (payment address)',
  ignore: 'Ignore this column',
};

/**
 * The signature of a header: its {@link headerKey}s in order, trailing blank columns dropped. Case,
 * spacing and punctuation do not change it; reordering or renaming columns does.
 */
export function headerSignature(header: readonly string[]): string {
  const keys = header.map(headerKey);
  while (keys.length > 0 && keys[keys.length - 1] === '') keys.pop();
  return keys.join('|');
}

/** A short stable id for a signature (FNV-1a, hex), so a mapping's id says which header it is for. */
function signatureId(signature: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < signature.length; i += 1) {
    hash ^= signature.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Guesses a mapping from header names: exact synonyms first, then word fragments; each field goes
 * to one column at most, and anything unrecognised is ignored. The user reviews it in the wizard.
 */
export function guessMapping(header: readonly string[]): ColumnMapping {
  const keys = header.map(headerKey);
  const fields: MappedField[] = keys.map(() => 'ignore');
  const taken = new Set<ChargeField>();
  // Strongest synonyms first, so `Amount` beats `Total` for the amount wherever each column sits.
  const candidates = keys
    .map((key, index) => ({ index, synonym: SYNONYM_FIELDS.get(key) }))
    .filter((c) => c.synonym !== undefined)
    .sort((a, b) => (a.synonym?.rank ?? 0) - (b.synonym?.rank ?? 0) || a.index - b.index);
  for (const { index, synonym } of candidates) {
    if (synonym === undefined || taken.has(synonym.field)) continue;
    fields[index] = synonym.field;
    taken.add(synonym.field);
  }
  keys.forEach((key, i) => {
    if (fields[i] !== 'ignore' || key === '') return;
    const fragment = FRAGMENTS.find(([field, pattern]) => !taken.has(field) && pattern.test(key));
    if (fragment !== undefined) {
      fields[i] = fragment[0];
      taken.add(fragment[0]);
    }
  });
  const signature = headerSignature(header);
  const columns: Record<string, MappedField> = {};
  header.forEach((name, i) => {
    if (name !== '' && !(name in columns)) columns[name] = fields[i] ?? 'ignore';
  });
  return {
    id: `guess-${signatureId(signature)}`,
    signature,
    carrierName: '',
    columns,
    dateOrder: 'auto',
    decimal: '.',
    signConvention: 'as-is',
    defaultCategory: 'recurring',
  };
}

/** Every column of `header` mapped to each field, in header order. */
function columnsByField(
  header: readonly string[],
  mapping: ColumnMapping,
): Map<ChargeField, number[]> {
  const byKey = new Map<string, MappedField>();
  for (const [name, field] of Object.entries(mapping.columns)) byKey.set(headerKey(name), field);
  const indexes = new Map<ChargeField, number[]>();
  header.forEach((name, i) => {
    const field = mapping.columns[name] ?? byKey.get(headerKey(name)) ?? 'ignore';
    if (field === 'ignore') return;
    const list = indexes.get(field);
    if (list === undefined) indexes.set(field, [i]);
    else list.push(i);
  });
  return indexes;
}

/** The column of each field under `mapping` (the first column mapped to it), ABSENT when none. */
export function mappedColumns(
  header: readonly string[],
  mapping: ColumnMapping,
): Record<ChargeField, number> {
  const indexes = columnsByField(header, mapping);
  return chargeColumns((field) => indexes.get(field)?.[0] ?? ABSENT);
}

/**
 * Fields the mapping gives several columns: the first (leftmost) is read, the others are not, as
 * {@link ColumnChoice}s of `fileName`.
 */
export function mappingChoices(
  header: readonly string[],
  mapping: ColumnMapping,
  fileName: string,
): ColumnChoice[] {
  const choices: ColumnChoice[] = [];
  for (const [field, [used, ...rest]] of columnsByField(header, mapping)) {
    if (used === undefined || rest.length === 0) continue;
    choices.push({
      sourceFile: fileName,
      field: FIELD_LABELS[field],
      used: header[used] ?? '',
      notUsed: rest.map((i) => header[i] ?? ''),
    });
  }
  return choices;
}

/**
 * Why a mapping cannot read a file yet, as sentences for the wizard; empty when it can. Needed: an
 * invoice date, an amount, a carrier (column or name), and an invoice number or an account (then
 * each invoice is numbered `<account>-<YYYYMMDD>`).
 */
export function mappingProblems(header: readonly string[], mapping: ColumnMapping): string[] {
  const c = mappedColumns(header, mapping);
  const problems: string[] = [];
  if (c.invoiceDate === ABSENT) problems.push('Choose the column that holds the invoice date.');
  if (c.amount === ABSENT) problems.push('Choose the column that holds the amount.');
  if (c.carrier === ABSENT && mapping.carrierName.trim() === '') {
    problems.push('Choose the carrier column, or type the carrier name.');
  }
  if (
    c.invoiceNumber === ABSENT &&
    c.accountNumber === ABSENT &&
    (mapping.accountNumber ?? '').trim() === ''
  ) {
    problems.push(
      'Choose the invoice number column, or the account number column (or type the account number).',
    );
  }
  return problems;
}

/**
 * Reads a table with a mapping. `dateOrder` is the resolved order when the mapping says `auto`
 * (read-bill detects it over the whole file, or asks). Fails when the mapping lacks a required field.
 */
export function applyMapping(
  table: Pick<Table, 'header' | 'rows'>,
  mapping: ColumnMapping,
  fileName: string,
  dateOrder?: DateOrder,
): Result<BillDraft> {
  const problems = mappingProblems(table.header, mapping);
  if (problems.length > 0) return fail(problems.map((message) => ({ message })));
  const order = mapping.dateOrder === 'auto' ? dateOrder : mapping.dateOrder;
  if (order === undefined) {
    return fail(
      'Choose the date order (month/day/year, day/month/year or year/month/day) for this file.',
    );
  }
  const columns = mappedColumns(table.header, mapping);
  const chargeTable: ChargeTable = { fileName, header: table.header, rows: table.rows, columns };
  const draft = new DraftBuilder();
  const options = {
    carrierName: mapping.carrierName.trim(),
    dateOrder: order,
    decimal: mapping.decimal,
    signConvention: mapping.signConvention,
    defaultCategory: mapping.defaultCategory,
    extraColumns: [],
  };
  const account = mapping.accountNumber?.trim();
  readChargeRows(
    chargeTable,
    account === undefined || account === '' ? options : { ...options, accountNumber: account },
    draft,
  );
  draft.checkStatedTotals();
  const read = draft.finish(`mapping:${mapping.id}`, '', order);
  read.layoutName = mappingLayoutName(
    mapping,
    read.invoices.map((invoice) => invoice.carrierName),
  );
  const choices = mappingChoices(table.header, mapping, fileName);
  if (choices.length > 0) read.columnChoices = choices;
  return ok(read);
}

/**
 * The name a file read with the user's own mapping shows under (the preview's heading, beside the
 * file's name): the carrier typed in the mapping, else the one carrier its invoices name; never
 * the mapping's internal id (`guess-a5c79ed5`).
 */
export function mappingLayoutName(
  mapping: Pick<ColumnMapping, 'carrierName'>,
  carriersRead: readonly string[],
): string {
  const typed = mapping.carrierName.trim();
  const carriers =
    typed === '' ? [...new Set(carriersRead.map((name) => name.trim()).filter(Boolean))] : [typed];
  return carriers.length === 1
    ? `Your column mapping for ${carriers[0] ?? ''}`
    : 'Your column mapping';
}

/**
 * What changed in a known layout: expected header keys the file lacks (`missing`, as keys) and
 * file headers the layout does not know (`added`, as written). For "Verizon's columns changed".
 */
export function describeDrift(
  expectedHeaderKeys: readonly string[],
  actualHeader: readonly string[],
): { missing: string[]; added: string[] } {
  const actualKeys = new Set(actualHeader.map(headerKey));
  const expected = new Set(expectedHeaderKeys.map(headerKey));
  return {
    missing: expectedHeaderKeys.filter((key) => !actualKeys.has(headerKey(key))),
    added: actualHeader.filter((name) => name !== '' && !expected.has(headerKey(name))),
  };
}
