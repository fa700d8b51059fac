/**
 * Report-style text exports (Telus): not a table but a printed report saved as tab-separated
 * lines — a preamble, titled sections, `label<TAB>amount` pairs, per-subscriber blocks. These
 * helpers split such text into numbered lines of cells and read amounts with the app's money
 * parser, reporting unreadable cells with file, line and what was expected.
 */
import type { Cents } from '../../money/cents';
import { centsFromText } from '../../money/cents';
import type { RowError } from '../draft';

/** One line of a report: its 1-based line number and its tab-separated cells, quotes removed. */
export interface ReportLine {
  line: number;
  cells: string[];
}

/** A report file as decoded text. */
export interface ReportFile {
  name: string;
  text: string;
}

/** One cell: surrounding spaces and CSV-style quotes removed (`""` inside is one quote). */
export function unquoteCell(raw: string): string {
  const text = raw.trim();
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    return text.slice(1, -1).replace(/""/g, '"').trim();
  }
  return text;
}

/** The report's non-blank lines (blank cells kept), numbered as in the file. */
export function reportLines(text: string): ReportLine[] {
  const lines: ReportLine[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const cells = raw.split('\t').map(unquoteCell);
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length > 0) lines.push({ line: i + 1, cells });
  });
  return lines;
}

/** The first cell of a line ('' when none). */
export function labelOf(line: ReportLine): string {
  return line.cells[0] ?? '';
}

/** Errors met while reading one report file. */
export class ReportErrors {
  constructor(
    readonly fileName: string,
    private readonly errors: RowError[],
  ) {}

  /** Records a problem with a line (and the value it is about, when there is one). */
  add(line: number, message: string, value?: string): void {
    const error: RowError = {
      sourceFile: this.fileName,
      row: line,
      message: `Row ${line}: ${message}`,
    };
    if (value !== undefined) error.value = value;
    this.errors.push(error);
  }

  /** The amount in the cell after the label, or null (error recorded) when it is not an amount. */
  amount(line: ReportLine, index = 1): Cents | null {
    const text = line.cells[index] ?? '';
    const read = centsFromText(text);
    if (read.ok && read.value !== null) return read.value;
    this.add(
      line.line,
      `"${labelOf(line)}" should be followed by an amount like $1,234.56 or $-12.00, but found ${text === '' ? 'nothing' : `"${text}"`}.`,
      text,
    );
    return null;
  }
}

const DURATION = /^(\d{1,7}):([0-5]\d)$/;

/** Minutes (decimal) of a `m:ss` duration like `7:00` or `13:30`; null when it is not one. */
export function minutesOfDuration(text: string): number | null {
  const match = DURATION.exec(text.trim());
  return match === null ? null : Number(match[1]) + Number(match[2]) / 60;
}
