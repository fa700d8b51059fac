/**
 * A minimal XLSX (Office Open XML spreadsheet) writer with no dependency but fflate's zip.
 *
 * It writes what a chargeback needs and Excel, LibreOffice and Google Sheets all read: several
 * sheets, shared strings, real numbers (never numbers as text), a currency format, bold headers,
 * column widths, a frozen header row, an optional filter and a totals row with `SUM` formulas whose
 * cached values are exact.
 *
 * Money columns take integer cents and write exact decimals (`12345` → `<v>123.45</v>`), so
 * money stays integer up to the file; dates take ISO `YYYY-MM-DD` and write date serial numbers.
 *
 * Excel holds at most 32,767 characters in a cell and refuses (or "repairs") a file with a longer
 * one, so longer text is cut to fit, ending with a visible `… (cut: N characters)`, and the
 * workbook gains a "Cut text" sheet naming each cut cell ({@link writeXlsxFile} also returns them,
 * for the caller's message): `./xlsx-cut-text.ts`. Numbers are never cut.
 */
import { strToU8, zipSync } from 'fflate';
import { daysBetween, isIsoDate, isoDate, type IsoDate } from '../dates/iso-date';
import { cents, centsToDecimalString } from '../money/cents';
import { CutCells, cutTextSheet, type XlsxCutCell } from './xlsx-cut-text';
import { columnLetters, escapeXml, stripInvalidXml } from './xml';

/** How a column's values are written and formatted. */
export type XlsxColumnKind = 'text' | 'money' | 'number' | 'date';

/** A column of a sheet. */
export interface XlsxColumn {
  header: string;
  /** Width in characters; estimated from the header and values when absent. */
  width?: number;
  kind: XlsxColumnKind;
  /** Whether the totals row sums this column; by default money columns only. */
  total?: boolean;
  /** A value of its own for the totals row in a column not summed (e.g. the total's percent). */
  totalValue?: XlsxCell;
}

/**
 * A cell value: in a `money` column, integer cents; in a `date` column, an ISO date (other text is
 * written as text); a number elsewhere is a plain number; null is an empty cell.
 */
export type XlsxCell = string | number | null;

/** One worksheet. */
export interface XlsxSheet {
  /** Made safe for Excel: `[]:*?/\` replaced, at most 31 characters, unique in the workbook. */
  name: string;
  columns: XlsxColumn[];
  rows: XlsxCell[][];
  /** A bold last row: `label` in the first column and a `SUM` under every totalled column. */
  totalsRow?: { label: string };
  /** Keep the header row in view when scrolling (default true). */
  freezeHeader?: boolean;
  /** Put a filter on the header row (default false). */
  autoFilter?: boolean;
}

/** A workbook to write. */
export interface XlsxWorkbook {
  sheets: XlsxSheet[];
  /** Number format of money cells; {@link MONEY_FORMAT} by default. */
  moneyFormat?: string;
}

/** Dollars with two decimals, negatives in red with a minus sign. */
export const MONEY_FORMAT = '"$"#,##0.00;[Red]-"$"#,##0.00';

/** Indexes of the cell styles in `styles.xml` (`cellXfs`). */
export const XLSX_STYLE = { plain: 0, header: 1, money: 2, date: 3, totalMoney: 4 } as const;

/** Custom number format ids (ids below 164 are Excel's built-in formats). */
const MONEY_FORMAT_ID = 164;
const DATE_FORMAT_ID = 165;
const EXCEL_EPOCH: IsoDate = isoDate(1899, 12, 30);
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Writes the workbook as XLSX bytes. Throws on a programmer error (no sheets, fractional cents). */
export function writeXlsx(workbook: XlsxWorkbook): Uint8Array {
  return writeXlsxFile(workbook).bytes;
}

/** {@link writeXlsx}, also returning the text cells cut to Excel's limit. */
export function writeXlsxFile(workbook: XlsxWorkbook): {
  bytes: Uint8Array;
  cut: XlsxCutCell[];
} {
  if (workbook.sheets.length === 0) throw new RangeError('A workbook needs at least one sheet.');
  const strings = new SharedStrings();
  const taken = new Set<string>();
  const names = workbook.sheets.map((sheet) => safeSheetName(sheet.name, taken));
  const files: Record<string, Uint8Array> = {};
  workbook.sheets.forEach((sheet, i) => {
    strings.cut.sheet = names[i] ?? '';
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet, strings));
  });
  const cut = strings.cut.list;
  const sheets = [...workbook.sheets];
  if (cut.length > 0) {
    // Said in the workbook itself, so whoever opens the file learns which cells are not whole.
    const note: XlsxSheet = cutTextSheet(cut);
    names.push(safeSheetName(note.name, taken));
    sheets.push(note);
    files[`xl/worksheets/sheet${sheets.length}.xml`] = strToU8(sheetXml(note, strings));
  }
  files['[Content_Types].xml'] = strToU8(contentTypesXml(sheets.length));
  files['_rels/.rels'] = strToU8(
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files['xl/workbook.xml'] = strToU8(workbookXml(sheets, names));
  files['xl/_rels/workbook.xml.rels'] = strToU8(workbookRelsXml(sheets.length));
  files['xl/styles.xml'] = strToU8(stylesXml(workbook.moneyFormat ?? MONEY_FORMAT));
  files['xl/sharedStrings.xml'] = strToU8(strings.xml());
  // A fixed time stamp makes the same workbook the same bytes.
  return { bytes: zipSync(files, { level: 6, mtime: '1980-01-01T00:00:00' }), cut: [...cut] };
}

