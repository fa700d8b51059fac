import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { noticeDeadline } from '../../../shared/contracts';
import { cents, formatCents, type Cents } from '../../../shared/money/cents';
import { useRouteContext } from '../../app/RouteContext';
import { DataGrid } from '../../components/DataGrid';
import { centsFormatter } from '../../components/format';
import { latestMonthlySpend } from '../../../shared/contracts/spend';
import type { ContractsData } from '../../db/contracts';
import { STATUS_LABELS } from './labels';

interface ContractRow {
  id: string;
  name: string;
  carrier: string;
  status: string;
  startDate: string;
  endDate: string;
  noticeDeadline: string;
  autoRenew: string;
  marc: Cents;
  monthlySpend: Cents | null;
  rates: number;
  services: number;
}

const COLUMNS: ColDef<ContractRow>[] = [
  { field: 'name', headerName: 'Contract', minWidth: 200, flex: 2 },
  { field: 'carrier', headerName: 'Carrier' },
  { field: 'status', headerName: 'Status' },
  { field: 'startDate', headerName: 'Start' },
  { field: 'endDate', headerName: 'End' },
  { field: 'noticeDeadline', headerName: 'Notice deadline', sort: 'asc' },
  { field: 'autoRenew', headerName: 'Auto-renew' },
  { field: 'marc', headerName: 'MARC', valueFormatter: centsFormatter, type: 'rightAligned' },
  {
    field: 'monthlySpend',
    headerName: 'Latest month',
    valueFormatter: centsFormatter,
    type: 'rightAligned',
  },
  { field: 'rates', headerName: 'Rates', type: 'rightAligned' },
  { field: 'services', headerName: 'Services', type: 'rightAligned' },
];

/** Every contract in a grid; Enter or a double-click opens one. */
export function ContractsList({ data }: { data: ContractsData }) {
  const { navigate } = useRouteContext();
  const rows = useMemo<ContractRow[]>(() => {
    const spend = latestMonthlySpend(data.spend);
    const carriers = new Map(data.carriers.map((c) => [c.id, c.name]));
    return data.contracts.map((contract) => ({
      id: contract.id,
      name: contract.name,
      carrier: carriers.get(contract.carrierId) ?? '—',
      status: STATUS_LABELS[contract.status],
      startDate: contract.startDate,
      endDate: contract.endDate,
      noticeDeadline: noticeDeadline(contract),
      autoRenew: contract.autoRenew ? 'Yes' : 'No',
      marc: contract.marcCents,
      monthlySpend: spend.get(contract.id) ?? null,
      rates: contract.rateCard?.length ?? 0,
      services: contract.serviceIds.length,
    }));
  }, [data]);
  const total = rows.reduce((sum, row) => sum + (row.monthlySpend ?? 0), 0);
  return (
    <section aria-labelledby="contracts-list-title">
      <div className="toolbar">
        <h2 id="contracts-list-title">
          {rows.length} contracts — {formatCents(cents(total))} in their latest month
        </h2>
      </div>
      <DataGrid<ContractRow>
        label="Contracts"
        height={Math.min(520, 90 + rows.length * 42)}
        rowData={rows}
        columnDefs={COLUMNS}
        getRowId={(params) => params.data.id}
        onRowDoubleClicked={(event) => event.data && navigate('contracts', event.data.id)}
        onCellKeyDown={(event) => {
          const key = event.event instanceof KeyboardEvent ? event.event.key : '';
          if (key === 'Enter' && event.data) navigate('contracts', event.data.id);
        }}
      />
      <p className="hint">Double-click a contract, or press Enter on it, to open it.</p>
    </section>
  );
}
