/**
 * Which XLSX reader the import uses, decided on evidence: our reader (fflate and the import's
 * own ZIP and XML code) against read-excel-file and exceljs, on
 * - correctness: the quirk workbooks (saved by LibreOffice, and hand-written as Excel and Google
 *   Sheets write them), each reader's cells compared with what the bill pipeline needs;
 * - bundle size: each reader bundled for the browser, minified (esbuild, as Vite's build does);
 * - speed: a 50,000-row charge-line workbook, in Node and in Chromium (where the 2 s target for
 *   a 50,000-row bill applies, through the whole import read).
 * Printed as tables, never asserted on time.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { it } from 'vitest';
import { buildXlsx, CHARGE_LINE_HEADER, STYLE, type TestWorkbook } from '../helpers/xlsx-build';
import type { XlsxFigures } from './browser/xlsx';
import { openBenchBrowser } from './browser-session';
import { median, reportBench } from './report';
import { chargeLineVolume } from './xlsx-volume';
import { READERS, type ReaderOutput } from './xlsx-readers';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/xlsx/${name}`, import.meta.url)));

/** The text of a cell (`sheet`, 1-based row, 0-based column) as a reader gave it. */
function cell(output: ReaderOutput, sheet: string, row: number, column: number): string | null {
  if (!output.ok) return null;
  return output.sheets.find((s) => s.name === sheet)?.rows[row - 1]?.[column] ?? '';
}

const oneRow = (date: TestWorkbook['sheets'][number]['rows'][number][number], amount = 12.5) => [
  CHARGE_LINE_HEADER,
  [
    'Lumen',
    '5-KE4X-001',
    '754240482',
    date,
    'Circuit',
    { n: amount, style: STYLE.currency },
    'Recurring',
  ],
];

interface Quirk {
  name: string;
  bytes: Uint8Array;
  /** Whether the reader's output is right for the bill pipeline. */
  right(output: ReaderOutput): boolean;
}

const QUIRKS: Quirk[] = [
  {
    name: 'LibreOffice: date cell (m/d/yyyy) → 2026-10-01',
    bytes: fixture('quirks.xlsx'),
    right: (o) => cell(o, 'Detail', 5, 3) === '2026-10-01',
  },
  {
    name: 'LibreOffice: rich text joined',
    bytes: fixture('quirks.xlsx'),
    right: (o) => cell(o, 'Detail', 5, 4) === 'Ethernet 100M',
  },
  {
    name: 'LibreOffice: formula read by its cached value (=-12.5*3)',
    bytes: fixture('quirks.xlsx'),
    right: (o) => cell(o, 'Detail', 8, 5) === '-37.5',
  },
  {
    name: 'LibreOffice: =NA() error cell read as #N/A',
    bytes: fixture('quirks.xlsx'),
    right: (o) => cell(o, 'Detail', 7, 5) === '#N/A',
  },
  {
    name: 'LibreOffice: hidden sheet reported as hidden',
    bytes: fixture('quirks.xlsx'),
    right: (o) => o.ok && o.sheets.find((s) => s.name === 'Old')?.hidden === true,
  },
  {
    name: 'LibreOffice: 1904 workbook date → 2026-10-01',
    bytes: fixture('quirks-1904.xlsx'),
    right: (o) => cell(o, 'Detail', 5, 3) === '2026-10-01',
  },
  {
    name: 'Excel-style: 1904 workbook date → 2026-10-01',
    bytes: buildXlsx({
      date1904: true,
      sheets: [{ name: 'D', rows: oneRow({ n: 44834, style: STYLE.date }) }],
    }),
    right: (o) => cell(o, 'D', 2, 3) === '2026-10-01',
  },
  {
    name: 'Excel-style: 1900 serial 61 → 1900-03-01 (after the 1900-02-29 bug)',
    bytes: buildXlsx({ sheets: [{ name: 'D', rows: oneRow({ n: 61, style: STYLE.date }) }] }),
    right: (o) => cell(o, 'D', 2, 3) === '1900-03-01',
  },
  {
    name: 'Excel-style: 1900 serial 59 → 1900-02-28 (before the bug)',
    bytes: buildXlsx({ sheets: [{ name: 'D', rows: oneRow({ n: 59, style: STYLE.date }) }] }),
    right: (o) => cell(o, 'D', 2, 3) === '1900-02-28',
  },
  {
    name: 'Excel-style: cached 0.30000000000000004 → 0.3',
    bytes: buildXlsx({ sheets: [{ name: 'D', rows: oneRow('2026-10-01', 0.1 + 0.2) }] }),
    right: (o) => cell(o, 'D', 2, 5) === '0.3',
  },
  {
    name: 'Excel-style: [h]:mm duration stays a number',
    bytes: buildXlsx({ sheets: [{ name: 'D', rows: oneRow({ n: 1.5, style: STYLE.duration }) }] }),
    right: (o) => cell(o, 'D', 2, 3) === '1.5',
  },
  {
    name: 'Google-style: inline strings, no dimension',
    bytes: buildXlsx({ writer: 'google', sheets: [{ name: 'D', rows: oneRow('2026-10-01') }] }),
    right: (o) => cell(o, 'D', 1, 5) === 'Amount' && cell(o, 'D', 2, 5) === '12.5',
  },
  {
    name: 'cells and rows without r attributes',
    bytes: buildXlsx({
      sheets: [{ name: 'D', rows: oneRow('2026-10-01') }],
      patch: { 'xl/worksheets/sheet1.xml': (xml) => xml.replace(/ r="[A-Z]*\d+"/g, '') },
    }),
    right: (o) => cell(o, 'D', 2, 5) === '12.5',
  },
  {
    name: 'namespace prefixes (x:row, x:c)',
    bytes: buildXlsx({
      sheets: [{ name: 'D', rows: oneRow('2026-10-01') }],
      patch: {
        'xl/worksheets/sheet1.xml': (xml) =>
          xml
            .replace(/<(\/?)(worksheet|sheetData|row|c|v|dimension)\b/g, '<$1x:$2')
            .replace('xmlns=', 'xmlns:x='),
      },
    }),
    right: (o) => cell(o, 'D', 2, 5) === '12.5',
  },
  {
    name: 'DOCTYPE with an entity: refused, never expanded',
    bytes: buildXlsx({
      sheets: [{ name: 'D', rows: oneRow('2026-10-01') }],
      patch: {
        'xl/sharedStrings.xml': (xml) =>
          xml
            .replace('<sst', '<!DOCTYPE sst [<!ENTITY e "EXPANDED">]><sst')
            .replace('>Lumen<', '>&e;<'),
      },
    }),
    right: (o) => !o.ok,
  },
];