/**
 * A sheet name Excel accepts: `[]:*?/\` become `-`, no leading or trailing apostrophe, at most
 * 31 characters, not blank, and unique (case-insensitively) among `taken`, to which it is added.
 */
export function safeSheetName(name: string, taken: Set<string> = new Set()): string {
  let base = stripInvalidXml(name)
    .replace(/[[\]:*?/\\]/g, '-')
    .replace(/[\t\r\n]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim();
  if (base === '' || base.toLowerCase() === 'history') base = `Sheet${taken.size + 1}`;
  let candidate = base.slice(0, 31);
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = `${base.slice(0, 31 - suffix.length)}${suffix}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** The strings of the workbook, each stored once and referred to by index. */
class SharedStrings {
  private readonly indexes = new Map<string, number>();
  private readonly list: string[] = [];
  private uses = 0;
  /** The cells whose text was cut to Excel's limit, and the sheet being written. */
  readonly cut = new CutCells();

  /** The index of the text of cell `ref`, cut to Excel's limit when longer. */
  indexOf(whole: string, ref: string): number {
    const text = this.cut.fit(whole, ref);
    this.uses += 1;
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.list.length;
      this.list.push(text);
      this.indexes.set(text, index);
    }
    return index;
  }

  xml(): string {
    const items = this.list.map((text) => `<si>${textElement(text)}</si>`).join('');
    return `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.uses}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

function textElement(text: string): string {
  const preserve = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<t${preserve}>${escapeXml(text)}</t>`;
}

function sheetXml(sheet: XlsxSheet, strings: SharedStrings): string {
  const { columns } = sheet;
  const lastColumn = columnLetters(Math.max(columns.length, 1) - 1);
  const parts: string[] = [];
  const header = columns.map(
    (column, c) =>
      `<c r="${columnLetters(c)}1" s="${XLSX_STYLE.header}" t="s"><v>${strings.indexOf(column.header, `${columnLetters(c)}1`)}</v></c>`,
  );
  parts.push(`<row r="1">${header.join('')}</row>`);
  const sums = columns.map(() => 0);
  sheet.rows.forEach((row, r) => {
    const rowNumber = r + 2;
    const cells: string[] = [];
    columns.forEach((column, c) => {
      const value = row[c] ?? null;
      if (typeof value === 'number' && isTotalled(column)) sums[c] = (sums[c] ?? 0) + value;
      const cell = cellXml(`${columnLetters(c)}${rowNumber}`, column.kind, value, strings);
      if (cell !== '') cells.push(cell);
    });
    parts.push(`<row r="${rowNumber}">${cells.join('')}</row>`);
  });
  const lastDataRow = sheet.rows.length + 1;
  let lastRow = lastDataRow;
  if (sheet.totalsRow !== undefined) {
    lastRow += 1;
    parts.push(totalsRowXml(sheet, lastRow, sums, strings));
  }
  const frozen =
    sheet.freezeHeader === false
      ? '<sheetView workbookViewId="0"/>'
      : '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>';
  const cols = columns
    .map((column, c) => {
      const width = Math.round((column.width ?? estimateWidth(sheet, c)) * 100) / 100;
      return `<col min="${c + 1}" max="${c + 1}" width="${width}" customWidth="1"/>`;
    })
    .join('');
  const filter =
    sheet.autoFilter === true ? `<autoFilter ref="A1:${lastColumn}${lastDataRow}"/>` : '';
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="A1:${lastColumn}${lastRow}"/><sheetViews>${frozen}</sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols === '' ? '' : `<cols>${cols}</cols>`}` +
    `<sheetData>${parts.join('')}</sheetData>${filter}</worksheet>`
  );
}

function isTotalled(column: XlsxColumn): boolean {
  return column.total ?? column.kind === 'money';
}

