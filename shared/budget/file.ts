/**
 * Budget files: `Cost Center, Carrier, Month, Amount` (alias-tolerant; a blank carrier means all
 * carriers of the cost center; months `YYYY-MM`). Reading checks every cell and reports each bad
 * one with its row and column; planning decides what an import changes, whole or not at all.
 * Written back as CSV (through the one formula-guarded writer) or XLSX in the same columns.
 */
import { toCsv } from '../export/csv';
import { writeXlsx } from '../export/xlsx';
import { isIsoMonth, type IsoMonth } from '../dates/iso-date';
import { carrierKey, carrierNamesAgree } from '../ids/keys';
import { costCenterFinder } from '../ledger/cost-centers';
import { headerKey, type Table } from '../import/table';
import { filledWidth, readTabularFile } from '../inventory/table-file';
import { tableProblemErrors } from '../inventory/table-problems';
import { budgetLineId, type BudgetLine, type Carrier, type CostCenter } from '../model';
import { centsFromText, centsToDecimalString, type Cents } from '../money/cents';
import { otherCurrencyRefusal } from '../money/decimal-text';
import { fail, ok, type FieldError, type Result } from '../result';

export const BUDGET_FIELDS = {
  costCenter: {
    header: 'Cost Center',
    aliases: ['Cost Centre', 'Cost Center Code', 'CC', 'Code', 'Cost Center ID'],
  },
  carrier: { header: 'Carrier', aliases: ['Carrier Name', 'Vendor', 'Provider'] },
  month: { header: 'Month', aliases: ['Period', 'Budget Month'] },
  amount: { header: 'Amount', aliases: ['Budget', 'Budget Amount', 'Amount (USD)'] },
} as const satisfies Record<string, { header: string; aliases: readonly string[] }>;

export type BudgetField = keyof typeof BUDGET_FIELDS;

/** The header of a budget file, in order. */
export const BUDGET_HEADER: readonly string[] = [
  BUDGET_FIELDS.costCenter.header,
  BUDGET_FIELDS.carrier.header,
  BUDGET_FIELDS.month.header,
  BUDGET_FIELDS.amount.header,
];

/** A problem with a row of a budget file (row = the line a user sees in the file). */
export type BudgetFileError = FieldError & { row: number };

/** One row of a budget file, read and checked; the cost center is still a code. */
export interface BudgetDraft {
  row: number;
  costCenterCode: string;
  /** Carrier id; `''` for all carriers. */
  carrierId: string;
  month: IsoMonth;
  amount: Cents;
}

/** What a budget file holds once read. */
export interface BudgetFileRead {
  drafts: BudgetDraft[];
  errors: BudgetFileError[];
  /** Required columns the file lacks, by their canonical header. */
  missing: string[];
}

function columnsOf(header: readonly string[]): Record<BudgetField, number> {
  const keys = header.map(headerKey);
  const at = (field: BudgetField) => {
    const names = [BUDGET_FIELDS[field].header, ...BUDGET_FIELDS[field].aliases].map(headerKey);
    return keys.findIndex((key) => names.includes(key));
  };
  return {
    costCenter: at('costCenter'),
    carrier: at('carrier'),
    month: at('month'),
    amount: at('amount'),
  };
}

/**
 * Reads a budget file's rows against the carriers the workspace knows (by name, case and
 * punctuation ignored). Unknown cost center codes are not errors here: {@link planBudgetImport}
 * decides whether to create them. A row with a bad cell is left out whole and each bad cell reported;
 * a row with more filled cells than the header has is refused whole.
 */
