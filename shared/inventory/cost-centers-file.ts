/**
 * Cost center files: `Cost Center, Name, GL Account, Status` (alias-tolerant), read into drafts
 * with an error per bad cell, and written back as CSV or XLSX in the same columns.
 */
import { toCsv } from '../export/csv';
import { writeXlsx } from '../export/xlsx';
import { scientificNotationProblem } from '../import/cells';
import { headerKey, type Table } from '../import/table';
import { textKey } from '../ids/keys';
import type { CostCenter } from '../model';
import type { FieldError } from '../result';
import { tableProblemErrors } from './table-problems';

export const COST_CENTER_FIELDS = {
  code: {
    header: 'Cost Center',
    aliases: ['Cost Centre', 'Cost Center Code', 'CC', 'Code', 'Cost Center ID'],
  },
  name: { header: 'Name', aliases: ['Cost Center Name', 'Cost Centre Name', 'Description'] },
  glAccount: { header: 'GL Account', aliases: ['GL', 'GL Code', 'General Ledger Account', 'GL #'] },
  status: { header: 'Status', aliases: ['Active', 'State'] },
} as const satisfies Record<string, { header: string; aliases: readonly string[] }>;

export type CostCenterField = keyof typeof COST_CENTER_FIELDS;
const FIELDS = Object.keys(COST_CENTER_FIELDS).filter(
  (field): field is CostCenterField => field in COST_CENTER_FIELDS,
);

/** One row of a cost centers file, read and checked. */
export interface CostCenterDraft {
  /** 1-based line of the file (or spreadsheet row). */
  row: number;
  code: string;
  name: string;
  /** '' when the cell is blank: the cost center then has no GL account. */
  glAccount: string;
  active: boolean;
  /**
   * The optional columns the file does not have: a known cost center keeps those fields (a file
   * of codes and names never drops GL accounts or brings retired cost centers back).
   */
  absentColumns?: readonly CostCenterField[];
}

/** Where each field is in a header (-1 when absent). */
export function costCenterColumns(header: readonly string[]): Record<CostCenterField, number> {
  const keys = header.map(headerKey);
  const at = (field: CostCenterField) => {
    const names = [COST_CENTER_FIELDS[field].header, ...COST_CENTER_FIELDS[field].aliases];
    return keys.findIndex((key) => names.map(headerKey).includes(key));
  };
  return { code: at('code'), name: at('name'), glAccount: at('glAccount'), status: at('status') };
}

/** Status cells by their `headerKey` (lower case, no punctuation). */
const ACTIVE = new Set(['', 'active', 'open', 'yes', 'y', 'true']);
const RETIRED = new Set(['retired', 'inactive', 'closed', 'no', 'n', 'false']);

/** Reads a cost centers file; a row with a bad cell is left out whole and each bad cell reported. */
export function readCostCenterRows(
  table: Pick<Table, 'header' | 'rows'> & Partial<Pick<Table, 'problems'>>,
): {
  drafts: CostCenterDraft[];
  errors: (FieldError & { row: number })[];
  /** Required columns the file lacks, by their canonical header. */
  missing: string[];
} {
  const index = costCenterColumns(table.header);
  const missing = (['code', 'name'] as const)
    .filter((field) => index[field] < 0)
    .map((field) => COST_CENTER_FIELDS[field].header);
  const drafts: CostCenterDraft[] = [];
  const errors: (FieldError & { row: number })[] = [];
  if (missing.length > 0) return { drafts, errors, missing };
  errors.push(...tableProblemErrors(table));
  const seen = new Map<string, number>();
  const names = new Map<string, { code: string; row: number }>();
  const absentColumns = (['glAccount', 'status'] as const).filter((field) => index[field] < 0);
  for (const { line, cells } of table.rows) {
    const cell = (field: CostCenterField) =>
      index[field] < 0 ? '' : (cells[index[field]] ?? '').trim();
    const rowErrors: (FieldError & { row: number })[] = [];
    const refuse = (field: CostCenterField, value: string, sentence: string) =>
      rowErrors.push({
        row: line,
        column: COST_CENTER_FIELDS[field].header,
        value,
        message: `Row ${line}, column "${COST_CENTER_FIELDS[field].header}": ${sentence}`,
      });
    const code = cell('code');
    if (code === '') refuse('code', '', 'the cost center code is blank.');
    // A code once: two spellings of one key (`4300`, `43-00`) may be two stored cost centers (the
    // app keeps codes as written), so the plan, which knows them, decides what each names.
    const earlier = seen.get(code);
    if (code !== '' && earlier !== undefined)
      refuse('code', code, `"${code}" is already on row ${earlier}; each cost center once.`);
    else if (code !== '') seen.set(code, line);
    const name = cell('name');
    if (name === '') refuse('name', '', 'the cost center name is blank.');
    // A name once too: sites, the inventory and budgets may name a cost center by its name, and
    // one name on two codes would book their charges to whichever came first, without a word.
    const sameName = names.get(textKey(name));
    if (name !== '' && sameName !== undefined && sameName.code !== code)
      refuse(
        'name',
        name,
        `"${name}" is already the name of cost center ${sameName.code} (row ${sameName.row}); a site, service or budget naming it would not say which. Give each cost center its own name.`,
      );
    else if (name !== '' && sameName === undefined) names.set(textKey(name), { code, row: line });
    for (const field of ['code', 'glAccount'] as const) {
      const problem = scientificNotationProblem(cell(field));
      if (problem !== null) refuse(field, cell(field), problem);
    }
    const status = headerKey(cell('status'));
    if (!ACTIVE.has(status) && !RETIRED.has(status))
      refuse('status', cell('status'), `expected Active or Retired but found "${cell('status')}".`);
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    drafts.push({
      row: line,
      code,
      name: cell('name'),
      glAccount: cell('glAccount'),
      active: ACTIVE.has(status),
      ...(absentColumns.length > 0 ? { absentColumns } : {}),
    });
  }
  return { drafts, errors, missing };
}

function costCenterCells(costCenters: readonly CostCenter[]) {
  const header = FIELDS.map((field) => COST_CENTER_FIELDS[field].header);
  const rows = [...costCenters]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((c) => [c.code, c.name, c.glAccount ?? '', c.active ? 'Active' : 'Retired']);
  return { header, rows };
}

/** The cost centers as CSV (UTF-8 with BOM, for Excel), in the columns the import reads back. */
export function costCentersCsv(costCenters: readonly CostCenter[]): string {
  const { header, rows } = costCenterCells(costCenters);
  return toCsv(header, rows, { bom: true });
}

/** The cost centers as one XLSX sheet, in the columns the import reads back. */
export function costCentersXlsx(costCenters: readonly CostCenter[]): Uint8Array {
  const { header, rows } = costCenterCells(costCenters);
  return writeXlsx({
    sheets: [
      {
        name: 'Cost centers',
        columns: header.map((name) => ({ header: name, kind: 'text' })),
        rows: rows.map((row) => row.map((cell) => (cell === '' ? null : cell))),
        autoFilter: true,
      },
    ],
  });
}
