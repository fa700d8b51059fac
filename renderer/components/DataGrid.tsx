import type { ColDef, ColumnState, GridApi, GridOptions } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useDatabase } from '../db/DatabaseContext';
import { GRID_DEFAULT_COLUMN, GRID_THEMES } from './grid-theme';
import { noteGridMade, releaseGridWarmUp } from './grid-warm-up';
import { useNextFrameTask } from './useNextFrameTask';
import { useResolvedTheme } from './theme';

export { GRID_DEFAULT_COLUMN, GRID_THEMES } from './grid-theme';

export interface DataGridProps<Row> extends Omit<GridOptions<Row>, 'theme'> {
  /** Accessible name of the grid, e.g. "Invoices". */
  label: string;
  height?: number | string;
  /**
   * Settings key under which the user's column layout (order, widths, hidden columns, sort) is
   * remembered, e.g. `grid:findings`; without it the layout resets on every visit.
   */
  stateKey?: string;
  /**
   * Make the grid in a task of its own, once the page around it has been drawn (its region is
   * there at once): for a grid that appears as a large part of the page changes, such as the
   * invoices after an import, so the two are not one long task.
   */
  afterFrame?: boolean;
}

/** Saves a grid's column layout a moment after the user changes it, and restores it on open. */
function useRememberedColumns<Row>(stateKey: string | undefined) {
  const db = useDatabase();
  const timer = useRef<number | undefined>(undefined);
  const pending = useRef<ColumnState[] | undefined>(undefined);
  const write = useCallback(() => {
    window.clearTimeout(timer.current);
    if (stateKey && pending.current)
      void db.settings.put({ key: stateKey, value: pending.current });
    pending.current = undefined;
  }, [db, stateKey]);
  // Leaving the page right after a change still keeps it.
  useEffect(() => write, [write]);
  const save = useCallback(
    (api: GridApi<Row>) => {
      if (!stateKey) return;
      pending.current = api.getColumnState();
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(write, 300);
    },
    [stateKey, write],
  );
  const restore = useCallback(
    async (api: GridApi<Row>) => {
      if (!stateKey) return;
      const saved = await db.settings.get(stateKey);
      if (Array.isArray(saved?.value) && !api.isDestroyed())
        api.applyColumnState({ state: saved.value as ColumnState[], applyOrder: true });
    },
    [db, stateKey],
  );
  return { save, restore };
}

/** AG Grid with the app's theme (light/dark), defaults and an accessible name. */
export function DataGrid<Row>({
  label,
  height = 520,
  defaultColDef,
  stateKey,
  afterFrame = false,
  ...options
}: DataGridProps<Row>) {
  const frameDrawn = useNextFrameTask(afterFrame);
  const columns = useRememberedColumns<Row>(stateKey);
  const theme = GRID_THEMES[useResolvedTheme()];
  const columnDefaults = useMemo<ColDef<Row>>(
    () => ({ ...GRID_DEFAULT_COLUMN, ...defaultColDef }),
    [defaultColDef],
  );
  // A warm-up grid waiting for the first real one (see grid-warm-up) goes once this one is made
  // (AgGridReact, a child, makes its grid in an effect that runs before this one).
  useEffect(() => {
    if (!frameDrawn) return;
    noteGridMade();
    releaseGridWarmUp();
  }, [frameDrawn]);
  return (
    <div className="data-grid" role="region" aria-label={label} style={{ height }}>
      {frameDrawn && (
        <AgGridReact<Row>
          theme={theme}
          defaultColDef={columnDefaults}
          ensureDomOrder
          enableCellTextSelection
          {...options}
          onGridReady={(event) => {
            void columns.restore(event.api);
            options.onGridReady?.(event);
          }}
          onColumnMoved={(event) => {
            if (event.finished) columns.save(event.api);
            options.onColumnMoved?.(event);
          }}
          onColumnResized={(event) => {
            if (event.finished) columns.save(event.api);
            options.onColumnResized?.(event);
          }}
          onColumnVisible={(event) => {
            columns.save(event.api);
            options.onColumnVisible?.(event);
          }}
          onSortChanged={(event) => {
            columns.save(event.api);
            options.onSortChanged?.(event);
          }}
        />
      )}
    </div>
  );
}
