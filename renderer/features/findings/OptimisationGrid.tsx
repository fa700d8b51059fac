import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import {
  ADVICE_LABELS,
  type OptimisationAdvice,
  type OptimisationLine,
  type UseFigures,
} from '../../../shared/audit/optimisation';
import { cents, formatCents } from '../../../shared/money/cents';
import { DataGrid } from '../../components/DataGrid';

type Params<Value> = ValueFormatterParams<OptimisationLine, Value>;

function money(p: Params<number | null>): string {
  return p.value === null || p.value === undefined ? '' : formatCents(cents(p.value));
}

/** `1.52 / 0.97` (highest / average), blank when not known. */
function figuresText(digits: number) {
  return (p: Params<UseFigures | null>): string =>
    p.value === null || p.value === undefined
      ? 'not known'
      : `${p.value.highest.toFixed(digits)} / ${p.value.average.toFixed(digits)}`;
}

const COLUMNS: ColDef<OptimisationLine>[] = [
  { field: 'line', headerName: 'Line', width: 140, pinned: 'left' },
  { field: 'carrier', headerName: 'Carrier', width: 150 },
  { field: 'account', headerName: 'Account', width: 140 },
  { field: 'currentPlan', headerName: 'Current plan', width: 200 },
  {
    field: 'currentMonthlyCents',
    headerName: 'Monthly rate',
    width: 120,
    type: 'rightAligned',
    valueFormatter: money,
  },
  { field: 'newPlan', headerName: 'New plan', width: 200 },
  {
    field: 'newMonthlyCents',
    headerName: 'New rate',
    width: 110,
    type: 'rightAligned',
    valueFormatter: money,
  },
  {
    field: 'monthlySavingCents',
    headerName: 'Saving / month',
    width: 130,
    type: 'rightAligned',
    valueFormatter: money,
    sort: 'desc',
  },
  {
    field: 'advice',
    headerName: 'Advice',
    width: 140,
    valueFormatter: (p: Params<OptimisationAdvice>) => (p.value ? ADVICE_LABELS[p.value] : ''),
  },
  {
    field: 'usage.data',
    headerName: 'Data GB (high / avg)',
    width: 160,
    valueFormatter: figuresText(2),
  },
  {
    field: 'usage.voice',
    headerName: 'Minutes (high / avg)',
    width: 160,
    valueFormatter: figuresText(0),
  },
  {
    field: 'usage.messages',
    headerName: 'Messages (high / avg)',
    width: 170,
    valueFormatter: figuresText(0),
  },
  {
    colId: 'months',
    headerName: 'Months',
    width: 90,
    type: 'rightAligned',
    valueGetter: (p) => p.data?.months.length ?? 0,
    headerTooltip: 'Months with usage figures in the window',
  },
  {
    field: 'overageCents',
    headerName: 'Usage charges paid',
    width: 150,
    type: 'rightAligned',
    valueFormatter: money,
  },
  { field: 'site', headerName: 'Site', width: 160 },
  { field: 'costCenter', headerName: 'Cost center', width: 120 },
];

/** Every mobile line of the Optimisation tab, biggest saving first. */
export function OptimisationGrid({ rows }: { rows: OptimisationLine[] }) {
  return (
    <DataGrid<OptimisationLine>
      label="Mobile lines and plans"
      stateKey="grid:optimisation"
      rowData={rows}
      columnDefs={COLUMNS}
      getRowId={(p) => p.data.serviceId}
      height={420}
    />
  );
}
