/**
 * The column-mapping step of contract imports: which column of the user's file holds each
 * canonical field (guessed from the names, corrected by the user), and the table rewritten with
 * the canonical headers so the one contract reader reads it — the mapping never changes a value.
 */
import type { Table } from '../import/table';
import { tableProblemErrors } from '../inventory/table-problems';
import type { ContractRateDraft, ContractsCsvRead, CsvRead } from './csv';
import { readContractRatesCsv, readContractsCsv } from './csv';
import type { ContractCsvError } from './csv-table';
import {
  CONTRACT_COLUMNS,
  CONTRACT_RATE_COLUMNS,
  resolveColumns,
  type ColumnSpec,
} from './csv-columns';

export const CONTRACT_FILE_COLUMNS: readonly ColumnSpec[] = CONTRACT_COLUMNS;
export const RATE_FILE_COLUMNS: readonly ColumnSpec[] = CONTRACT_RATE_COLUMNS;

/** Field key → column index in the file, -1 when the file has none. */
export type ColumnChoice = Record<string, number>;

/**
 * The columns the wizard starts from: those the contract reader itself takes for this header
 * (`resolveColumns`: the canonical name before its aliases, each column serving one field), so a
 * file the user does not correct is read as the CLI reads it, even when it names a field twice
 * ("Contract Number" before "Contract ID").
 */
export function guessColumnChoice(
  header: readonly string[],
  specs: readonly ColumnSpec[],
): ColumnChoice {
  const { indexOf } = resolveColumns(header, specs);
  return Object.fromEntries(specs.map((spec) => [spec.key, indexOf(spec.key)]));
}

/**
 * Whether a header is that of a contracts file (a Contract ID and a Start Date) or of a rates file
 * (a Contract ID and a Monthly Rate), by the names {@link guessColumnChoice} knows.
 */
export function headerFitsContractFile(
  kind: 'contracts' | 'rates',
  header: readonly string[],
): boolean {
  const choice = guessColumnChoice(
    header,
    kind === 'contracts' ? CONTRACT_FILE_COLUMNS : RATE_FILE_COLUMNS,
  );
  const has = (key: string) => (choice[key] ?? -1) >= 0;
  return has('id') && has(kind === 'contracts' ? 'startDate' : 'monthlyRate');
}

/** Required fields with no column yet, as sentences. */
export function columnChoiceProblems(choice: ColumnChoice, specs: readonly ColumnSpec[]): string[] {
  return specs
    .filter((spec) => spec.required && (choice[spec.key] ?? -1) < 0)
    .map((spec) => `Choose the column that holds the ${spec.header}.`);
}

/**
 * The table with the canonical headers, holding only the chosen columns, in file order: each row
 * keeps its line of the file, so a problem of a row is said at its own row (a row the file reader
 * refused, or a title above the header, renumbers no other). A row blank in every chosen column is
 * left out, as the file reader leaves out a row whose every cell is blank.
 */
export function canonicalTable(
  table: Pick<Table, 'header' | 'rows'>,
  choice: ColumnChoice,
  specs: readonly ColumnSpec[],
): Table {
  const chosen = specs.filter((spec) => (choice[spec.key] ?? -1) >= 0);
  const rows = table.rows.flatMap((row) => {
    const cells = chosen.map((spec) => row.cells[choice[spec.key] ?? -1] ?? '');
    return cells.some((cell) => cell.trim() !== '') ? [{ ...row, cells }] : [];
  });
  return { header: chosen.map((spec) => spec.header), rows, problems: [] };
}

/**
 * The file reader's problems with a contracts or rates table (a quote never closed, a row wider
 * than its header, a value in a column with no header): those rows are not in the table's rows,
 * so not in the table {@link canonicalTable} makes either, and are said first, never gone without
 * a word.
 */
function tableErrors(table: Partial<Pick<Table, 'problems'>>): ContractCsvError[] {
  return tableProblemErrors(table).map(({ row, message, column }) => ({
    row,
    column: column ?? '',
    value: '',
    message,
  }));
}

/** The row a missing column is said on (the tables read here do not keep their header's). */
const HEADER_LINE = 1;

/**
 * A contracts table read through the chosen columns, as the import's preview shows it: the file
 * reader's problems, then the contract reader's, each at its row of the file.
 */
export function readChosenContracts(table: Table, choice: ColumnChoice): ContractsCsvRead {
  const chosen = canonicalTable(table, choice, CONTRACT_FILE_COLUMNS);
  const read = readContractsCsv({ table: chosen, headerLine: HEADER_LINE });
  return { ...read, errors: [...tableErrors(table), ...read.errors] };
}

/** A rates table read through the chosen columns, as {@link readChosenContracts}. */
export function readChosenRates(table: Table, choice: ColumnChoice): CsvRead<ContractRateDraft> {
  const chosen = canonicalTable(table, choice, RATE_FILE_COLUMNS);
  const read = readContractRatesCsv({ table: chosen, headerLine: HEADER_LINE });
  return { ...read, errors: [...tableErrors(table), ...read.errors] };
}
