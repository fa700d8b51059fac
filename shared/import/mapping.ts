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
import { CHARGE_FIELDS, chargeColumns, readChargeRows } from './charge-rows';
import type { BillDraft, ColumnChoice } from './draft';
import { DraftBuilder } from './draft-builder';
import type { Table } from './table';
import { headerKey } from './table';

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

/**
 * Header words that mean each field, as {@link headerKey}s, best first. The first field whose
 * list holds a header's key claims it; each field is claimed once.
 */
const SYNONYMS: Readonly<Record<ChargeField, readonly string[]>> = {
  carrier: [
    'Carrier',
    'Carrier Name',
    'Vendor',
    'Vendor Name',
    'Provider',
    'Service Provider',
    'Supplier',
  ],
  accountNumber: [
    'Account Number',
    'Account',
    'Account No',
    'Acct',
    'Acct #',
    'Acct No',
    'Acct Number',
    'Account ID',
    'BAN',
    'Billing Account',
    'Billing Account Number',
    'Customer Account',
    'Customer Number',
    'Master Account',
  ],
  invoiceNumber: [
    'Invoice Number',
    'Invoice',
    'Invoice No',
    'Invoice #',
    'Inv',
    'Inv No',
    'Inv #',
    'Invoice ID',
    'Bill Number',
    'Bill No',
    'Statement Number',
    'Document Number',
  ],
  invoiceDate: [
    'Invoice Date',
    'Bill Date',
    'Billing Date',
    'Statement Date',
    'Bill Cycle Date',
    'Cycle Date',
    'Inv Date',
    'Document Date',
    'Date',
  ],
  dueDate: ['Due Date', 'Date Due', 'Payment Due Date', 'Pay By', 'Payment Due'],
  periodStart: [
    'Period Start',
    'Service From',
    'From Date',
    'From',
    'Start Date',
    'Service Start',
    'Service Start Date',
    'Billing Period Start',
    'Period From',
    'Bill Period Start',
  ],
  periodEnd: [
    'Period End',
    'Service To',
    'To Date',
    'To',
    'End Date',
    'Service End',
    'Service End Date',
    'Billing Period End',
    'Period To',
    'Bill Period End',
    'Thru Date',
    'Through Date',
  ],
  serviceId: [
    'Service ID',
    'Circuit ID',
    'Circuit',
    'Phone Number',
    'Phone',
    'Wireless Number',
    'Telephone Number',
    'Mobile Number',
    'Service Number',
    'Line Number',
    'TN',
    'BTN',
    'DID',
    'CKT ID',
    'Number',
    'Line',
    'Subscriber',
    'Device ID',
    'Service Identifier',
  ],
  description: [
    'Description',
    'Charge Description',
    'Desc',
    'Item Description',
    'Charge Name',
    'Item',
    'Feature',
    'Product',
    'Service Description',
    'Details',
    'Charge Detail',
    'USOC Description',
  ],
  category: [
    'Category',
    'Charge Type',
    'Charge Category',
    'Type',
    'Item Category',
    'Class',
    'Charge Class',
  ],
  quantity: ['Quantity', 'Qty', 'Units', 'Count'],
  amount: [
    'Amount',
    'Charge',
    'Charges',
    'Cost',
    'Charge Amount',
    'Total Charge',
    'Billed Amount',
    'Net Amount',
    'Extended Amount',
    'Amount USD',
    'Price',
    'Total',
  ],
  invoiceTotal: [
    'Invoice Total',
    'Invoice Amount',
    'Total Due',
    'Amount Due',
    'Total Amount Due',
    'Total Current Charges',
    'Bill Total',
    'Statement Total',
  ],
  remitTo: ['Remit To', 'Remit To Address', 'Remittance Address', 'Remit Address', 'Pay To'],
};

/** Word fragments for headers no synonym names exactly (`Customer Acct Nbr`, `Monthly Cost USD`). */
const FRAGMENTS: readonly [ChargeField, RegExp][] = [
  ['remitTo', /remit/],
  ['invoiceTotal', /invoice(total|amount)|totaldue|amountdue/],
  ['dueDate', /due/],
  ['invoiceDate', /(invoice|bill|statement).*date/],
  ['periodStart', /(start|from)/],
  ['periodEnd', /(end|thru|through)$/],
  ['accountNumber', /(account|acct)/],
  ['invoiceNumber', /(invoice|inv)(number|no|num|nbr|id)?$/],
  ['serviceId', /(circuit|phone|wireless|telephone|mobile|ckt)/],
  ['category', /(category|type)$/],
  ['description', /(description|desc)/],
  ['quantity', /(qty|quantity)/],
  // `Cost Center` is an allocation code, not money.
  ['amount', /(amount|charge|cost)(?!cent)/],
  ['carrier', /(carrier|vendor|provider)/],
];

/** Header key → the field it names and how strongly (0 = the field's own name). */
const SYNONYM_FIELDS = new Map<string, { field: ChargeField; rank: number }>();
for (const field of CHARGE_FIELDS) {
  SYNONYMS[field].forEach((word, rank) => {
    const key = headerKey(word);
    const known = SYNONYM_FIELDS.get(key);
    if (known === undefined || rank < known.rank) SYNONYM_FIELDS.set(key, { field, rank });
  });
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
  const read = draft.finish(`mapping:${mapping.id}`, `Column mapping ${mapping.id}`, order);
  const choices = mappingChoices(table.header, mapping, fileName);
  if (choices.length > 0) read.columnChoices = choices;
  return ok(read);
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
