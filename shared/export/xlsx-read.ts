/**
 * A small XLSX reader for tests (and end-to-end checks of exported files): it reads back what
 * `writeXlsx` writes — sheets, cells with their types and styles, column widths, frozen panes —
 * so a test can prove money is a number with the currency style, not text. It parses with regular
 * expressions, which is enough for the regular XML our writer (and Excel) produce; it is not a
 * general spreadsheet reader.
 */
import { strFromU8, unzipSync } from 'fflate';
import { columnIndex, unescapeXml, xmlAttributes } from './xml';

/** A cell as stored: its value, type and style. */
export interface ReadCell {
  ref: string;
  /** Numbers for numeric cells, text for strings, booleans for `t="b"`, null when empty. */
  value: string | number | boolean | null;
  /** The cell's `t` attribute (`n` when absent): `n`, `s` (shared string), `inlineStr`, `str`, `b`, `e`. */
  type: string;
  styleIndex: number;
  bold: boolean;
  numFmtId: number;
  /** The custom number format's code, or null for a built-in format. */
  numFmt: string | null;
  formula: string | null;
}

/** A sheet as stored. */
export interface ReadSheet {
  name: string;
  /** `rows[r][c]` is the cell at row `r + 1`, column `c` (0-based), null when absent. */
  rows: (ReadCell | null)[][];
  /** Column widths from `<cols>`, by 0-based column index. */
  widths: Record<number, number>;
  /** Rows frozen at the top (1 for a frozen header). */
  frozenRows: number;
  autoFilter: string | null;
  /** Cell values only, as a plain table. */
  values: (string | number | boolean | null)[][];
}

/** A workbook as stored. */
export interface ReadWorkbook {
  sheets: ReadSheet[];
  /** Every file in the package, for structure checks. */
  files: Record<string, string>;
}

/** Reads an XLSX file's bytes. Throws when a required part is missing. */
export function readXlsxForTests(bytes: Uint8Array): ReadWorkbook {
  const files: Record<string, string> = {};
  for (const [path, data] of Object.entries(unzipSync(bytes))) files[path] = strFromU8(data);
  const part = (path: string): string => {
    const text = files[path];
    if (text === undefined) throw new Error(`The XLSX has no ${path}.`);
    return text;
  };
  const strings = sharedStrings(files['xl/sharedStrings.xml'] ?? '');
  const styles = readStyles(files['xl/styles.xml'] ?? '');
  const targets = new Map<string, string>();
  for (const match of part('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
    const attributes = xmlAttributes(match[0]);
    if (attributes.Id !== undefined && attributes.Target !== undefined) {
      targets.set(attributes.Id, attributes.Target.replace(/^\/?(?:xl\/)?/, 'xl/'));
    }
  }
  const sheets: ReadSheet[] = [];
  for (const match of part('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
    const attributes = xmlAttributes(match[0]);
    const target = targets.get(attributes['r:id'] ?? '');
    if (target === undefined) throw new Error(`Sheet ${attributes.name ?? '?'} has no part.`);
    sheets.push(readSheet(attributes.name ?? '', part(target), strings, styles));
  }
  return { sheets, files };
}

interface StyleInfo {
  bold: boolean;
  numFmtId: number;
  numFmt: string | null;
}

function readStyles(xml: string): StyleInfo[] {
  const formats = new Map<number, string>();
  for (const match of xml.matchAll(/<numFmt\b[^>]*>/g)) {
    const attributes = xmlAttributes(match[0]);
    formats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
  }
  const fonts = [
    ...(/<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(xml)?.[1] ?? '').matchAll(
      /<font\b[^>]*?(?:\/>|>([\s\S]*?)<\/font>)/g,
    ),
  ].map((match) => /<b\s*\/>|<b\s+val="(?:1|true)"\s*\/>/.test(match[1] ?? ''));
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((match) => {
    const attributes = xmlAttributes(match[0]);
    const numFmtId = Number(attributes.numFmtId ?? 0);
    return {
      bold: fonts[Number(attributes.fontId ?? 0)] ?? false,
      numFmtId,
      numFmt: formats.get(numFmtId) ?? null,
    };
  });
}

function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((match) => textOf(match[1] ?? ''));
}

/** The text of a string item: every `<t>` run joined (rich text has several). */
function textOf(xml: string): string {
  return [...xml.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)]
    .map((match) => unescapeXml(match[1] ?? ''))
    .join('');
}

function readSheet(name: string, xml: string, strings: string[], styles: StyleInfo[]): ReadSheet {
  const rows: (ReadCell | null)[][] = [];
  for (const rowMatch of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowNumber = Number(xmlAttributes(rowMatch[1] ?? '').r ?? rows.length + 1);
    const cells: (ReadCell | null)[] = [];
    for (const cellMatch of (rowMatch[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = xmlAttributes(cellMatch[1] ?? '');
      const body = cellMatch[2] ?? '';
      const ref = attributes.r ?? '';
      const type = attributes.t ?? 'n';
      const styleIndex = Number(attributes.s ?? 0);
      const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const formula = /<f>([\s\S]*?)<\/f>/.exec(body)?.[1];
      let value: ReadCell['value'] = null;
      if (type === 's') value = strings[Number(raw)] ?? null;
      else if (type === 'inlineStr') value = textOf(body);
      else if (type === 'b') value = raw === '1';
      else if (raw !== undefined) value = type === 'n' ? Number(raw) : unescapeXml(raw);
      const style = styles[styleIndex] ?? { bold: false, numFmtId: 0, numFmt: null };
      cells[columnIndex(ref)] = {
        ref,
        value,
        type,
        styleIndex,
        ...style,
        formula: formula === undefined ? null : unescapeXml(formula),
      };
    }
    rows[rowNumber - 1] = Array.from(cells, (cell) => cell ?? null);
  }
  const dense = Array.from(rows, (row) => row ?? []);
  const widths: Record<number, number> = {};
  for (const match of xml.matchAll(/<col\b[^>]*>/g)) {
    const attributes = xmlAttributes(match[0]);
    for (let c = Number(attributes.min); c <= Number(attributes.max); c++) {
      widths[c - 1] = Number(attributes.width);
    }
  }
  const pane = /<pane\b[^>]*>/.exec(xml);
  const paneAttributes = pane === null ? {} : xmlAttributes(pane[0]);
  const frozenRows = paneAttributes.state === 'frozen' ? Number(paneAttributes.ySplit ?? 0) : 0;
  const filter = /<autoFilter\b[^>]*>/.exec(xml);
  return {
    name,
    rows: dense,
    widths,
    frozenRows,
    autoFilter: filter === null ? null : (xmlAttributes(filter[0]).ref ?? null),
    values: dense.map((row) => row.map((cell) => cell?.value ?? null)),
  };
}
