import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { useMemo } from 'react';
import type { FindingStatus, Severity } from '../../../shared/model';
import { DataGrid } from '../../components/DataGrid';
import { centsFormatter } from '../../components/format';
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
  const selection = useMemo(
    () => ({ mode: 'multiRow' as const, checkboxes: true, headerCheckbox: true }),
    [],
  );
  return (
    <DataGrid<FindingRow>
      label="Findings"
      stateKey="grid:findings"
      rowData={rows}
      columnDefs={COLUMNS}
      getRowId={(p) => p.data.id}
      rowSelection={selection}
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
