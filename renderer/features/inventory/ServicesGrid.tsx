import { costCenterFinder } from '../../../shared/ledger/cost-centers';
import type {
  CellEditRequestEvent,
  ColDef,
  ColumnState,
  GetRowIdParams,
  GridApi,
  GridOptions,
  GridReadyEvent,
  IRowNode,
  RowSelectionOptions,
  ValueFormatterParams,
} from 'ag-grid-community';
import { memo, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { isIsoDate } from '../../../shared/dates';
import { monthlyCostFromText, type ServicePatch } from '../../../shared/inventory/edits';
import {
  SERVICE_STATUS_LABELS,
  SERVICE_TYPE_LABELS,
  type ServiceRow,
} from '../../../shared/inventory/rows';
import {
  SERVICE_STATUSES,
  type CostCenter,
  type ServiceStatus,
  type ServiceType,
} from '../../../shared/model';
import { formatCents } from '../../../shared/money/cents';
import { useDatabase } from '../../db/DatabaseContext';
import { centsFormatter } from '../../components/format';
import { PlainGrid } from './PlainGrid';
import { warmUpGrid } from '../../components/grid-warm-up';
import type { ResolvedTheme } from '../../components/theme';

const COLUMN_STATE_KEY = 'grid:services';

// The grid's options that it reacts to when they change (a new object or function refilters or
// reselects 20,000 rows), made once.
const ROW_SELECTION: RowSelectionOptions<ServiceRow> = {
  mode: 'multiRow',
  enableClickSelection: false,
  // The header checkbox ticks the rows shown (this site, this search), never hidden ones: a bulk
  // edit after “select all” at one site changes that site's services only.
  selectAll: 'filtered',
};
const rowIdOf = (p: GetRowIdParams<ServiceRow>) => p.data.id;
// More rows than the grid's 560 pixels show: its first screen.
const FIRST_SCREEN_ROWS = 60;

/** The grid's options besides its columns and callbacks: the same for its warm-up (below). */
const SHAPE = {
  getRowId: rowIdOf,
  rowSelection: ROW_SELECTION,
  readOnlyEdit: true,
  // Every column stays in the DOM (rows are still virtualised): screen readers and keyboard
  // users reach any column, and 16 columns cost nothing next to 20,000 rows.
  suppressColumnVirtualisation: true,
  // …so each row drawn costs 16 cells: opening, choosing a site or searching draws only the
  // rows in view.
  rowBuffer: 0,
  // Choosing a site or searching shows the new rows at once, without sliding the old ones away.
  animateRows: false,
} satisfies GridOptions<ServiceRow>;

/** The services grid's columns (fresh objects on each call: one set per grid). */
function serviceColumns(): ColDef<ServiceRow>[] {
  return [
    { field: 'serviceIdRaw', headerName: 'Service ID', width: 190, pinned: 'left' },
    { field: 'site', headerName: 'Site', width: 120 },
    {
      field: 'type',
      headerName: 'Type',
      width: 150,
      valueFormatter: (p: ValueFormatterParams<ServiceRow, ServiceType>) =>
        p.value ? SERVICE_TYPE_LABELS[p.value] : '',
    },
    {
      field: 'status',
      headerName: 'Status',
      width: 160,
      editable: true,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: [...SERVICE_STATUSES] },
      valueFormatter: (p: ValueFormatterParams<ServiceRow, ServiceStatus>) =>
        p.value ? SERVICE_STATUS_LABELS[p.value] : '',
    },
    { field: 'carrier', headerName: 'Carrier', width: 150 },
    { field: 'accountNumber', headerName: 'Account', width: 150 },
    { field: 'plan', headerName: 'Plan', width: 190, editable: true },
    {
      // Edited as dollars text (validated on save); shown, sorted and filtered as money.
      field: 'monthlyDollars',
      headerName: 'Monthly cost',
      width: 130,
      type: 'rightAligned',
      editable: true,
      cellDataType: 'text',
      valueFormatter: (p: ValueFormatterParams<ServiceRow, string>) =>
        p.data?.monthly === null || p.data?.monthly === undefined
          ? ''
          : formatCents(p.data.monthly),
      comparator: (_a, _b, nodeA, nodeB) =>
        (nodeA.data?.monthly ?? -1) - (nodeB.data?.monthly ?? -1),
      filter: 'agNumberColumnFilter',
      filterValueGetter: (p) => (p.data?.monthly ?? 0) / 100,
    },
    {
      field: 'costCenterOverride',
      headerName: 'Cost center (own)',
      headerTooltip:
        'A cost center set on the service itself; blank follows the site, then the account',
      width: 150,
      editable: true,
      cellDataType: 'text',
    },
    { field: 'chargedTo', headerName: 'Charged to', width: 130 },
    { field: 'userName', headerName: 'User', width: 160, editable: true },
    { field: 'department', headerName: 'Department', width: 150, editable: true },
    { field: 'contract', headerName: 'Contract', width: 200 },
    {
      field: 'contractedRate',
      headerName: 'Contracted rate',
      headerTooltip: "The contract's monthly rate for this service",
      width: 140,
      type: 'rightAligned',
      valueFormatter: centsFormatter,
    },
    {
      field: 'activatedOn',
      headerName: 'Activated',
      width: 130,
      editable: true,
      cellEditor: 'agDateStringCellEditor',
    },
    { field: 'disconnectedOn', headerName: 'Disconnected', width: 130 },
  ];
}

