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
 * Excel holds at most {@link XLSX_TEXT_LIMIT} characters in a cell and refuses (or "repairs") a
 * file with a longer one, so longer text is cut to fit, ending with a visible `… (cut: N
 * characters)`, and the workbook gains a "Cut text" sheet naming each cut cell
 * ({@link writeXlsxFile} also returns them, for the caller's message). Numbers are never cut.
 */
import { strToU8, zipSync } from 'fflate';
import { daysBetween, isIsoDate, isoDate, type IsoDate } from '../dates/iso-date';
import { cents, centsToDecimalString } from '../money/cents';
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

/** The most characters (UTF-16 code units, as Excel counts them) a cell holds. */
export const XLSX_TEXT_LIMIT = 32_767;

/** A text cell cut to {@link XLSX_TEXT_LIMIT}: where it is, and how long its text was. */
export interface XlsxCutCell {
  sheet: string;
  /** `A1`-style reference. */
  cell: string;
  /** Characters of the whole text. */
  length: number;
  /** Characters left out (the marker comes in their place). */
  cut: number;
}

/** The sentence telling the user that the `cut` cells were cut (for a message or the CLI). */
export function cutCellsNotice(cut: readonly XlsxCutCell[]): string {
  const cells = cut.length === 1 ? '1 cell' : `${cut.length} cells`;
  const where = cut
    .slice(0, 5)
    .map((entry) => `${entry.sheet}!${entry.cell}`)
    .join(', ');
  const more = cut.length > 5 ? ` and ${cut.length - 5} more` : '';
  return `${cells} held text longer than Excel's limit of ${XLSX_TEXT_LIMIT.toLocaleString('en-US')} characters (${where}${more}): cut to fit, ending with "… (cut: N characters)"; the "Cut text" sheet lists them. Amounts are not affected; the CSV export keeps the whole text.`;
}

/**
 * `text` within {@link XLSX_TEXT_LIMIT}: as it is when it fits, else its start and `… (cut: N
 * characters)` (N the characters left out), never splitting a surrogate pair. `cut` is N, or 0.
 */
export function fitXlsxText(text: string): { text: string; cut: number } {
  if (text.length <= XLSX_TEXT_LIMIT) return { text, cut: 0 };
  const marker = (cut: number) => `… (cut: ${cut.toLocaleString('en-US')} characters)`;
  // The marker's length depends on how much is cut: shorten until text and marker fit.
  let keep = XLSX_TEXT_LIMIT - marker(text.length - XLSX_TEXT_LIMIT).length;
  for (;;) {
    const code = text.charCodeAt(keep - 1);
    if (code >= 0xd800 && code <= 0xdbff) keep -= 1;
    const fitted = `${text.slice(0, keep)}${marker(text.length - keep)}`;
    if (fitted.length <= XLSX_TEXT_LIMIT) return { text: fitted, cut: text.length - keep };
    keep -= fitted.length - XLSX_TEXT_LIMIT;
  }
}

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
    strings.sheet = names[i] ?? '';
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet, strings));
  });
  const cut = strings.cut;
  const sheets = [...workbook.sheets];
  if (cut.length > 0) {
    // Said in the workbook itself, so whoever opens the file learns which cells are not whole.
    const note = cutTextSheet(cut);
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

/** The sheet listing the cells whose text was cut to Excel's limit. */
function cutTextSheet(cut: readonly XlsxCutCell[]): XlsxSheet {
  return {
    name: 'Cut text',
    columns: [
      { header: 'Sheet', kind: 'text' },
      { header: 'Cell', kind: 'text' },
      { header: 'Characters', kind: 'number', total: false },
      { header: 'Characters cut', kind: 'number', total: false },
      { header: 'Note', kind: 'text', width: 60 },
    ],
    rows: cut.map((entry) => [
      entry.sheet,
      entry.cell,
      entry.length,
      entry.cut,
      `Longer than Excel's ${XLSX_TEXT_LIMIT.toLocaleString('en-US')} characters a cell: cut, ending with "… (cut: ${entry.cut.toLocaleString('en-US')} characters)".`,
    ]),
  };
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
  /** The (safe) name of the sheet being written, for {@link cut}. */
  sheet = '';
  /** The cells whose text was cut to {@link XLSX_TEXT_LIMIT}. */
  readonly cut: XlsxCutCell[] = [];

  /** The index of the text of cell `ref`, cut to Excel's limit when longer. */
  indexOf(whole: string, ref: string): number {
    const { text, cut } = fitXlsxText(whole);
    if (cut > 0) this.cut.push({ sheet: this.sheet, cell: ref, length: whole.length, cut });
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
