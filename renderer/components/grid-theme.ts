/**
 * The app's AG Grid set-up, shared by every grid (`DataGrid`, the plain grids, the warm-up): the
 * modules, the light and dark themes and the column defaults.
 */
import {
  AllCommunityModule,
  colorSchemeDark,
  colorSchemeLight,
  createGrid,
  ModuleRegistry,
  themeQuartz,
  type ColDef,
  type GridApi,
  type GridOptions,
  type Theme,
} from 'ag-grid-community';

// AG Grid Community only (MIT): no Enterprise module is ever registered.
ModuleRegistry.registerModules([AllCommunityModule]);

const LIGHT = themeQuartz.withPart(colorSchemeLight).withParams({ fontSize: 14, spacing: 6 });
const DARK = themeQuartz.withPart(colorSchemeDark).withParams({ fontSize: 14, spacing: 6 });

/** The app's grid themes, by the resolved light/dark setting. */
export const GRID_THEMES = { light: LIGHT, dark: DARK } as const;

/** Every column's defaults (a grid's own `defaultColDef` adds to them). */
export const GRID_DEFAULT_COLUMN = {
  sortable: true,
  filter: true,
  resizable: true,
  minWidth: 90,
} satisfies ColDef;

/** A grid's options besides its theme and rows. */
export type PlainGridOptions<Row> = Omit<GridOptions<Row>, 'theme' | 'rowData'>;

/**
 * A grid made by AG Grid's own DOM code (not its React layer) on `element`, with the options
 * `DataGrid` gives every grid.
 */
export function createAppGrid<Row>(
  element: HTMLElement,
  theme: Theme,
  options: PlainGridOptions<Row>,
  rowData: Row[],
): GridApi<Row> {
  return createGrid<Row>(element, {
    theme,
    ensureDomOrder: true,
    enableCellTextSelection: true,
    ...options,
    defaultColDef: { ...(GRID_DEFAULT_COLUMN as ColDef<Row>), ...options.defaultColDef },
    rowData,
  });
}
