/**
 * An XLSX workbook's sheets as rows of text cells. What is read: the sheet list with each sheet's
 * state (visible, hidden, very hidden), the date system (`workbookPr date1904`), the number
 * formats of the cell styles, shared strings (plain and rich text; phonetic runs left out), and
 * every cell: numbers (dates when their format is a date), shared, inline and formula strings,
 * booleans (`TRUE`/`FALSE`), errors (`#N/A` as text, which the bill readers then refuse), and
 * formulas by their cached value. Tolerated: namespace prefixes, a missing `dimension`, sparse
 * rows, rows and cells without an `r` reference, a workbook without styles or shared strings.
 */
import type { ImportLimits, LimitAdvice } from '../limits';
import { quoteCell } from '../limits';
import type { NumberFormatKind } from './number-format';
import { numberFormatKind } from './number-format';
import type { XlsxPackage } from './package';
import { openXlsxPackage } from './package';
import { readSheetRows, type SheetContext, type XlsxRow } from './sheet-rows';
import { decodeExcelEscapes, scanXml, xmlAttributes } from './xml';

export {
  columnLetters,
  columnOfReference,
  MAX_SHEET_CELLS,
  MAX_SHEET_ROWS,
  readSheetRows,
  type XlsxRow,
} from './sheet-rows';

/** Whether a sheet is shown in Excel's tab bar. */
export type SheetState = 'visible' | 'hidden' | 'veryHidden';

/** One sheet of the workbook, as listed in `workbook.xml`. */
export interface XlsxSheetInfo {
  name: string;
  state: SheetState;
}

/** An opened workbook: its sheets listed, each read on demand. */
export interface XlsxWorkbook {
  sheets: XlsxSheetInfo[];
  /** Whether dates count from 1904 (Mac Excel's old default). */
  date1904: boolean;
  /** The rows of a sheet, or a sentence naming the sheet and what is wrong. */
  readSheet(name: string): { ok: true; rows: XlsxRow[] } | { ok: false; problem: string };
}

type Opened = { ok: true; value: XlsxWorkbook } | { ok: false; problem: string };
/** The text of one part, or a problem sentence for the whole workbook. */
function partText(pkg: XlsxPackage, fileName: string, path: string): string | { problem: string } {
  const part = pkg.text(path);
  if (!part.ok) {
    return {
      problem: `"${fileName}" is an Excel workbook that cannot be read: ${part.problem}. Save it again from Excel, or export the sheet as CSV.`,
    };
  }
  return part.text;
}

function xmlProblem(fileName: string, path: string, problem: string): { problem: string } {
  return {
    problem: `"${fileName}" is an Excel workbook that cannot be read: its part "${path}" ${problem}. Save it again from Excel, or export the sheet as CSV.`,
  };
}

/** Resolves a relationship target against the folder of the part that declares it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Relationship id → resolved target of a part's `.rels`, with each relationship's type. */
function readRelationships(
  pkg: XlsxPackage,
  fileName: string,
  part: string,
): Map<string, { target: string; type: string }> | { problem: string } {
  const path = relsPathOf(part);
  const relationships = new Map<string, { target: string; type: string }>();
  if (!pkg.has(path)) return relationships;
  const text = partText(pkg, fileName, path);
  if (typeof text !== 'string') return text;
  const problem = scanXml(text, {
    open(name, attributes) {
      if (name !== 'Relationship') return;
      const values = xmlAttributes(attributes);
      if (values.Id === undefined || values.Target === undefined) return;
      if (values.TargetMode === 'External') return;
      relationships.set(values.Id, {
        target: resolveTarget(part, values.Target),
        type: values.Type ?? '',
      });
    },
    close() {},
    text() {},
  });
  return problem === null ? relationships : xmlProblem(fileName, path, problem);
}

/** The workbook part's path: from the package relationships, else `xl/workbook.xml`. */
function workbookPath(pkg: XlsxPackage, fileName: string): string | { problem: string } {
  const relationships = readRelationships(pkg, fileName, '');
  if (!(relationships instanceof Map)) return relationships;
  for (const relationship of relationships.values()) {
    if (relationship.type.endsWith('/officeDocument') && pkg.has(relationship.target))
      return relationship.target;
  }
  return 'xl/workbook.xml';
}

/** Shared strings in order: plain `<t>`, or rich text runs `<r><t>` joined; `<rPh>` left out. */
function readSharedStrings(
  xml: string,
  maxChars: number,
): { strings: string[]; problem: XmlProblemText } {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  let tooLong = false;
  const problem = scanXml(xml, {
    open(name, _attributes, selfClosing) {
      if (name === 'si') current = selfClosing ? null : [];
      if (selfClosing && name === 'si') strings.push('');
      else if (name === 'rPh') phonetic += selfClosing ? 0 : 1;
      else if (name === 't' && !selfClosing) inText = true;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'si' && current !== null) {
        const text = decodeExcelEscapes(current.join(''));
        if (text.length > maxChars) tooLong = true;
        strings.push(text);
        current = null;
      }
    },
    text(text) {
      if (inText && phonetic === 0 && current !== null) current.push(text);
    },
  });
  return {
    strings,
    problem: problem ?? (tooLong ? 'holds a text longer than the longest line allowed' : null),
  };
}