export function readBudgetRows(
  table: Pick<Table, 'header' | 'rows'> & Partial<Pick<Table, 'problems'>>,
  carriers: readonly Carrier[],
): BudgetFileRead {
  const index = columnsOf(table.header);
  const missing = (['costCenter', 'month', 'amount'] as const)
    .filter((field) => index[field] < 0)
    .map((field) => BUDGET_FIELDS[field].header);
  const drafts: BudgetDraft[] = [];
  // A row the file reader could not take cell by cell (a quote never closed, more cells than the
  // header) is not in the table's rows: its problem is said, never passed over.
  const errors: BudgetFileError[] = tableProblemErrors(table);
  if (missing.length > 0) return { drafts, errors, missing };
  const carrierIds = new Map(carriers.map((carrier) => [carrierKey(carrier.name), carrier.id]));
  // "Verizon" for "Verizon Wireless": the one carrier whose name agrees by whole words.
  const carrierIdOf = (name: string): string | undefined => {
    const exact = carrierIds.get(carrierKey(name));
    if (exact !== undefined) return exact;
    const agreeing = carriers.filter((carrier) => carrierNamesAgree(name, carrier.name));
    return agreeing.length === 1 ? agreeing[0]?.id : undefined;
  };
  const seen = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    // `$1,250.50` unquoted is two cells, so every cell after it is off by one: read nothing of it.
    if (filledWidth(cells) > table.header.length) {
      errors.push({
        row: line,
        message: `Row ${line} has ${filledWidth(cells)} cells but the header has ${table.header.length} columns: the amount may hold an unquoted thousands comma (1,250.50). Put such an amount in quotes ("1,250.50") or write it without the comma.`,
      });
      continue;
    }
    const cell = (field: BudgetField) =>
      index[field] < 0 ? '' : (cells[index[field]] ?? '').trim();
    const rowErrors: BudgetFileError[] = [];
    const refuse = (field: BudgetField, value: string, sentence: string) =>
      rowErrors.push({
        row: line,
        column: BUDGET_FIELDS[field].header,
        value,
        message: `Row ${line}, column "${BUDGET_FIELDS[field].header}": ${sentence}`,
      });
    const code = cell('costCenter');
    if (code === '') refuse('costCenter', '', 'the cost center code is blank.');
    const carrierName = cell('carrier');
    const carrierId = carrierName === '' ? '' : carrierIdOf(carrierName);
    if (carrierId === undefined)
      refuse(
        'carrier',
        carrierName,
        `no carrier called "${carrierName}" is set up; use a carrier's name as in Bills, or leave it blank for all carriers.`,
      );
    const written = cell('month');
    // A month typed into Excel (`2026-01`, `Jan 2026`) is stored as the first day of that month.
    const month = /^\d{4}-\d{2}-01$/.test(written) ? written.slice(0, 7) : written;
    if (!isIsoMonth(month))
      refuse(
        'month',
        month,
        month === ''
          ? 'the month is blank; write it as YYYY-MM, e.g. 2026-01.'
          : `expected a month written as YYYY-MM (e.g. 2026-01) but found "${month}".`,
      );
    const amountText = cell('amount');
    const amount = centsFromText(amountText, { subCent: 'reject' });
    if (!amount.ok || amount.value === null)
      refuse(
        'amount',
        amountText,
        amountText === ''
          ? 'the amount is blank; write 0 for no budget.'
          : (otherCurrencyRefusal(amount) ??
              `expected an amount of money like 1,234.56 but found "${amountText}".`),
      );
    else if (amount.value < 0)
      refuse('amount', amountText, `a budget cannot be negative (found "${amountText}").`);
    if (rowErrors.length === 0 && carrierId !== undefined && isIsoMonth(month)) {
      const key = `${code.toLowerCase()}|${carrierId}|${month}`;
      const earlier = seen.get(key);
      if (earlier !== undefined)
        refuse(
          'month',
          month,
          `${code}${carrierName === '' ? '' : ` × ${carrierName}`} for ${month} is already on row ${earlier}; give each cell once.`,
        );
      else seen.set(key, line);
    }
    if (
      rowErrors.length > 0 ||
      carrierId === undefined ||
      !isIsoMonth(month) ||
      !amount.ok ||
      amount.value === null
    ) {
      errors.push(...rowErrors);
      continue;
    }
    drafts.push({ row: line, costCenterCode: code, carrierId, month, amount: amount.value });
  }
  errors.sort((a, b) => a.row - b.row);
  return { drafts, errors, missing };
}

/**
 * A budget file's bytes (CSV/TSV or the first sheet of an XLSX) read into checked rows. The one
 * place a budget file meets the file readers (`readTabularFile`, which wraps today's XLSX reader),
 * so a new XLSX reader changes nothing here.
 */
export function readBudgetFile(
  name: string,
  bytes: Uint8Array,
  carriers: readonly Carrier[],
): Result<BudgetFileRead> {
  const table = readTabularFile(name, bytes);
  return table.ok ? ok(readBudgetRows(table.value, carriers)) : table;
}

/** What a budget import changes: budget cells to write and cost centers to create first. */
export interface BudgetImportPlan {
  lines: BudgetLine[];
  newCostCenters: CostCenter[];
}

/** How to treat cost center codes the workspace does not have. */
export interface BudgetImportOptions {
  /** Create them (active, named after the code) instead of refusing the file. */
  createMissingCostCenters: boolean;
  /** Makes the id of a new cost center (the caller's id scheme). */
  newCostCenterId: () => string;
}

/**
 * The whole import or the reasons it cannot go ahead: every row must be readable, and every cost
 * center code known (or created when asked). Cells already budgeted are replaced; other cells stay.
 */
