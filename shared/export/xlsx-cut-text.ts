/**
 * Text cells cut to Excel's limit, for the XLSX writer (`./xlsx.ts`).
 *
 * Excel holds at most {@link XLSX_TEXT_LIMIT} characters in a cell and refuses (or "repairs") a
 * file with a longer one, so longer text is cut to fit, ending with a visible `… (cut: N
 * characters)`; each cut cell is listed ({@link CutCells}), and the workbook gains a "Cut text"
 * sheet naming them ({@link cutTextSheet}). Numbers are never cut.
 *
 * This module imports nothing of `./xlsx.ts`, which imports it: a cycle, type-only or not, is
 * refused (see `dpdm.config.ts`).
 */

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

/** The text cells of a workbook cut to {@link XLSX_TEXT_LIMIT}, in the order they were written. */
export class CutCells {
  /** The (safe) name of the sheet being written, for {@link list}. */
  sheet = '';
  /** The cells whose text was cut. */
  readonly list: XlsxCutCell[] = [];

  /** The text of cell `ref`, cut to Excel's limit (and the cell listed) when longer. */
  fit(whole: string, ref: string): string {
    const { text, cut } = fitXlsxText(whole);
    if (cut > 0) this.list.push({ sheet: this.sheet, cell: ref, length: whole.length, cut });
    return text;
  }
}

/**
 * The "Cut text" sheet, in the shape of the writer's `XlsxSheet`: spelled out here rather than
 * imported, so that this module stays a leaf of `./xlsx.ts` (which checks that it fits).
 */
export interface CutTextSheet {
  name: string;
  columns: { header: string; kind: 'text' | 'number'; total?: boolean; width?: number }[];
  rows: (string | number)[][];
}

/** The sheet listing the cells whose text was cut to Excel's limit. */
export function cutTextSheet(cut: readonly XlsxCutCell[]): CutTextSheet {
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
