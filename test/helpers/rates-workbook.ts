/**
 * Rate cards through XLSX, for the contracts tests: the Rates sheet of the app's contracts
 * workbook, and a rates workbook read through the same door as a CSV (column mapping, then the
 * rates reader).
 */
import { readContractRatesCsv } from '../../shared/contracts/csv';
import {
  canonicalTable,
  guessColumnChoice,
  headerFitsContractFile,
  RATE_FILE_COLUMNS,
} from '../../shared/contracts/mapping';
import { readTabularFile } from '../../shared/inventory/table-file';
import type { Contract } from '../../shared/model';
import { contractsXlsxBytes } from '../../renderer/features/contracts/import/exports';
import { inspectXlsx } from './xlsx-inspect';

/** The contracts workbook (Contracts and Rates sheets) the app exports for `contracts`. */
export function contractsWorkbook(contracts: Contract[]): Uint8Array {
  return contractsXlsxBytes({
    contracts,
    carriers: [{ id: 'carrier-1', name: 'Lumen' }],
    accounts: [],
    services: [],
    attachments: [],
    spend: new Map(),
    alertWindows: [],
  });
}

/** The cell values of the Rates sheet of the contracts workbook holding `contracts`. */
export function ratesSheetValues(
  contracts: Contract[],
): (string | number | boolean | null)[][] | undefined {
  const bytes = contractsWorkbook(contracts);
  return inspectXlsx(bytes).sheets.find((sheet) => sheet.name === 'Rates')?.values;
}

/**
 * A rates workbook read as the app reads it: the sheet with a rates file's columns, columns
 * guessed, then the rates reader.
 */
export function readRatesWorkbook(bytes: Uint8Array): ReturnType<typeof readContractRatesCsv> {
  const table = readTabularFile('rates.xlsx', bytes, (header) =>
    headerFitsContractFile('rates', header),
  );
  if (!table.ok) throw new Error(JSON.stringify(table.errors));
  const choice = guessColumnChoice(table.value.header, RATE_FILE_COLUMNS);
  return readContractRatesCsv({
    table: canonicalTable(table.value, choice, RATE_FILE_COLUMNS),
    headerLine: 1,
  });
}
