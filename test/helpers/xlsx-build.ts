/**
 * Hand-written XLSX workbooks for the reader's tests, zipped with fflate: each reproduces what a
 * real writer puts in the package. `excelStyle` writes what Excel writes (shared strings, a styles
 * part with custom number formats, a `dimension`, `r` on every row and cell); `googleStyle` what
 * Google Sheets writes (inline strings, no `dimension`); tests then bend single parts (a 1904
 * workbook, a DOCTYPE, missing `r` attributes, prefixed elements…).
 */
import { strToU8, zipSync } from 'fflate';
import { columnLetters } from '../../shared/import/xlsx/workbook';

/** A cell as a test writes it. */
export type TestCell =
  | string
  | number
  | boolean
  | null
  | { n: number; style?: number; formula?: string }
  | { error: string }
  | { rich: string[] }
  | { formulaText: string; cached: string };

/** A sheet as a test writes it: rows from row `firstRow` (1 by default), columns from A. */
export interface TestSheet {
  name: string;
  rows: TestCell[][];
  state?: 'hidden' | 'veryHidden';
  firstRow?: number;
}

export interface TestWorkbook {
  sheets: TestSheet[];
  /** Excel (shared strings, styles) or Google Sheets (inline strings, no dimension). */
  writer?: 'excel' | 'google';
  date1904?: boolean;
  /** Custom number formats, by style index 1…: `cellXfs[i]` uses `numFmts[i - 1]`. */
  numFmts?: { id: number; code?: string }[];
  /** Replaces parts after they are written: path → new text (or a function of the old). */
  patch?: Record<string, string | ((xml: string) => string)>;
  /** Leave out these parts (e.g. `xl/styles.xml`). */
  omit?: string[];
}

const escape = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** A TEM Desk charge-line header whose Amount is column F, as in the error examples. */
export const CHARGE_LINE_HEADER = [
  'Carrier',
  'Account Number',
  'Invoice Number',
  'Invoice Date',
  'Description',
  'Amount',
  'Category',
];

/** Default styles: 1 currency, 2 m/d/yyyy (built-in 14), 3 custom date, 4 [h]:mm duration. */
export const STYLE = { currency: 1, date: 2, isoDate: 3, duration: 4 } as const;
const DEFAULT_FORMATS = [
  { id: 164, code: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)' },
  { id: 14 },
  { id: 165, code: 'yyyy\\-mm\\-dd;@' },
  { id: 166, code: '[h]:mm' },
];

/** The bytes of an .xlsx file holding the workbook. */
export function buildXlsx(book: TestWorkbook): Uint8Array {
  const writer = book.writer ?? 'excel';
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const shared = (text: string) => {
    let index = stringIndex.get(text);
    if (index === undefined) {
      index = strings.length;
      strings.push(`<si><t xml:space="preserve">${escape(text)}</t></si>`);
      stringIndex.set(text, index);
    }
    return index;
  };
  const cellXml = (cell: TestCell, ref: string): string => {
    if (cell === null) return '';
    if (typeof cell === 'string') {
      return writer === 'excel'
        ? `<c r="${ref}" t="s"><v>${shared(cell)}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t>${escape(cell)}</t></is></c>`;
    }
    if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
    if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
    if ('error' in cell) return `<c r="${ref}" t="e"><v>${escape(cell.error)}</v></c>`;
    if ('rich' in cell) {
      const runs = cell.rich.map(
        (run, i) =>
          `<r>${i === 0 ? '<rPr><b/></rPr>' : ''}<t xml:space="preserve">${escape(run)}</t></r>`,
      );
      const index = strings.length;
      strings.push(`<si>${runs.join('')}<rPh sb="0" eb="1"><t>ヨミ</t></rPh></si>`);
      return `<c r="${ref}" t="s"><v>${index}</v></c>`;
    }
    if ('formulaText' in cell) {
      return `<c r="${ref}" t="str"><f>${escape(cell.formulaText)}</f><v>${escape(cell.cached)}</v></c>`;
    }
    const style = cell.style === undefined ? '' : ` s="${cell.style}"`;
    const formula = cell.formula === undefined ? '' : `<f>${escape(cell.formula)}</f>`;
    return `<c r="${ref}"${style}>${formula}<v>${cell.n}</v></c>`;
  };
  const files: Record<string, string> = {};
  const sheetEntries: string[] = [];
  const rels: string[] = [];
  book.sheets.forEach((sheet, index) => {
    const first = sheet.firstRow ?? 1;
    const rows = sheet.rows.map((row, r) => {
      const number = first + r;
      const cells = row.map((cell, c) => cellXml(cell, `${columnLetters(c)}${number}`)).join('');
      return `<row r="${number}">${cells}</row>`;
    });
    const width = Math.max(1, ...sheet.rows.map((row) => row.length));
    const dimension =
      writer === 'excel'
        ? `<dimension ref="A1:${columnLetters(width - 1)}${first + sheet.rows.length - 1}"/>`
        : '';
    files[`xl/worksheets/sheet${index + 1}.xml`] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${dimension}<sheetData>${rows.join('')}</sheetData></worksheet>`;
    const state = sheet.state === undefined ? '' : ` state="${sheet.state}"`;
    sheetEntries.push(
      `<sheet name="${escape(sheet.name)}" sheetId="${index + 1}"${state} r:id="rId${index + 1}"/>`,
    );
    rels.push(
      `<Relationship Id="rId${index + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
    );
  });
  const n = book.sheets.length;
  rels.push(
    `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`,
  );
  if (writer === 'excel') {
    rels.push(
      `<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`,
    );
  }
  const date1904 = book.date1904 === true ? ' date1904="1"' : '';
  files['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${date1904}/><sheets>${sheetEntries.join('')}</sheets></workbook>`;
  files['xl/_rels/workbook.xml.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
  const formats = book.numFmts ?? DEFAULT_FORMATS;
  const custom = formats.filter((format) => format.code !== undefined);
  files['xl/styles.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="${custom.length}">${custom.map((format) => `<numFmt numFmtId="${format.id}" formatCode="${escape(format.code ?? '').replaceAll('"', '&quot;')}"/>`).join('')}</numFmts><fonts count="1"><font><sz val="11"/></font></fonts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="${formats.length + 1}"><xf numFmtId="0" fontId="0"/>${formats.map((format) => `<xf numFmtId="${format.id}" applyNumberFormat="1"/>`).join('')}</cellXfs></styleSheet>`;
  if (writer === 'excel') {
    files['xl/sharedStrings.xml'] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.join('')}</sst>`;
  }
  files['[Content_Types].xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
  files['_rels/.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  for (const [path, change] of Object.entries(book.patch ?? {})) {
    files[path] = typeof change === 'string' ? change : change(files[path] ?? '');
  }
  const omitted = new Set(book.omit ?? []);
  const zipped: Record<string, Uint8Array> = {};
  for (const [path, text] of Object.entries(files)) {
    if (!omitted.has(path)) zipped[path] = strToU8(text);
  }
  return zipSync(zipped, { level: 6 });
}

/**
 * A one-charge sheet in TEM Desk's charge-line format: Lumen account 5-KE4X-001, invoice date
 * 2026-10-01 (a date serial), the amount a currency cell.
 */
export function oneChargeSheet(invoiceNumber: string, amount: number): TestCell[][] {
  return [
    ['Carrier', 'Account Number', 'Invoice Number', 'Invoice Date', 'Amount', 'Category'],
    [
      'Lumen',
      '5-KE4X-001',
      invoiceNumber,
      { n: 46296, style: STYLE.date },
      { n: amount, style: STYLE.currency },
      'Recurring',
    ],
  ];
}