export function planBudgetImport(
  read: BudgetFileRead,
  costCenters: readonly CostCenter[],
  options: BudgetImportOptions,
): Result<BudgetImportPlan> {
  if (read.missing.length > 0)
    return fail(
      `The file has no ${read.missing.map((name) => `"${name}"`).join(', ')} column; a budget file needs Cost Center, Carrier, Month and Amount.`,
    );
  // A cost center named by its code or its name, as anywhere else a file names one.
  const find = costCenterFinder(costCenters);
  const byCode = new Map<string, CostCenter>();
  for (const draft of read.drafts) {
    const found = find(draft.costCenterCode);
    if (found !== undefined) byCode.set(draft.costCenterCode.toLowerCase(), found);
  }
  const newCostCenters: CostCenter[] = [];
  const unknown: BudgetFileError[] = [];
  for (const draft of read.drafts) {
    const key = draft.costCenterCode.toLowerCase();
    if (byCode.has(key)) continue;
    if (options.createMissingCostCenters) {
      const created: CostCenter = {
        id: options.newCostCenterId(),
        code: draft.costCenterCode,
        name: draft.costCenterCode,
        active: true,
      };
      byCode.set(key, created);
      newCostCenters.push(created);
    } else {
      unknown.push({
        row: draft.row,
        column: BUDGET_FIELDS.costCenter.header,
        value: draft.costCenterCode,
        message: `Row ${draft.row}, column "Cost Center": there is no cost center "${draft.costCenterCode}". Add it under Inventory → Cost centers, fix the code, or tick "Create missing cost centers".`,
      });
    }
  }
  const errors = [...read.errors, ...unknown, ...sameCellTwice(read.drafts, byCode)].sort(
    (a, b) => a.row - b.row,
  );
  if (errors.length > 0) return fail(errors);
  if (read.drafts.length === 0) return fail('The file has no budget rows.');
  const lines = read.drafts.map((draft) => {
    const costCenter = byCode.get(draft.costCenterCode.toLowerCase());
    if (costCenter === undefined) throw new Error('planBudgetImport: cost center lost.');
    return {
      id: budgetLineId(costCenter.id, draft.carrierId, draft.month),
      costCenterId: costCenter.id,
      carrierId: draft.carrierId,
      month: draft.month,
      amount: draft.amount,
    };
  });
  return ok({ lines, newCostCenters });
}

/**
 * Rows that budget a cell an earlier row already budgets, once their cost centers are found: a
 * code on one row and the same cost center's name on another are the same cell.
 */
function sameCellTwice(
  drafts: readonly BudgetDraft[],
  byCode: ReadonlyMap<string, CostCenter>,
): BudgetFileError[] {
  const seen = new Map<string, BudgetDraft>();
  const errors: BudgetFileError[] = [];
  for (const draft of drafts) {
    const costCenter = byCode.get(draft.costCenterCode.toLowerCase());
    if (costCenter === undefined) continue;
    const key = budgetLineId(costCenter.id, draft.carrierId, draft.month);
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, draft);
      continue;
    }
    errors.push({
      row: draft.row,
      column: BUDGET_FIELDS.costCenter.header,
      value: draft.costCenterCode,
      message: `Row ${draft.row}, column "Cost Center": "${draft.costCenterCode}" is cost center ${costCenter.code} (${costCenter.name}), already budgeted for ${draft.month}${draft.carrierId === '' ? '' : ' and the same carrier'} on row ${earlier.row} as "${earlier.costCenterCode}"; give each cell once.`,
    });
  }
  return errors;
}

/** Budget lines as file rows, by cost center code, then carrier (all first), then month. */
function budgetCells(
  lines: readonly BudgetLine[],
  costCenters: readonly CostCenter[],
  carriers: readonly Carrier[],
): { code: string; carrier: string; month: IsoMonth; amount: Cents }[] {
  const codes = new Map(costCenters.map((costCenter) => [costCenter.id, costCenter.code]));
  const names = new Map(carriers.map((carrier) => [carrier.id, carrier.name]));
  return lines
    .map((line) => ({
      code: codes.get(line.costCenterId) ?? line.costCenterId,
      carrier: line.carrierId === '' ? '' : (names.get(line.carrierId) ?? line.carrierId),
      month: line.month,
      amount: line.amount,
    }))
    .sort(
      (a, b) =>
        a.code.localeCompare(b.code) ||
        a.carrier.localeCompare(b.carrier) ||
        a.month.localeCompare(b.month),
    );
}

/** The budget as CSV (UTF-8 with BOM, for Excel), in the columns the import reads back. */
export function budgetCsv(
  lines: readonly BudgetLine[],
  costCenters: readonly CostCenter[],
  carriers: readonly Carrier[],
): string {
  const rows = budgetCells(lines, costCenters, carriers).map((cell) => [
    cell.code,
    cell.carrier,
    cell.month,
    centsToDecimalString(cell.amount),
  ]);
  return toCsv(BUDGET_HEADER, rows, { bom: true });
}

/** The budget as one XLSX sheet, in the columns the import reads back. */
export function budgetXlsx(
  lines: readonly BudgetLine[],
  costCenters: readonly CostCenter[],
  carriers: readonly Carrier[],
): Uint8Array {
  const rows = budgetCells(lines, costCenters, carriers).map((cell) => [
    cell.code,
    cell.carrier === '' ? null : cell.carrier,
    cell.month,
    cell.amount,
  ]);
  return writeXlsx({
    sheets: [
      {
        name: 'Budget',
        columns: [
          { header: 'Cost Center', kind: 'text' },
          { header: 'Carrier', kind: 'text' },
          { header: 'Month', kind: 'text' },
          { header: 'Amount', kind: 'money' },
        ],
        // No totals row: the file must read back as budget rows only.
        rows,
        autoFilter: true,
      },
    ],
  });
}
