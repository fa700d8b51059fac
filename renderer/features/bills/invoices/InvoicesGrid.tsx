import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { GridApi } from 'ag-grid-community';
import { useMemo, useRef, useState } from 'react';
import {
  DUE_STATE_LABELS,
  INVOICE_STATUS_LABELS,
  type InvoiceRow,
} from '../../../../shared/billing/invoice-rows';
import type { InvoiceStatus } from '../../../../shared/model';
import { findingsLink } from '../../../app/links';
import { useRouteContext } from '../../../app/RouteContext';
import { DataGrid } from '../../../components/DataGrid';
import { centsFormatter } from '../../../components/format';
import { InvoiceBulkBar } from '../approvals/InvoiceBulkBar';

function dueLabel(row: InvoiceRow | undefined): string {
  if (!row) return '';
  if (row.due === 'paid' || row.due === 'no-due-date') return row.dueDate ?? '';
  return `${row.dueDate ?? ''} · ${DUE_STATE_LABELS[row.due]}`;
}

// Most-used columns first; the grid scrolls sideways for the rest.
const COLUMNS: ColDef<InvoiceRow>[] = [
  { field: 'carrier', headerName: 'Carrier', width: 170, pinned: 'left' },
  { field: 'invoiceNumber', headerName: 'Invoice number', width: 170 },
  { field: 'invoiceDate', headerName: 'Invoice date', width: 130, sort: 'desc' },
  {
    field: 'billed',
    headerName: 'Billed',
    headerTooltip:
      'What the carrier billed: the stated total of the invoice, or the sum of its lines when it states none',
    type: 'rightAligned',
    width: 130,
    valueFormatter: centsFormatter,
    filter: 'agNumberColumnFilter',
  },
  {
    field: 'difference',
    headerName: 'Vs. stated total',
    headerTooltip: 'Stated total minus the sum of the lines',
    type: 'rightAligned',
    width: 140,
    valueFormatter: centsFormatter,
    cellClass: (p) => (p.value ? 'money-mismatch' : ''),
  },
  {
    field: 'dueDate',
    headerName: 'Due',
    width: 175,
    valueFormatter: (p: ValueFormatterParams<InvoiceRow, string | null>) => dueLabel(p.data),
    cellClass: (p) =>
      p.data?.due === 'overdue' || p.data?.due === 'due-soon' ? `due-${p.data.due}` : '',
  },
  {
    field: 'status',
    headerName: 'Status',
    width: 120,
    valueFormatter: (p: ValueFormatterParams<InvoiceRow, InvoiceStatus>) =>
      p.value ? INVOICE_STATUS_LABELS[p.value] : '',
  },
  {
    field: 'findings',
    headerName: 'Findings',
    headerTooltip:
      'Open or disputed findings of the validation checks; click the count (or press Enter on it) to see them',
    type: 'rightAligned',
    width: 115,
    cellClass: (p) => (p.value ? 'money-mismatch link-cell' : ''),
  },
  {
    field: 'decision',
    headerName: 'Approval',
    headerTooltip: 'Who decided (the approval policy or a person) and why',
    width: 300,
    tooltipField: 'decision',
  },
  { field: 'accountNumber', headerName: 'Account', width: 160 },
  { field: 'period', headerName: 'Period', width: 200 },
  {
    field: 'statedTotal',
    headerName: 'Stated total',
    type: 'rightAligned',
    width: 130,
    valueFormatter: centsFormatter,
    filter: 'agNumberColumnFilter',
  },
  {
    field: 'linesTotal',
    headerName: 'Sum of lines',
    type: 'rightAligned',
    width: 130,
    valueFormatter: centsFormatter,
    filter: 'agNumberColumnFilter',
  },
  { field: 'lineCount', headerName: 'Lines', type: 'rightAligned', width: 100 },
];

/** The tick boxes stay in view, first, beside the carrier. */
const SELECTION_COLUMN = { pinned: 'left' as const };

/** Every invoice, with filters and a quick search; a row opens its detail. */
export function InvoicesGrid({ rows }: { rows: InvoiceRow[] }) {
  const { navigate } = useRouteContext();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const api = useRef<GridApi<InvoiceRow> | null>(null);
  const selection = useMemo(
    () => ({
      mode: 'multiRow' as const,
      checkboxes: true,
      headerCheckbox: true,
      enableClickSelection: false,
    }),
    [],
  );
  const overdue = useMemo(() => rows.filter((row) => row.due === 'overdue').length, [rows]);
  const dueSoon = useMemo(() => rows.filter((row) => row.due === 'due-soon').length, [rows]);
  // The findings count opens those findings; anywhere else the invoice.
  const open = (row: InvoiceRow, columnId: string) => {
    if (columnId === 'findings' && row.findings > 0)
      window.location.hash = findingsLink({ invoiceId: row.id, status: 'open-or-disputed' });
    else navigate('bills', row.id);
  };

  return (
    <section aria-labelledby="invoices-title">
      <div className="toolbar">
        <h2 id="invoices-title">Invoices ({rows.length.toLocaleString('en-US')})</h2>
        {overdue > 0 && <span className="badge badge--danger">{overdue} overdue</span>}
        {dueSoon > 0 && <span className="badge badge--warning">{dueSoon} due within 7 days</span>}
        <label className="inline search">
          Search invoices
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
      </div>
      <InvoiceBulkBar ids={selected} onDone={() => api.current?.deselectAll()} />
      <DataGrid<InvoiceRow>
        label="Invoices"
        stateKey="grid:invoices"
        afterFrame
        rowData={rows}
        columnDefs={COLUMNS}
        quickFilterText={search}
        getRowId={(p) => p.data.id}
        rowSelection={selection}
        selectionColumnDef={SELECTION_COLUMN}
        onGridReady={(event) => {
          api.current = event.api;
        }}
        onSelectionChanged={(event) =>
          setSelected(event.api.getSelectedRows().map((row) => row.id))
        }
        onCellClicked={(event) =>
          event.data &&
          event.column.getColId() !== 'ag-Grid-SelectionColumn' &&
          open(event.data, event.column.getColId())
        }
        onCellKeyDown={(event) => {
          const key = event.event instanceof KeyboardEvent ? event.event.key : '';
          const column = 'column' in event ? event.column.getColId() : '';
          if (key === 'Enter' && event.data) open(event.data, column);
        }}
        pagination
        paginationPageSize={100}
        // Only the rows in view are drawn (AG Grid's default draws ten more each way): filling
        // the list after an import is one task, and each row drawn is a dozen React cells.
        rowBuffer={0}
        onFirstDataRendered={() => performance.mark('invoices:rendered')}
      />
      <p className="hint">
        Click an invoice, or press Enter on it, to see its charge lines; on its findings count, to
        see those findings. Tick invoices to approve, hold or mark them paid together.
      </p>
    </section>
  );
}
