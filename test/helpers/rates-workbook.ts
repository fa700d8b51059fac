/**
 * Rate cards through XLSX, for the contracts tests: the Rates sheet of the app's contracts
 * workbook, and a rates workbook read through the same door as a CSV (column mapping, then the
 * rates reader).
 */
import { readContractRatesCsv } from '../../shared/contracts/csv';
import { canonicalCsv, guessColumnChoice, RATE_FILE_COLUMNS } from '../../shared/contracts/mapping';
import { readTabularFile } from '../../shared/inventory/table-file';
import type { Contract } from '../../shared/model';
import { contractsXlsxBytes } from '../../renderer/features/contracts/import/exports';
import { inspectXlsx } from './xlsx-inspect';

/** The cell values of the Rates sheet of the contracts workbook holding `contracts`. */
export function ratesSheetValues(
  contracts: Contract[],
): (string | number | boolean | null)[][] | undefined {
  const bytes = contractsXlsxBytes({
    contracts,
    carriers: [],
    accounts: [],
    services: [],
    attachments: [],
    spend: new Map(),
    alertWindows: [],
  });
  return inspectXlsx(bytes).sheets.find((sheet) => sheet.name === 'Rates')?.values;
}

/** A rates workbook read as the app reads it: columns guessed, then the rates reader. */
export function readRatesWorkbook(bytes: Uint8Array): ReturnType<typeof readContractRatesCsv> {
  const table = readTabularFile('rates.xlsx', bytes);
  if (!table.ok) throw new Error(JSON.stringify(table.errors));
  const choice = guessColumnChoice(table.value.header, RATE_FILE_COLUMNS);
  const csv = canonicalCsv(table.value, choice, RATE_FILE_COLUMNS);
  return readContractRatesCsv(new TextEncoder().encode(csv));
}
