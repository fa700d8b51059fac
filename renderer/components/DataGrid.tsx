import {
  AllCommunityModule,
  colorSchemeDark,
  colorSchemeLight,
  ModuleRegistry,
  themeQuartz,
  type ColDef,
  type GridOptions,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { useResolvedTheme } from '../app/useTheme';

// AG Grid Community only (MIT): no Enterprise module is ever registered.
ModuleRegistry.registerModules([AllCommunityModule]);

const LIGHT = themeQuartz.withPart(colorSchemeLight).withParams({ fontSize: 14, spacing: 6 });
const DARK = themeQuartz.withPart(colorSchemeDark).withParams({ fontSize: 14, spacing: 6 });

const DEFAULT_COLUMN = {
  sortable: true,
  filter: true,
  resizable: true,
  minWidth: 90,
} satisfies ColDef;

export interface DataGridProps<Row> extends Omit<GridOptions<Row>, 'theme'> {
  /** Accessible name of the grid, e.g. "Invoices". */
  label: string;
  height?: number | string;
}

/** AG Grid with the app's theme (light/dark), defaults and an accessible name. */
export function DataGrid<Row>({
  label,
  height = 520,
  defaultColDef,
  ...options
}: DataGridProps<Row>) {
  const theme = useResolvedTheme() === 'dark' ? DARK : LIGHT;
  const columnDefaults = useMemo<ColDef<Row>>(
    () => ({ ...DEFAULT_COLUMN, ...defaultColDef }),
    [defaultColDef],
  );
  return (
    <div className="data-grid" role="region" aria-label={label} style={{ height }}>
      <AgGridReact<Row>
        theme={theme}
        defaultColDef={columnDefaults}
        ensureDomOrder
        enableCellTextSelection
        {...options}
      />
    </div>
  );
}
