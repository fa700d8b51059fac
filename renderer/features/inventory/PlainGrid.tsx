import type { GridApi } from 'ag-grid-community';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { createAppGrid, GRID_THEMES, type PlainGridOptions } from '../../components/grid-theme';
import { noteGridMade, releaseGridWarmUp } from '../../components/grid-warm-up';
import { useResolvedTheme } from '../../components/theme';

/**
 * AG Grid drawn by its own DOM code (`createGrid` on a div), not through its React layer: the same
 * grid, options, theme, defaults and accessible region as `DataGrid`, for the services grid's
 * 20,000 rows. Through React every row and cell drawn is a React component: opening Inventory and
 * choosing a site spent about twice the bare grid's time mounting and unmounting them (a CPU profile
 * of both).
 *
 * `options` is read once, when the grid is made (pass callbacks that read the latest props from a
 * ref); `rowData` and the light/dark theme follow their props.
 */
export function PlainGrid<Row>({
  label,
  height,
  rowData,
  options,
  firstRows,
  onFirstScreen,
}: {
  /** Accessible name of the grid's region, e.g. "Services". */
  label: string;
  height: number;
  rowData: Row[];
  options: PlainGridOptions<Row>;
  /**
   * The rows to make the grid with, when they are fewer than `rowData`: enough for its first
   * screen. All of `rowData` follows in a task of its own once that screen is drawn, so the first
   * frame does not wait for a row node of each of 20,000 rows (nor for sorting, filtering and
   * counting them). Read once, when the grid is made.
   */
  firstRows?: (rows: Row[]) => Row[];
  /**
   * Called once the grid's first screen is drawn (its first rows, or, with none to show, its first
   * frame), before the browser paints it: what is asked for from here is drawn after. Read once.
   */
  onFirstScreen?: () => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const api = useRef<GridApi<Row> | null>(null);
  const theme = GRID_THEMES[useResolvedTheme()];
  // `rowData` is the latest rows; `staged` while the grid still has only the first screen's.
  const made = useRef({ rowData, theme, staged: false });

  // Made in the commit that mounts the region, before the browser paints (as AgGridReact does).
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const state = made.current;
    const all = state.rowData;
    const first = firstRows?.(all) ?? all;
    const grid = createAppGrid(element, state.theme, options, first);
    noteGridMade();
    // Only now: the grid's style sheets stay in the page from the warm-up's grid to this one.
    releaseGridWarmUp();
    api.current = grid;
    let frame = 0;
    let timer = 0;
    let emptyFrame = 0;
    if (onFirstScreen) {
      if (first.length > 0) grid.addEventListener('firstDataRendered', onFirstScreen);
      else emptyFrame = requestAnimationFrame(onFirstScreen);
    }
    // (The benchmark's mark of every row in the grid: here at once, or after the first screen.)
    if (first === all) performance.mark('grid:all-rows');
    else {
      state.staged = true;
      // After the frame that draws the first screen (its animation frame, then a task).
      frame = requestAnimationFrame(() => {
        frame = 0;
        timer = window.setTimeout(() => {
          state.staged = false;
          grid.setGridOption('rowData', state.rowData);
          performance.mark('grid:all-rows');
        }, 0);
      });
    }
    return () => {
      cancelAnimationFrame(frame);
      cancelAnimationFrame(emptyFrame);
      window.clearTimeout(timer);
      state.staged = false;
      api.current = null;
      grid.destroy();
    };
    // The options are the grid's for its whole life (see above).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (made.current.rowData === rowData) return;
    made.current.rowData = rowData;
    // (While staged, the grid gets the latest rows when its first screen has been drawn.)
    if (!made.current.staged) api.current?.setGridOption('rowData', rowData);
  }, [rowData]);
  useEffect(() => {
    if (made.current.theme === theme) return;
    made.current.theme = theme;
    api.current?.setGridOption('theme', theme);
  }, [theme]);

  return (
    <div className="data-grid" role="region" aria-label={label} style={{ height }}>
      <div ref={container} style={{ width: '100%', height: '100%' }} />
    </div>
  );
}