async function bundleSize(contents: string): Promise<{ min: number; gzip: number }> {
  const result = await build({
    stdin: { contents, resolveDir: fileURLToPath(new URL('../..', import.meta.url)), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { min: code.length, gzip: gzipSync(code).length };
}

const BUNDLES = [
  [
    'ours: workbook reader (fflate is in the app already: its share counted here too)',
    "export { openWorkbook } from './shared/import/xlsx/workbook';",
  ],
  ['read-excel-file/browser', "export { default } from 'read-excel-file/browser';"],
  ['exceljs (its browser build)', "export { default } from 'exceljs';"],
] as const;

async function nodeMs(read: () => Promise<unknown>, runs = 3): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await read();
    times.push(performance.now() - start);
  }
  return median(times);
}

it('XLSX readers compared: correctness, bundle size, speed', async () => {
  const outputs = new Map<Uint8Array, ReaderOutput[]>();
  const correct = READERS.map(() => 0);
  const rows = [];
  for (const quirk of QUIRKS) {
    let results = outputs.get(quirk.bytes);
    if (results === undefined) {
      results = await Promise.all(READERS.map((reader) => reader.read(quirk.bytes)));
      outputs.set(quirk.bytes, results);
    }
    const marks = results.map((output, index) => {
      const right = quirk.right(output);
      if (right) correct[index] = (correct[index] ?? 0) + 1;
      return right ? 'yes' : 'NO';
    });
    rows.push(`| ${quirk.name} | ${marks.join(' | ')} |`);
  }
  const table = [
    `| quirk | ${READERS.map((reader) => reader.name).join(' | ')} |`,
    `|---|${READERS.map(() => ':-:').join('|')}|`,
    ...rows,
    `| **right, of ${QUIRKS.length}** | ${correct.map((n) => `**${n}**`).join(' | ')} |`,
  ].join('\n');
  console.log(`\n**XLSX readers: what each reads right for the bill pipeline**\n\n${table}\n`);

  const { xlsx } = chargeLineVolume(50_000);
  const speed: number[] = [];
  for (const reader of READERS) speed.push(await nodeMs(() => reader.read(xlsx)));
  const sizes: { min: number; gzip: number }[] = [];
  for (const [, contents] of BUNDLES) sizes.push(await bundleSize(contents));
  reportBench(
    'xlsx-readers',
    `XLSX readers in Node: a 50,000-row charge-line workbook (${(xlsx.length / 1024 / 1024).toFixed(1)} MB), median of 3; bundle sizes minified (gzip)`,
    [
      ...READERS.map((reader, index) => ({
        measure: `${reader.name}: read every sheet to rows (${correct[index] ?? 0} of ${QUIRKS.length} quirks right)`,
        value: speed[index] ?? 0,
      })),
      ...BUNDLES.map(([name], index) => ({
        measure: `bundle: ${name} (gzip ${Math.round((sizes[index]?.gzip ?? 0) / 1024)} KB)`,
        value: Math.round((sizes[index]?.min ?? 0) / 1024),
        unit: 'KB',
      })),
    ],
    { quirks: table, speed, sizes },
  );
});

it('a 50,000-row XLSX bill read in Chromium', async () => {
  const bench = await openBenchBrowser();
  try {
    const page = await bench.context.newPage();
    await page.goto(new URL('test/bench/browser/xlsx.html', bench.baseUrl).toString());
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Ready');
    const figures: XlsxFigures = await page.evaluate(() => window.benchXlsx(50_000, 3));
    await page.close();
    const chromium = /(?:HeadlessChrome|Chrome)\/([\d.]+)/.exec(figures.userAgent)?.[1] ?? '?';
    reportBench(
      'xlsx-chromium',
      `XLSX bill in Chromium ${chromium} (page main thread): ${figures.rows.toLocaleString('en-US')} charge lines, a ${(figures.xlsxBytes / 1024 / 1024).toFixed(1)} MB workbook (the same rows as CSV: ${(figures.csvBytes / 1024 / 1024).toFixed(1)} MB); median of ${figures.readBills.length} runs`,
      [
        {
          measure: `readBills: workbook → draft of ${figures.lines.toLocaleString('en-US')} lines (unzip, XML, cells, recognise, money, dates)`,
          value: median(figures.readBills),
          limit: 2000,
          raw: median(figures.csvReadBills),
          rawLabel: 'readBills of the same rows as CSV',
        },
        {
          measure: 'of which our reader alone: workbook → rows of text',
          value: median(figures.ourReader),
          raw: median(figures.readExcelFile),
          rawLabel: 'read-excel-file (browser) on the same bytes',
        },
      ],
      figures,
    );
  } finally {
    await bench.close();
  }
});
