import { createGrid, type ColDef, type GridApi, type GridOptions } from 'ag-grid-community';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { GRID_DEFAULT_COLUMN, GRID_THEMES } from '../../components/DataGrid';
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
}: {
  /** Accessible name of the grid's region, e.g. "Services". */
  label: string;
  height: number;
  rowData: Row[];
  options: Omit<GridOptions<Row>, 'theme' | 'rowData'>;
}) {
  const container = useRef<HTMLDivElement>(null);
  const api = useRef<GridApi<Row> | null>(null);
  const theme = GRID_THEMES[useResolvedTheme()];
  const made = useRef({ rowData, theme });

  // Made in the commit that mounts the region, before the browser paints (as AgGridReact does).
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const grid = createGrid<Row>(element, {
      theme: made.current.theme,
      ensureDomOrder: true,
      enableCellTextSelection: true,
      ...options,
      defaultColDef: { ...(GRID_DEFAULT_COLUMN as ColDef<Row>), ...options.defaultColDef },
      rowData: made.current.rowData,
    });
    api.current = grid;
    return () => {
      api.current = null;
      grid.destroy();
    };
    // The options are the grid's for its whole life (see above).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (made.current.rowData === rowData) return;
    made.current.rowData = rowData;
    api.current?.setGridOption('rowData', rowData);
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
