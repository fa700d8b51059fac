/**
 * A hidden grid made before the first real one, so that AG Grid's code has run once and its
 * style sheets are in the page when the real grid is made. The first grid of a page costs several
 * times the next one (a bare page: 315–542 ms against 30–60 ms, most of it AG Grid's code running
 * for the first time and its theme's styles applied): made at a moment the user waits anyway (a
 * page reading its data) or does nothing, that cost is not paid in the middle of what they do.
 */
import { createAppGrid, GRID_THEMES, type PlainGridOptions } from './grid-theme';
import type { ResolvedTheme } from './theme';

let warm: { destroy(): void } | undefined;
/** Whether a grid was made in this page before (a warm-up or a real one): its code has run. */
let gridMade = false;

/** Tells the warm-up a real grid was made: none is needed any more. */
export function noteGridMade(): void {
  gridMade = true;
}

/**
 * Makes a grid like the one a page is about to show, hidden and out of view: the real one, made
 * when its data arrives, then takes about half the time (the Inventory bench with the data handed
 * over late: data to grid painted 470–580 ms against 710–1,050 ms). Only if no grid was made in
 * this page before; kept, so its style sheets stay, until `releaseGridWarmUp` (a real grid made).
 */
export function warmUpGrid<Row>(
  resolvedTheme: ResolvedTheme,
  options: PlainGridOptions<Row>,
  height: number,
  rowData: Row[] = [],
): void {
  if (warm || gridMade) return;
  gridMade = true;
  const element = document.createElement('div');
  element.setAttribute('aria-hidden', 'true');
  element.style.cssText = `position:fixed;left:-10000px;top:0;width:1200px;height:${height}px;visibility:hidden;contain:strict`;
  document.body.append(element);
  const grid = createAppGrid<Row>(element, GRID_THEMES[resolvedTheme], options, rowData);
  warm = {
    destroy() {
      grid.destroy();
      element.remove();
    },
  };
}

/** Destroys the warm-up's grid, if any. */
export function releaseGridWarmUp(): void {
  if (!warm) return;
  warm.destroy();
  warm = undefined;
}

interface WarmRow {
  name: string;
  date: string;
  amount: number;
}

/** A small grid of the kinds of columns the app's grids have: text, a date, money. */
const GENERIC: PlainGridOptions<WarmRow> = {
  columnDefs: [
    { field: 'name', headerName: 'Name', pinned: 'left' },
    { field: 'date', headerName: 'Date' },
    {
      field: 'amount',
      headerName: 'Amount',
      type: 'rightAligned',
      valueFormatter: (p) => String(p.value),
    },
  ],
  rowSelection: { mode: 'multiRow' },
};
const GENERIC_ROWS: WarmRow[] = [
  { name: 'A', date: '2026-01-01', amount: 1 },
  { name: 'B', date: '2026-01-02', amount: 2 },
];

/**
 * Makes a small warm-up grid when the page is next idle, unless a grid is made first. For a page
 * whose first grid comes later, at a moment the user is waiting for (the invoices grid of a first
 * import). Returns the cancel, for a page left before then.
 */
export function warmUpGridWhenIdle(resolvedTheme: ResolvedTheme): () => void {
  if (warm || gridMade) return () => undefined;
  const handle = requestIdleCallback(() => warmUpGrid(resolvedTheme, GENERIC, 200, GENERIC_ROWS), {
    timeout: 1000,
  });
  return () => cancelIdleCallback(handle);
}