interface ServicesGridProps {
  rows: ServiceRow[];
  costCenters: CostCenter[];
  /** Show only this site's services (a grid filter); null for every site. */
  siteId: string | null;
  /** Show only these services (a drill-down's filter besides the site); null for all. */
  matching?: ReadonlySet<string> | null;
  onSelectionChange: (ids: string[]) => void;
  onOpen: (serviceId: string) => void;
  onEdit: (ids: string[], patch: ServicePatch) => Promise<string | null>;
  onError: (message: string) => void;
  onGridReady?: (api: GridApi<ServiceRow>) => void;
  /** Called once the grid's first screen is drawn, before it is painted (see PlainGrid). */
  onFirstScreen?: () => void;
}

/**
 * Every service, editable in place (validated before it is saved), multi-select for bulk edits.
 * Memoised: typing in the search box or a status message does not re-render the grid.
 */
export const ServicesGrid = memo(function ServicesGrid({
  rows,
  costCenters,
  siteId,
  matching = null,
  onSelectionChange,
  onOpen,
  onEdit,
  onError,
  onGridReady,
  onFirstScreen,
}: ServicesGridProps) {
  const db = useDatabase();
  const saveTimer = useRef<number | undefined>(undefined);
  const findCostCenter = useMemo(() => costCenterFinder(costCenters), [costCenters]);

  const columns = useMemo(serviceColumns, []);

  const apiRef = useRef<GridApi<ServiceRow> | null>(null);
  const siteRef = useRef(siteId);
  const matchingRef = useRef(matching);
  // Before the browser paints (a layout effect): the grid shows the new rows in the same frame as
  // the heading that counts them, also when the search applies after a timer (useSettledSearch).
  useLayoutEffect(() => {
    if (siteRef.current === siteId && matchingRef.current === matching) return;
    siteRef.current = siteId;
    matchingRef.current = matching;
    apiRef.current?.onFilterChanged();
  }, [siteId, matching]);
  const isExternalFilterPresent = useCallback(
    () => siteRef.current !== null || matchingRef.current !== null,
    [],
  );
  const passes = useCallback((row: ServiceRow) => {
    const site = siteRef.current;
    const matching = matchingRef.current;
    return (site === null || row.siteId === site) && (matching === null || matching.has(row.id));
  }, []);
  const doesExternalFilterPass = useCallback(
    (node: IRowNode<ServiceRow>) => node.data !== undefined && passes(node.data),
    [passes],
  );

  const onCellEditRequest = useCallback(
    async (event: CellEditRequestEvent<ServiceRow>) => {
      const field = event.colDef.field;
      const id = event.data?.id;
      if (!id || !field) return;
      const value: unknown = event.newValue;
      const text =
        typeof value === 'string'
          ? value
          : value === null || value === undefined
            ? ''
            : String(value);
      let patch: ServicePatch;
      if (field === 'monthlyDollars') {
        const parsed = monthlyCostFromText(text);
        if (!parsed.ok)
          return onError(`Monthly cost: ${parsed.errors.map((e) => e.message).join(' ')}`);
        patch = { expectedMonthlyCents: parsed.value };
      } else if (field === 'costCenterOverride') {
        const code = text.trim();
        const costCenter = code === '' ? undefined : findCostCenter(code);
        if (code !== '' && costCenter === undefined) {
          return onError(
            `Cost center: there is no cost center “${code}”; type a code or a name from the Cost centers list, or leave it blank to follow the site.`,
          );
        }
        patch = { costCenterId: costCenter?.id ?? '' };
      } else if (field === 'status') {
        const status = SERVICE_STATUSES.find((s) => s === text);
        if (!status) return onError(`Status must be one of ${SERVICE_STATUSES.join(', ')}.`);
        patch = { status };
      } else if (field === 'activatedOn') {
        if (!isIsoDate(text))
          return onError(`Activated: expected a date like 2026-10-31 but found "${text}".`);
        patch = { activatedOn: text };
      } else if (field === 'plan' || field === 'userName' || field === 'department') {
        patch = { [field]: text.trim() || undefined };
      } else return;
      const problem = await onEdit([id], patch);
      if (problem) onError(problem);
    },
    [findCostCenter, onEdit, onError],
  );

  const saveColumnState = useCallback(
    (api: GridApi<ServiceRow>) => {
      window.clearTimeout(saveTimer.current);
      saveTimer.current = window.setTimeout(() => {
        void db.settings.put({ key: COLUMN_STATE_KEY, value: api.getColumnState() });
      }, 300);
    },
    [db],
  );

  const gridReady = useCallback(
    (e: GridReadyEvent<ServiceRow>) => {
      apiRef.current = e.api;
      void db.settings.get(COLUMN_STATE_KEY).then((saved) => {
        // (A grid made and destroyed at once — React's StrictMode in development — is skipped.)
        if (Array.isArray(saved?.value) && !e.api.isDestroyed())
          e.api.applyColumnState({ state: saved.value as ColumnState[], applyOrder: true });
      });
      onGridReady?.(e.api);
    },
    [db, onGridReady],
  );

  // The grid is made once with these options; its callbacks call the latest props through a ref.
  const callbacks = {
    onCellEditRequest,
    onSelectionChange,
    onOpen,
    gridReady,
    saveColumnState,
    onFirstScreen,
  };
  const latest = useRef(callbacks);
  latest.current = callbacks;
  const options = useMemo<Omit<GridOptions<ServiceRow>, 'theme' | 'rowData'>>(
    () => ({
      ...SHAPE,
      columnDefs: columns,
      onCellEditRequest: (e) => void latest.current.onCellEditRequest(e),
      onSelectionChanged: (e) =>
        latest.current.onSelectionChange(e.api.getSelectedRows().map((row) => row.id)),
      // Double-clicking an editable cell edits it; the (read-only) Service ID cell opens the detail.
      onCellDoubleClicked: (e) => {
        if (e.colDef.field === 'serviceIdRaw' && e.data) latest.current.onOpen(e.data.id);
      },
      onCellKeyDown: (e) => {
        const key = e.event instanceof KeyboardEvent ? e.event.key : '';
        if (key === 'Enter' && e.event instanceof KeyboardEvent && e.event.altKey && e.data)
          latest.current.onOpen(e.data.id);
      },
      isExternalFilterPresent,
      doesExternalFilterPass,
      onGridReady: (e) => latest.current.gridReady(e),
      onFirstDataRendered: () => performance.mark('services:rendered'),
      onColumnMoved: (e) => latest.current.saveColumnState(e.api),
      onColumnResized: (e) => {
        if (e.finished) latest.current.saveColumnState(e.api);
      },
      onColumnVisible: (e) => latest.current.saveColumnState(e.api),
      onSortChanged: (e) => latest.current.saveColumnState(e.api),
    }),
    [columns, isExternalFilterPresent, doesExternalFilterPass],
  );
  // The first screen's rows (those the site and search let through, in the grid's order): the
  // grid is made with these and gets the rest once they are drawn (see PlainGrid).
  const firstRows = useCallback(
    (all: ServiceRow[]) => {
      const shown: ServiceRow[] = [];
      for (const row of all) {
        if (!passes(row)) continue;
        shown.push(row);
        if (shown.length === FIRST_SCREEN_ROWS) break;
      }
      return shown.length === all.length ? all : shown;
    },
    [passes],
  );
  const firstScreen = useCallback(() => latest.current.onFirstScreen?.(), []);
  return (
    <PlainGrid<ServiceRow>
      label="Services"
      height={560}
      rowData={rows}
      options={options}
      firstRows={firstRows}
      onFirstScreen={firstScreen}
    />
  );
});

/**
 * Makes a hidden services grid while the inventory is still being read (see `warmUpGrid`), so the
 * real one is made faster when the rows arrive.
 */
export function warmUpServicesGrid(theme: ResolvedTheme): void {
  warmUpGrid<ServiceRow>(theme, { ...SHAPE, columnDefs: serviceColumns() }, 560);
}