function cellXml(
  ref: string,
  kind: XlsxColumnKind,
  value: XlsxCell,
  strings: SharedStrings,
): string {
  if (value === null) return '';
  if (typeof value === 'string') {
    if (kind === 'date' && isIsoDate(value)) {
      return `<c r="${ref}" s="${XLSX_STYLE.date}" t="n"><v>${daysBetween(EXCEL_EPOCH, value)}</v></c>`;
    }
    if (value === '') return '';
    return `<c r="${ref}" t="s"><v>${strings.indexOf(value, ref)}</v></c>`;
  }
  if (!Number.isFinite(value)) throw new RangeError(`Cell ${ref} holds ${value}, not a number.`);
  switch (kind) {
    case 'money':
      return `<c r="${ref}" s="${XLSX_STYLE.money}" t="n"><v>${centsToDecimalString(cents(value))}</v></c>`;
    case 'date':
      return `<c r="${ref}" s="${XLSX_STYLE.date}" t="n"><v>${value}</v></c>`;
    case 'number':
    case 'text':
      return `<c r="${ref}" t="n"><v>${value}</v></c>`;
  }
}

function totalsRowXml(
  sheet: XlsxSheet,
  rowNumber: number,
  sums: readonly number[],
  strings: SharedStrings,
): string {
  const label = sheet.totalsRow?.label ?? 'Total';
  const cells = sheet.columns.map((column, c) => {
    const ref = `${columnLetters(c)}${rowNumber}`;
    if (isTotalled(column)) {
      const letters = columnLetters(c);
      const sum = sums[c] ?? 0;
      const value = column.kind === 'money' ? centsToDecimalString(cents(sum)) : String(sum);
      const style = column.kind === 'money' ? XLSX_STYLE.totalMoney : XLSX_STYLE.header;
      // No data rows: a plain zero, since SUM over the empty range would point at this very cell.
      const formula = rowNumber > 2 ? `<f>SUM(${letters}2:${letters}${rowNumber - 1})</f>` : '';
      return `<c r="${ref}" s="${style}" t="n">${formula}<v>${value}</v></c>`;
    }
    if (c === 0)
      return `<c r="${ref}" s="${XLSX_STYLE.header}" t="s"><v>${strings.indexOf(label, ref)}</v></c>`;
    return cellXml(ref, column.kind, column.totalValue ?? null, strings);
  });
  return `<row r="${rowNumber}">${cells.join('')}</row>`;
}

/** Width from the header and the first rows' values, between 8 and 60 characters. */
function estimateWidth(sheet: XlsxSheet, c: number): number {
  const column = sheet.columns[c];
  if (column === undefined) return 10;
  if (column.kind === 'money') return Math.max(14, column.header.length + 2);
  if (column.kind === 'date') return Math.max(12, column.header.length + 2);
  let longest = column.header.length;
  for (const row of sheet.rows.slice(0, 500)) {
    const value = row[c];
    if (value !== null && value !== undefined) longest = Math.max(longest, String(value).length);
  }
  return Math.min(60, Math.max(8, longest + 2));
}

function contentTypesXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    `${sheets}</Types>`
  );
}

function workbookXml(sheets: readonly XlsxSheet[], names: readonly string[]): string {
  const entries = names
    .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  const filters = sheets
    .map((sheet, i) => {
      if (sheet.autoFilter !== true) return '';
      const last = columnLetters(Math.max(sheet.columns.length, 1) - 1);
      const quoted = `'${(names[i] ?? '').replaceAll("'", "''")}'`;
      return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(`${quoted}!$A$1:$${last}$${sheet.rows.length + 1}`)}</definedName>`;
    })
    .join('');
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews>` +
    `<sheets>${entries}</sheets>${filters === '' ? '' : `<definedNames>${filters}</definedNames>`}</workbook>`
  );
}

function workbookRelsXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  return (
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${sheets}` +
    `<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheetCount + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
    '</Relationships>'
  );
}

function stylesXml(moneyFormat: string): string {
  const font = (bold: boolean) =>
    `<font>${bold ? '<b/>' : ''}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
  const xf = (numFmtId: number, fontId: number) =>
    `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${numFmtId === 0 ? '' : ' applyNumberFormat="1"'}${fontId === 0 ? '' : ' applyFont="1"'}/>`;
  // Order must match XLSX_STYLE: plain, header, money, date, totalMoney.
  const cellXfs = [
    xf(0, 0),
    xf(0, 1),
    xf(MONEY_FORMAT_ID, 0),
    xf(DATE_FORMAT_ID, 0),
    xf(MONEY_FORMAT_ID, 1),
  ];
  return (
    `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
    `<numFmts count="2"><numFmt numFmtId="${MONEY_FORMAT_ID}" formatCode="${escapeXml(moneyFormat)}"/>` +
    `<numFmt numFmtId="${DATE_FORMAT_ID}" formatCode="yyyy-mm-dd"/></numFmts>` +
    `<fonts count="2">${font(false)}${font(true)}</fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${cellXfs.length}">${cellXfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}
