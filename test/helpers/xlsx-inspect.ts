/**
 * Reads back what `writeXlsx` writes, for tests of the writer: each cell's stored value, type and
 * style (bold, number format), column widths, frozen rows and the auto-filter, so a test can prove
 * money is a number with the currency format, not text. Built on the import's hardened XLSX parts
 * (the checked ZIP reader, the DTD-refusing XML scanner); the values the app imports come from
 * `shared/import/xlsx/`, which reads cells as text for the import pipeline.
 */
import { DEFAULT_IMPORT_LIMITS, APP_LIMIT_ADVICE } from '../../shared/import/limits';
import type { XlsxPackage } from '../../shared/import/xlsx/package';
import { openXlsxPackage } from '../../shared/import/xlsx/package';
import { columnOfReference } from '../../shared/import/xlsx/workbook';
import { decodeExcelEscapes, scanXml, xmlAttributes } from '../../shared/import/xlsx/xml';

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
  /** Every part of the package, as text, for structure checks. */
  files: Record<string, string>;
}

interface StyleInfo {
  bold: boolean;
  numFmtId: number;
  numFmt: string | null;
}

function part(pkg: XlsxPackage, path: string): string {
  const read = pkg.text(path);
  if (!read.ok) throw new Error(`The XLSX cannot be inspected: ${read.problem}.`);
  return read.text;
}

function scan(
  xml: string,
  open: (name: string, attributes: Record<string, string>) => void,
  on?: {
    close?: (name: string) => void;
    text?: (text: string) => void;
    openRaw?: (name: string, selfClosing: boolean) => void;
  },
): void {
  const problem = scanXml(xml, {
    open(name, attributes, selfClosing) {
      on?.openRaw?.(name, selfClosing);
      open(name, xmlAttributes(attributes));
    },
    close: (name) => on?.close?.(name),
    text: (text) => on?.text?.(text),
  });
  if (problem !== null) throw new Error(`The XLSX cannot be inspected: ${problem}.`);
}

function readStyles(xml: string): StyleInfo[] {
  const formats = new Map<number, string>();
  const fonts: boolean[] = [];
  const styles: StyleInfo[] = [];
  let where = '';
  scan(
    xml,
    (name, attributes) => {
      if (name === 'numFmt') formats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'fonts' || name === 'cellXfs' || name === 'cellStyleXfs') where = name;
      else if (name === 'font' && where === 'fonts') fonts.push(false);
      else if (
        name === 'b' &&
        where === 'fonts' &&
        attributes.val !== '0' &&
        attributes.val !== 'false'
      )
        fonts[fonts.length - 1] = true;
      else if (name === 'xf' && where === 'cellXfs') {
        const numFmtId = Number(attributes.numFmtId ?? 0);
        styles.push({
          bold: fonts[Number(attributes.fontId ?? 0)] ?? false,
          numFmtId,
          numFmt: formats.get(numFmtId) ?? null,
        });
      }
    },
    { close: (name) => (name === where ? (where = '') : undefined) },
  );
  return styles;
}

function readStrings(xml: string): string[] {
  const strings: string[] = [];
  let current = '';
  let inText = false;
  scan(xml, () => {}, {
    openRaw(name, selfClosing) {
      if (name === 'si') current = '';
      if (name === 'si' && selfClosing) strings.push('');
      if (name === 't' && !selfClosing) inText = true;
    },
    close(name) {
      if (name === 't') inText = false;
      if (name === 'si') strings.push(decodeExcelEscapes(current));
    },
    text(text) {
      if (inText) current += text;
    },
  });
  return strings;
}

