import type { ColDef, RowClassParams, ValueFormatterParams } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import {
  DUE_STATE_LABELS,
  INVOICE_STATUS_LABELS,
  type DueState,
  type InvoiceRow,
} from '../../../../shared/billing/invoice-rows';
import type { InvoiceStatus } from '../../../../shared/model';
import { useRouteContext } from '../../../app/RouteContext';
import { DataGrid } from '../../../components/DataGrid';
import { centsFormatter } from '../../../components/format';

const COLUMNS: ColDef<InvoiceRow>[] = [
  { field: 'carrier', headerName: 'Carrier', minWidth: 150 },
  { field: 'accountNumber', headerName: 'Account' },
  { field: 'invoiceNumber', headerName: 'Invoice number', minWidth: 150 },
  { field: 'invoiceDate', headerName: 'Invoice date', sort: 'desc', filter: 'agDateColumnFilter' },
  { field: 'period', headerName: 'Period', minWidth: 190 },
  { field: 'dueDate', headerName: 'Due date' },
  {
    field: 'due',
    headerName: 'Due',
    valueFormatter: (p: ValueFormatterParams<InvoiceRow, DueState>) =>
      p.value ? DUE_STATE_LABELS[p.value] : '',
    cellClass: (p) => (p.value === 'overdue' || p.value === 'due-soon' ? `due-${p.value}` : ''),
  },
  {
    field: 'statedTotal',
    headerName: 'Stated total',
    type: 'rightAligned',
    valueFormatter: centsFormatter,
    filter: 'agNumberColumnFilter',
  },
  {
    field: 'linesTotal',
    headerName: 'Sum of lines',
    type: 'rightAligned',
    valueFormatter: centsFormatter,
    filter: 'agNumberColumnFilter',
  },
  {
    field: 'difference',
    headerName: 'Difference',
    type: 'rightAligned',
    valueFormatter: centsFormatter,
    cellClass: (p) => (p.value ? 'money-mismatch' : ''),
  },
  { field: 'lineCount', headerName: 'Lines', type: 'rightAligned', maxWidth: 110 },
  {
    field: 'status',
    headerName: 'Status',
    valueFormatter: (p: ValueFormatterParams<InvoiceRow, InvoiceStatus>) =>
      p.value ? INVOICE_STATUS_LABELS[p.value] : '',
  },
];

function rowClass(params: RowClassParams<InvoiceRow>): string {
  return params.data?.due === 'overdue' ? 'row-overdue' : '';
}

/** Every invoice, with filters and a quick search; a row opens its detail. */
export function InvoicesGrid({ rows }: { rows: InvoiceRow[] }) {
  const { navigate } = useRouteContext();
  const [search, setSearch] = useState('');
  const overdue = useMemo(() => rows.filter((row) => row.due === 'overdue').length, [rows]);
  const dueSoon = useMemo(() => rows.filter((row) => row.due === 'due-soon').length, [rows]);

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
      <DataGrid<InvoiceRow>
        label="Invoices"
        rowData={rows}
        columnDefs={COLUMNS}
        quickFilterText={search}
        getRowId={(p) => p.data.id}
        getRowClass={rowClass}
        onRowClicked={(event) => event.data && navigate('bills', event.data.id)}
        onCellKeyDown={(event) => {
          const key = event.event instanceof KeyboardEvent ? event.event.key : '';
          if (key === 'Enter' && event.data) navigate('bills', event.data.id);
        }}
        pagination
        paginationPageSize={100}
      />
      <p className="hint">Click an invoice, or press Enter on it, to see its charge lines.</p>
    </section>
  );
}
