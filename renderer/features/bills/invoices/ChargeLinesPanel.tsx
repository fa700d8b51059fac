import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { useState } from 'react';
import type { ChargeLine, UsageRecord } from '../../../../shared/model';
import { plural } from '../../../../shared/text/wording';
import { useDatabase } from '../../../db/DatabaseContext';
import { useLiveQuery } from '../../../app/useLiveQuery';
import { DataGrid } from '../../../components/DataGrid';
import { centsFormatter } from '../../../components/format';
import { loadInvoiceLinesAndUsage } from '../../../db/invoices';

// Sized to fit the page without sideways scrolling, the amount last: a pinned column would sit
// under the grid's vertical scrollbar, and a wider layout would push the amount out of sight.
const LINE_COLUMNS: ColDef<ChargeLine>[] = [
  { field: 'sourceFile', headerName: 'File', flex: 1, minWidth: 120 },
  { field: 'sourceRow', headerName: 'File line', type: 'rightAligned', width: 100 },
  {
    field: 'serviceIdRaw',
    headerName: 'Service',
    width: 150,
    valueFormatter: (p: ValueFormatterParams<ChargeLine, string>) => p.value || 'Account level',
  },
  { field: 'description', headerName: 'Description', minWidth: 180, flex: 2 },
  { field: 'category', headerName: 'Category', width: 120 },
  { field: 'quantity', headerName: 'Quantity', type: 'rightAligned', width: 105 },
  {
    field: 'amount',
    headerName: 'Amount',
    type: 'rightAligned',
    width: 130,
    valueFormatter: centsFormatter,
    filter: 'agNumberColumnFilter',
  },
];

const USAGE_COLUMNS: ColDef<UsageRecord>[] = [
  { field: 'serviceIdRaw', headerName: 'Service' },
  { field: 'month', headerName: 'Month' },
  { field: 'minutes', headerName: 'Minutes', type: 'rightAligned' },
  { field: 'messages', headerName: 'Messages', type: 'rightAligned' },
  {
    field: 'dataKb',
    headerName: 'Data (MB)',
    type: 'rightAligned',
    valueFormatter: (p: ValueFormatterParams<UsageRecord, number>) =>
      p.value === null || p.value === undefined
        ? ''
        : (p.value / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 }),
  },
];

/** The invoice's charge lines and usage, loaded only when the detail opens. */
export function ChargeLinesPanel({ invoiceId }: { invoiceId: string }) {
  const db = useDatabase();
  const data = useLiveQuery(() => loadInvoiceLinesAndUsage(db, invoiceId), [db, invoiceId]);
  const [search, setSearch] = useState('');
  if (data.status !== 'ready') return <p role="status">Loading charge lines…</p>;
  const { lines, usage } = data.value;

  return (
    <>
      <section aria-labelledby="lines-title">
        <div className="toolbar">
          <h2 id="lines-title">Charge lines ({lines.length.toLocaleString('en-US')})</h2>
          <label className="inline search">
            Search charge lines
            <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </label>
        </div>
        <DataGrid<ChargeLine>
          label="Charge lines"
          rowData={lines}
          columnDefs={LINE_COLUMNS}
          quickFilterText={search}
          pagination
          paginationPageSize={100}
          height={440}
        />
      </section>
      <section aria-labelledby="usage-title">
        <h2 id="usage-title">Usage ({plural(usage.length, 'service')})</h2>
        {usage.length === 0 ? (
          <p className="hint">This bill carries no usage figures.</p>
        ) : (
          <DataGrid<UsageRecord>
            label="Usage"
            rowData={usage}
            columnDefs={USAGE_COLUMNS}
            height={320}
            pagination
            paginationPageSize={50}
          />
        )}
      </section>
    </>
  );
}
