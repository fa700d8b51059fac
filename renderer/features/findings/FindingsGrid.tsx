import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { CustomCellRendererProps } from 'ag-grid-react';
import { useEffect, useMemo, useRef } from 'react';
import type { FindingStatus, Severity } from '../../../shared/model';
import { DataGrid } from '../../components/DataGrid';
import { centsFormatter } from '../../components/format';
import { formatCents } from '../../../shared/money/cents';
import { SEVERITY_LABELS, STATUS_LABELS, type FindingRow } from './rows';

const COLUMNS: ColDef<FindingRow>[] = [
  { field: 'rule', headerName: 'Rule', width: 200, pinned: 'left' },
  {
    field: 'severity',
    headerName: 'Severity',
    width: 110,
    valueFormatter: (p: ValueFormatterParams<FindingRow, Severity>) =>
      p.value ? SEVERITY_LABELS[p.value] : '',
  },
  {
    field: 'status',
    headerName: 'Status',
    width: 115,
    valueFormatter: (p: ValueFormatterParams<FindingRow, FindingStatus>) =>
      p.value ? STATUS_LABELS[p.value] : '',
  },
  {
    field: 'impact',
    headerName: 'Impact',
    width: 120,
    type: 'rightAligned',
    valueFormatter: centsFormatter,
    filter: 'agNumberColumnFilter',
    filterValueGetter: (p) => (p.data?.impact ?? 0) / 100,
  },
  { field: 'carrier', headerName: 'Carrier', width: 140 },
  { field: 'accountNumber', headerName: 'Account', width: 140 },
  { field: 'invoiceNumber', headerName: 'Invoice', width: 130 },
  { field: 'serviceIdRaw', headerName: 'Service', width: 150 },
  { field: 'site', headerName: 'Site', width: 100 },
  { field: 'period', headerName: 'Period', width: 100 },
  { field: 'ageDays', headerName: 'Age (days)', width: 110, type: 'rightAligned' },
  { field: 'message', headerName: 'Explanation', flex: 1, minWidth: 320, tooltipField: 'message' },
];

/**
 * What a screen reader calls the grid's selection checkboxes (AG Grid's own words name the
 * component, "Column with Header Selection"), by AG Grid's documented locale keys.
 */
const SELECTION_WORDS = {
  ariaHeaderSelection: 'Select all findings',
  ariaRowSelectAll: 'Press Space to select or clear all findings',
};

/**
 * The finding a row's checkbox selects, in words: `Late fee, invoice 2609886262, $142.89`,
 * `Invoice missing, T-Mobile 511874540 2026-08, $0.00`.
 */
export function findingName(row: FindingRow | undefined): string {
  if (row === undefined) return '';
  // A finding on no service or invoice (an invoice missing) is told apart by account and period.
  const where =
    row.serviceIdRaw ||
    (row.invoiceNumber && `invoice ${row.invoiceNumber}`) ||
    [row.carrier, row.accountNumber, row.period].filter(Boolean).join(' ');
  return [row.rule, where, formatCents(row.impact)].filter(Boolean).join(', ');
}

/**
 * A row's selection checkbox named for its finding ("Select finding Late fee, invoice …"): the
 * grid's own row checkbox can only say "Press Space to toggle row selection" on every row. Space
 * on the row still ticks it (the grid selects, the box follows); a click on the box ticks it and
 * does not open the finding.
 */
function SelectFindingCell({ node, data }: CustomCellRendererProps<FindingRow>) {
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const input = box.current;
    if (input === null) return;
    const follow = () => {
      input.checked = node.isSelected() === true;
    };
    // Natively, so the row's click (which opens the finding) never hears it.
    const tick = (event: MouseEvent) => {
      event.stopPropagation();
      node.setSelected(input.checked);
    };
    const listening = new AbortController();
    input.addEventListener('click', tick, { signal: listening.signal });
    node.addEventListener('rowSelected', follow);
    follow();
    return () => {
      listening.abort();
      node.removeEventListener('rowSelected', follow);
    };
  }, [node]);
  return (
    <input
      ref={box}
      type="checkbox"
      className="grid-row-checkbox"
      tabIndex={-1}
      aria-label={`Select finding ${findingName(data)}`}
    />
  );
}

/** The findings, multi-select for bulk actions; Enter or a double-click opens one. */
export function FindingsGrid({
  rows,
  onSelectionChange,
  onOpen,
}: {
  rows: FindingRow[];
  onSelectionChange: (ids: string[]) => void;
  onOpen: (id: string) => void;
}) {
  // The header keeps the grid's select-all box; each row gets one named for its finding.
  const selection = useMemo(
    () => ({ mode: 'multiRow' as const, checkboxes: false, headerCheckbox: true }),
    [],
  );
  const selectionColumn = useMemo(() => ({ cellRenderer: SelectFindingCell }), []);
  return (
    <DataGrid<FindingRow>
      label="Findings"
      stateKey="grid:findings"
      rowData={rows}
      columnDefs={COLUMNS}
      getRowId={(p) => p.data.id}
      rowSelection={selection}
      selectionColumnDef={selectionColumn}
      localeText={SELECTION_WORDS}
      // The grid's "No Rows To Show" stays in its live region after rows come (the tiles above
      // count the findings shown, 0 included), so it is not shown.
      suppressOverlays={['noRows']}
      height={460}
      onSelectionChanged={(e) => onSelectionChange(e.api.getSelectedRows().map((r) => r.id))}
      onRowDoubleClicked={(e) => e.data && onOpen(e.data.id)}
      onCellKeyDown={(e) => {
        const key = e.event instanceof KeyboardEvent ? e.event.key : '';
        if (key === 'Enter' && e.data) onOpen(e.data.id);
      }}
      onRowClicked={(e) => e.data && onOpen(e.data.id)}
    />
  );
}