function readSheet(name: string, xml: string, strings: string[], styles: StyleInfo[]): ReadSheet {
  const rows: (ReadCell | null)[][] = [];
  const widths: Record<number, number> = {};
  let frozenRows = 0;
  let autoFilter: string | null = null;
  let row: (ReadCell | null)[] = [];
  let rowNumber = 0;
  let cell: { ref: string; type: string; style: number } | null = null;
  let value = '';
  let inline = '';
  let formula: string | null = null;
  let into: 'v' | 't' | 'f' | null = null;
  scan(
    xml,
    (tag, attributes) => {
      if (tag === 'row') {
        rowNumber = Number(attributes.r ?? rowNumber + 1);
        row = [];
        rows[rowNumber - 1] = row;
      } else if (tag === 'c') {
        cell = {
          ref: attributes.r ?? '',
          type: attributes.t ?? 'n',
          style: Number(attributes.s ?? 0),
        };
        value = '';
        inline = '';
        formula = null;
      } else if (tag === 'v' || tag === 't' || tag === 'f') {
        into = tag;
        if (tag === 'f') formula = '';
      } else if (tag === 'col') {
        for (let c = Number(attributes.min); c <= Number(attributes.max); c += 1)
          widths[c - 1] = Number(attributes.width);
      } else if (tag === 'pane' && attributes.state === 'frozen') {
        frozenRows = Number(attributes.ySplit ?? 0);
      } else if (tag === 'autoFilter') autoFilter = attributes.ref ?? null;
    },
    {
      text(text) {
        if (into === 'v') value += text;
        else if (into === 't') inline += text;
        else if (into === 'f') formula = (formula ?? '') + text;
      },
      close(tag) {
        if (tag === 'v' || tag === 't' || tag === 'f') into = null;
        if (tag !== 'c' || cell === null) return;
        const { ref, type, style } = cell;
        let stored: ReadCell['value'] = null;
        if (type === 's') stored = strings[Number(value)] ?? null;
        else if (type === 'inlineStr') stored = decodeExcelEscapes(inline);
        else if (type === 'b') stored = value === '1';
        else if (value !== '') stored = type === 'n' ? Number(value) : value;
        const info = styles[style] ?? { bold: false, numFmtId: 0, numFmt: null };
        row[columnOfReference(ref)] = {
          ref,
          value: stored,
          type,
          styleIndex: style,
          ...info,
          formula,
        };
        cell = null;
      },
    },
  );
  const dense = Array.from(rows, (cells) => Array.from(cells ?? [], (c) => c ?? null));
  return {
    name,
    rows: dense,
    widths,
    frozenRows,
    autoFilter,
    values: dense.map((cells) => cells.map((c) => c?.value ?? null)),
  };
}

/** Reads an XLSX file's bytes as stored. Throws when it cannot be read (a test failure). */
export function inspectXlsx(bytes: Uint8Array): ReadWorkbook {
  const opened = openXlsxPackage('workbook.xlsx', bytes, DEFAULT_IMPORT_LIMITS, APP_LIMIT_ADVICE);
  if (!opened.ok) throw new Error(opened.problem);
  const pkg = opened.value;
  const files: Record<string, string> = {};
  for (const path of pkg.paths()) files[path] = part(pkg, path);
  const strings = pkg.has('xl/sharedStrings.xml')
    ? readStrings(part(pkg, 'xl/sharedStrings.xml'))
    : [];
  const styles = pkg.has('xl/styles.xml') ? readStyles(part(pkg, 'xl/styles.xml')) : [];
  const targets = new Map<string, string>();
  scan(part(pkg, 'xl/_rels/workbook.xml.rels'), (name, attributes) => {
    if (name === 'Relationship' && attributes.Id !== undefined && attributes.Target !== undefined)
      targets.set(attributes.Id, attributes.Target.replace(/^\/?(?:xl\/)?/, 'xl/'));
  });
  const sheets: ReadSheet[] = [];
  scan(part(pkg, 'xl/workbook.xml'), (name, attributes) => {
    if (name !== 'sheet') return;
    const target = targets.get(attributes.id ?? '');
    if (target === undefined) throw new Error(`Sheet ${attributes.name ?? '?'} has no part.`);
    sheets.push(readSheet(attributes.name ?? '', part(pkg, target), strings, styles));
  });
  return { sheets, files };
}
