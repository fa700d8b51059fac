/**
 * The three XLSX readers compared for the import (test/bench/xlsx.bench.ts), each turned into the
 * same shape: sheets with their names, whether the reader says a sheet is hidden, and rows of text
 * cells (dates as ISO, numbers as the reader gives them). Only the benchmark uses the libraries.
 */
import ExcelJS from 'exceljs';
import readXlsxFile from 'read-excel-file/node';
import { APP_LIMIT_ADVICE, DEFAULT_IMPORT_LIMITS } from '../../shared/import/limits';
import { openWorkbook } from '../../shared/import/xlsx/workbook';

/** A workbook as one reader saw it, or why it refused it. */
export type ReaderOutput =
  | {
      ok: true;
      sheets: { name: string; hidden: boolean | 'unknown'; rows: string[][] }[];
    }
  | { ok: false; error: string };

export interface XlsxReader {
  name: string;
  read(bytes: Uint8Array): Promise<ReaderOutput>;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  return JSON.stringify(value);
}

function failure(error: unknown): ReaderOutput {
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}

export const OUR_READER: XlsxReader = {
  name: 'ours (fflate + own XML scanner)',
  async read(bytes) {
    const book = openWorkbook('bench.xlsx', bytes, DEFAULT_IMPORT_LIMITS, APP_LIMIT_ADVICE);
    if (!book.ok) return { ok: false, error: book.problem };
    const sheets = [];
    for (const sheet of book.value.sheets) {
      const read = book.value.readSheet(sheet.name);
      if (!read.ok) return { ok: false, error: read.problem };
      const rows: string[][] = [];
      for (const row of read.rows) rows[row.row - 1] = row.cells;
      sheets.push({
        name: sheet.name,
        hidden: sheet.state !== 'visible',
        rows: Array.from(rows, (row) => row ?? []),
      });
    }
    return { ok: true, sheets };
  },
};

export const READ_EXCEL_FILE: XlsxReader = {
  name: 'read-excel-file 9',
  async read(bytes) {
    try {
      const sheets = await readXlsxFile(Buffer.from(bytes));
      return {
        ok: true,
        sheets: sheets.map((sheet) => ({
          name: sheet.sheet,
          hidden: 'unknown' as const,
          rows: sheet.data.map((row) => row.map(text)),
        })),
      };
    } catch (error) {
      return failure(error);
    }
  },
};

/** ExcelJS cell values: plain, `{ formula, result }`, `{ richText }`, `{ error }`, hyperlinks. */
function excelJsText(value: ExcelJS.CellValue): string {
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('error' in value) return value.error;
    if ('result' in value) return excelJsText(value.result as ExcelJS.CellValue);
    if ('formula' in value || 'sharedFormula' in value) return '';
    if ('text' in value) return String(value.text);
  }
  return text(value);
}

export const EXCELJS: XlsxReader = {
  name: 'exceljs 4',
  async read(bytes) {
    try {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(new Uint8Array(bytes).buffer);
      return {
        ok: true,
        sheets: book.worksheets.map((sheet) => {
          const rows: string[][] = [];
          sheet.eachRow({ includeEmpty: false }, (row, number) => {
            const cells: string[] = [];
            row.eachCell({ includeEmpty: false }, (cell, column) => {
              cells[column - 1] = excelJsText(cell.value);
            });
            rows[number - 1] = Array.from(cells, (cell) => cell ?? '');
          });
          return {
            name: sheet.name,
            hidden: sheet.state !== 'visible',
            rows: Array.from(rows, (row) => row ?? []),
          };
        }),
      };
    } catch (error) {
      return failure(error);
    }
  },
};

export const READERS: readonly XlsxReader[] = [OUR_READER, READ_EXCEL_FILE, EXCELJS];
