/**
 * XLSX benchmark, run in Chromium (driven by test/bench/xlsx.bench.ts): a 50,000-row TEM Desk
 * charge-line workbook read by the import pipeline (`readBills`, as the import worker runs it:
 * unzip, XML, cells to text, recognise, draft) on the page's main thread; beside it, our reader
 * alone (workbook to rows of text), read-excel-file's browser build on the same bytes, and the
 * same rows as CSV through `readBills`.
 */
import readXlsxFile from 'read-excel-file/browser';
import { APP_LIMIT_ADVICE, DEFAULT_IMPORT_LIMITS } from '../../../shared/import/limits';
import { readBills } from '../../../shared/import/read-bill';
import { openWorkbook } from '../../../shared/import/xlsx/workbook';
import { chargeLineVolume } from '../xlsx-volume';

/** What one call of {@link benchXlsx} measured; times in milliseconds, one entry per run. */
export interface XlsxFigures {
  userAgent: string;
  rows: number;
  xlsxBytes: number;
  csvBytes: number;
  lines: number;
  readBills: number[];
  ourReader: number[];
  readExcelFile: number[];
  csvReadBills: number[];
}

function timed<T>(work: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = work();
  return { ms: performance.now() - start, value };
}

async function benchXlsx(rows = 50_000, runCount = 3): Promise<XlsxFigures> {
  const { xlsx, csv } = chargeLineVolume(rows);
  const csvBytes = new TextEncoder().encode(csv);
  const figures: XlsxFigures = {
    userAgent: navigator.userAgent,
    rows,
    xlsxBytes: xlsx.length,
    csvBytes: csvBytes.length,
    lines: 0,
    readBills: [],
    ourReader: [],
    readExcelFile: [],
    csvReadBills: [],
  };
  for (let run = 0; run < runCount; run += 1) {
    const bills = timed(() => readBills([{ name: 'lumen-2026-10.xlsx', bytes: xlsx }]));
    const [outcome] = bills.value;
    if (outcome?.kind !== 'draft')
      throw new Error(`Not a draft: ${JSON.stringify(outcome).slice(0, 300)}`);
    figures.lines = outcome.draft.lines.length;
    figures.readBills.push(bills.ms);
    figures.ourReader.push(
      timed(() => {
        const book = openWorkbook('bench.xlsx', xlsx, DEFAULT_IMPORT_LIMITS, APP_LIMIT_ADVICE);
        if (!book.ok) throw new Error(book.problem);
        const sheet = book.value.readSheet('Detail');
        if (!sheet.ok) throw new Error(sheet.problem);
        return sheet.rows.length;
      }).ms,
    );
    const start = performance.now();
    await readXlsxFile(new Blob([new Uint8Array(xlsx)]));
    figures.readExcelFile.push(performance.now() - start);
    figures.csvReadBills.push(
      timed(() => readBills([{ name: 'lumen-2026-10.csv', bytes: csvBytes }])).ms,
    );
  }
  return figures;
}

declare global {
  interface Window {
    benchXlsx: typeof benchXlsx;
  }
}

window.benchXlsx = benchXlsx;
const status = document.getElementById('status');
if (status) status.textContent = 'Ready';