type XmlProblemText = string | null;

/** Number format kind of each cell style (`cellXfs` order); absent styles are plain numbers. */
function readStyleKinds(xml: string): { kinds: NumberFormatKind[]; problem: XmlProblemText } {
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  const problem = scanXml(xml, {
    open(name, attributes, selfClosing) {
      if (name === 'numFmt') {
        const values = xmlAttributes(attributes);
        custom.set(Number(values.numFmtId), values.formatCode ?? '');
      } else if (name === 'cellXfs' && !selfClosing) inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        xfIds.push(Number(xmlAttributes(attributes).numFmtId ?? 0));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return { kinds: xfIds.map((id) => numberFormatKind(id, custom.get(id))), problem };
}

/** Sheets listed in the workbook, the date system, and each sheet's relationship id. */
function readWorkbookPart(xml: string): {
  sheets: (XlsxSheetInfo & { id: string })[];
  date1904: boolean;
  problem: XmlProblemText;
} {
  const sheets: (XlsxSheetInfo & { id: string })[] = [];
  let date1904 = false;
  const problem = scanXml(xml, {
    open(name, attributes) {
      if (name === 'workbookPr') {
        const flag = xmlAttributes(attributes).date1904;
        date1904 = flag === '1' || flag === 'true';
      } else if (name === 'sheet') {
        const values = xmlAttributes(attributes);
        const state: SheetState =
          values.state === 'hidden' || values.state === 'veryHidden' ? values.state : 'visible';
        sheets.push({
          name: values.name ?? `Sheet${sheets.length + 1}`,
          state,
          id: values.id ?? '',
        });
      }
    },
    close() {},
    text() {},
  });
  return { sheets, date1904, problem };
}

/**
 * Opens an XLSX workbook within the import limits: the package checked, the workbook, its
 * relationships, styles and shared strings read; sheets are read when asked for. A sentence
 * naming the file when it cannot be opened.
 */
export function openWorkbook(
  fileName: string,
  bytes: Uint8Array,
  limits: ImportLimits,
  advice: LimitAdvice,
): Opened {
  const opened = openXlsxPackage(fileName, bytes, limits, advice);
  if (!opened.ok) return opened;
  const pkg = opened.value;
  const bookPath = workbookPath(pkg, fileName);
  if (typeof bookPath !== 'string') return { ok: false, ...bookPath };
  const bookText = partText(pkg, fileName, bookPath);
  if (typeof bookText !== 'string') return { ok: false, ...bookText };
  const book = readWorkbookPart(bookText);
  if (book.problem !== null) return { ok: false, ...xmlProblem(fileName, bookPath, book.problem) };
  const relationships = readRelationships(pkg, fileName, bookPath);
  if (!(relationships instanceof Map)) return { ok: false, ...relationships };

  let stylesPath: string | undefined;
  let stringsPath: string | undefined;
  for (const relationship of relationships.values()) {
    if (relationship.type.endsWith('/styles')) stylesPath = relationship.target;
    else if (relationship.type.endsWith('/sharedStrings')) stringsPath = relationship.target;
  }
  stylesPath ??= pkg.has('xl/styles.xml') ? 'xl/styles.xml' : undefined;
  stringsPath ??= pkg.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : undefined;

  let kinds: NumberFormatKind[] = [];
  if (stylesPath !== undefined && pkg.has(stylesPath)) {
    const text = partText(pkg, fileName, stylesPath);
    if (typeof text !== 'string') return { ok: false, ...text };
    const styles = readStyleKinds(text);
    if (styles.problem !== null)
      return { ok: false, ...xmlProblem(fileName, stylesPath, styles.problem) };
    kinds = styles.kinds;
  }
  let strings: string[] = [];
  if (stringsPath !== undefined && pkg.has(stringsPath)) {
    const text = partText(pkg, fileName, stringsPath);
    if (typeof text !== 'string') return { ok: false, ...text };
    const read = readSharedStrings(text, limits.maxLineChars);
    if (read.problem !== null)
      return { ok: false, ...xmlProblem(fileName, stringsPath, read.problem) };
    strings = read.strings;
  }

  const context: SheetContext = { strings, kinds, date1904: book.date1904, limits };
  return {
    ok: true,
    value: {
      sheets: book.sheets.map(({ name, state }) => ({ name, state })),
      date1904: book.date1904,
      readSheet(name) {
        const sheet = book.sheets.find((candidate) => candidate.name === name);
        if (sheet === undefined)
          return { ok: false, problem: `"${fileName}" has no sheet named "${quoteCell(name)}".` };
        const target = relationships.get(sheet.id)?.target;
        if (target === undefined || !pkg.has(target)) {
          return {
            ok: false,
            problem: `"${fileName}", sheet ${sheet.name}: the sheet's data is missing from the workbook (it may be a chart sheet). Save it again from Excel.`,
          };
        }
        const text = partText(pkg, fileName, target);
        if (typeof text !== 'string') return { ok: false, ...text };
        const read = readSheetRows(text, context);
        if (typeof read === 'string') {
          return { ok: false, problem: `"${fileName}", sheet ${sheet.name}: ${read}` };
        }
        return { ok: true, rows: read };
      },
    },
  };
}
