import type {
  CellEditRequestEvent,
  ColDef,
  GridApi,
  ValueFormatterParams,
} from 'ag-grid-community';
import { useMemo, useRef, useState } from 'react';
import { budgetCsv, budgetXlsx } from '../../../shared/budget/file';
import {
  budgetGridRows,
  copyLastYear,
  fillRight,
  monthsOfYear,
  upliftFromText,
} from '../../../shared/budget/grid';
import { budgetLabels } from '../../../shared/budget/report';
import { isIsoMonth } from '../../../shared/dates/iso-date';
import {
  centsFromText,
  cents,
  formatCents,
  sumCents,
  type Cents,
} from '../../../shared/money/cents';
import { DataGrid } from '../../components/DataGrid';
import { useDatabase } from '../../db/DatabaseContext';
import {
  deleteBudgetRow,
  putBudgetLines,
  setBudgetCell,
  type BudgetWorkspace,
} from '../../db/budgets';
import { platform } from '../../platform';
import { BudgetImport } from './BudgetImport';
import { shortMonth as shortMonthName } from '../dashboard/filter';

/** The grid row of the focused cell; none on the totals row. */
function focusedRow(
  api: GridApi<GridRow> | null,
  focused: ReturnType<GridApi<GridRow>['getFocusedCell']> | undefined,
): GridRow | undefined {
  if (api === null || focused === null || focused === undefined || focused.rowPinned)
    return undefined;
  return api.getDisplayedRowAtIndex(focused.rowIndex)?.data;
}

interface GridRow {
  key: string;
  costCenterId: string;
  carrierId: string;
  costCenter: string;
  carrier: string;
  /** Month (`2026-01`) → amount; absent when not budgeted. */
  amounts: Record<string, Cents>;
  total: Cents;
}

/**
 * The year's budget: a row per cost center (and per cost center × carrier when split), a column
 * per month, edited in place as dollars. Fill right copies the focused month across the rest of
 * the year; copy last year brings the year before in, with an optional uplift.
 */
export function BudgetGrid({ workspace }: { workspace: BudgetWorkspace }) {
  const db = useDatabase();
  const { year, lines, costCenters, carriers } = workspace;
  const months = useMemo(() => monthsOfYear(year), [year]);
  const labels = useMemo(() => budgetLabels({ costCenters, carriers }), [costCenters, carriers]);
  const [extra, setExtra] = useState<{ costCenterId: string; carrierId: string }[]>([]);
  const [message, setMessage] = useState('');
  const [importing, setImporting] = useState(false);
  const [uplift, setUplift] = useState('0');
  const [splitCostCenter, setSplitCostCenter] = useState('');
  const [splitCarrier, setSplitCarrier] = useState('');
  const api = useRef<GridApi<GridRow> | null>(null);

  const rows = useMemo<GridRow[]>(() => {
    const byKey = new Map(
      budgetGridRows(lines, year).map((row) => [`${row.costCenterId}|${row.carrierId}`, row]),
    );
    const keys: { costCenterId: string; carrierId: string }[] = [];
    const seen = new Set<string>();
    const add = (costCenterId: string, carrierId: string) => {
      const key = `${costCenterId}|${carrierId}`;
      if (seen.has(key)) return;
      seen.add(key);
      keys.push({ costCenterId, carrierId });
    };
    // Every active cost center has its all-carriers row; split rows follow their cost center.
    for (const costCenter of costCenters) {
      const split = [...byKey.values(), ...extra].filter(
        (row) => row.costCenterId === costCenter.id && row.carrierId !== '',
      );
      if (!costCenter.active && !byKey.has(`${costCenter.id}|`) && split.length === 0) continue;
      add(costCenter.id, '');
      for (const row of split.sort((a, b) =>
        labels.carrier(a.carrierId).localeCompare(labels.carrier(b.carrierId)),
      ))
        add(costCenter.id, row.carrierId);
    }
    for (const row of byKey.values()) add(row.costCenterId, row.carrierId);
    return keys.map(({ costCenterId, carrierId }) => {
      const amounts = byKey.get(`${costCenterId}|${carrierId}`)?.amounts ?? [];
      const row: GridRow = {
        key: `${costCenterId}|${carrierId}`,
        costCenterId,
        carrierId,
        costCenter: labels.costCenter(costCenterId),
        carrier: labels.carrier(carrierId),
        total: sumCents(amounts.map((amount) => amount ?? cents(0))),
        amounts: {},
      };
      months.forEach((month, index) => {
        const amount = amounts[index];
        if (amount !== null && amount !== undefined) row.amounts[month] = amount;
      });
      return row;
    });
  }, [lines, year, costCenters, extra, labels, months]);

  // Our own totals row (AG Grid Community has no aggregation): every cell of the year, each once.
  const totals = useMemo<GridRow[]>(() => {
    const amounts: Record<string, Cents> = {};
    for (const month of months)
      amounts[month] = sumCents(rows.map((row) => row.amounts[month] ?? cents(0)));
    return [
      {
        key: 'total',
        costCenterId: '',
        carrierId: '',
        costCenter: 'Total',
        carrier: '',
        amounts,
        total: sumCents(rows.map((row) => row.total)),
      },
    ];
  }, [rows, months]);

  const columns = useMemo<ColDef<GridRow>[]>(
    () => [
      { field: 'costCenter', headerName: 'Cost center', pinned: 'left', width: 230 },
      { field: 'carrier', headerName: 'Carrier', pinned: 'left', width: 150 },
      ...months.map((month): ColDef<GridRow> => ({
        colId: month,
        headerName: shortMonthName(month),
        valueGetter: (params) => params.data?.amounts[month] ?? null,
        valueFormatter: (params: ValueFormatterParams<GridRow, Cents | null>) =>
          params.value === null || params.value === undefined ? '' : formatCents(params.value),
        editable: true,
        cellDataType: 'text',
        type: 'rightAligned',
        width: 120,
        filter: false,
      })),
      {
        field: 'total',
        headerName: 'Year',
        type: 'rightAligned',
        width: 130,
        valueFormatter: (params: ValueFormatterParams<GridRow, Cents>) =>
          params.value === undefined || params.value === null ? '' : formatCents(params.value),
      },
    ],
    [months],
  );

  const onEdit = async (event: CellEditRequestEvent<GridRow>) => {
    const month = event.colDef.colId;
    if (month === undefined || !isIsoMonth(month)) return;
    const text = typeof event.newValue === 'string' ? event.newValue : String(event.newValue ?? '');
    const amount = centsFromText(text, { subCent: 'reject' });
    if (!amount.ok || (amount.value !== null && amount.value < 0)) {
      return setMessage(
        `${event.data.costCenter}, ${shortMonthName(month)}: expected an amount of money like 1,234.56 but found "${text}". Nothing was changed.`,
      );
    }
    setMessage('');
    await setBudgetCell(db, event.data.costCenterId, event.data.carrierId, month, amount.value);
  };

  const onFillRight = async () => {
    const focused = api.current?.getFocusedCell();
    const month = focused?.column.getColId();
    const row = focusedRow(api.current, focused);
    if (row === undefined || month === undefined || !isIsoMonth(month))
      return setMessage('Click a month of a row first, then Fill right.');
    const filled = fillRight(lines, row.costCenterId, row.carrierId, month);
    if (filled.length === 0)
      return setMessage(
        `${row.costCenter}, ${shortMonthName(month)} has no budget (or is December): nothing to fill.`,
      );
    await putBudgetLines(db, filled);
    setMessage(`Filled ${row.costCenter} from ${shortMonthName(month)} to December.`);
  };

  const onCopyLastYear = async () => {
    const basisPoints = upliftFromText(uplift);
    if (basisPoints === null)
      return setMessage(`The uplift must be a percentage like 2.5 or -3 (found "${uplift}").`);
    const copied = copyLastYear(lines, year, basisPoints);
    if (copied.length === 0) return setMessage(`${year - 1} has no budget to copy.`);
    await putBudgetLines(db, copied);
    setMessage(
      `Copied ${copied.length} budget cells from ${year - 1}${basisPoints === 0 ? '' : ` with ${uplift.replace(/%$/, '')}% uplift`}.`,
    );
  };

  const onExport = async (format: 'csv' | 'xlsx') => {
    const own = lines.filter((line) => line.month.startsWith(`${year}-`));
    const bytes =
      format === 'csv'
        ? new TextEncoder().encode(budgetCsv(own, costCenters, carriers))
        : budgetXlsx(own, costCenters, carriers);
    const name = `budget-${year}.${format}`;
    const outcome = await platform().saveFile(name, bytes, format);
    setMessage(outcome.saved ? `Saved ${name}.` : 'Export cancelled.');
  };

  const onAddSplit = () => {
    if (splitCostCenter === '' || splitCarrier === '')
      return setMessage('Choose a cost center and a carrier to split its budget by.');
    setExtra((list) => [...list, { costCenterId: splitCostCenter, carrierId: splitCarrier }]);
    setMessage('');
  };

  const onRemoveRow = async () => {
    const focused = api.current?.getFocusedCell();
    const row = focusedRow(api.current, focused);
    if (row === undefined) return setMessage('Click a row first, then Clear row.');
    const removed = await deleteBudgetRow(db, row.costCenterId, row.carrierId, year);
    setExtra((list) =>
      list.filter((entry) => `${entry.costCenterId}|${entry.carrierId}` !== row.key),
    );
    setMessage(`Cleared ${removed} months of ${row.costCenter} (${row.carrier}).`);
  };

  return (
    <section aria-label="Budget" className="budget-plan">
      <div className="toolbar">
        <button type="button" onClick={() => setImporting(true)}>
          Import budget…
        </button>
        <button type="button" className="secondary" onClick={() => void onExport('csv')}>
          Export CSV
        </button>
        <button type="button" className="secondary" onClick={() => void onExport('xlsx')}>
          Export XLSX
        </button>
        <button type="button" className="secondary" onClick={() => void onFillRight()}>
          Fill right
        </button>
        <button type="button" className="secondary" onClick={() => void onRemoveRow()}>
          Clear row
        </button>
        <label className="inline" htmlFor="budget-uplift">
          Uplift %
        </label>
        <input
          id="budget-uplift"
          className="budget-uplift"
          value={uplift}
          inputMode="decimal"
          onChange={(event) => setUplift(event.target.value)}
        />
        <button type="button" className="secondary" onClick={() => void onCopyLastYear()}>
          Copy last year
        </button>
      </div>
      {importing && (
        <BudgetImport
          costCenters={costCenters}
          carriers={carriers}
          onDone={(done) => {
            setImporting(false);
            setMessage(done);
          }}
        />
      )}
      <p role="status" className="budget-message">
        {message}
      </p>
      <DataGrid<GridRow>
        label={`Budget ${year}`}
        rowData={rows}
        pinnedBottomRowData={totals}
        columnDefs={columns}
        getRowId={(params) => params.data.key}
        readOnlyEdit
        onCellEditRequest={(event) => void onEdit(event)}
        onGridReady={(event) => {
          api.current = event.api;
        }}
        suppressColumnVirtualisation
        height={480}
        stateKey="grid:budget"
      />
      <div className="toolbar">
        <label className="inline" htmlFor="budget-split-cc">
          Split by carrier: cost center
        </label>
        <select
          id="budget-split-cc"
          value={splitCostCenter}
          onChange={(e) => setSplitCostCenter(e.target.value)}
        >
          <option value="">Choose…</option>
          {costCenters.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.code} {entry.name}
            </option>
          ))}
        </select>
        <label className="inline" htmlFor="budget-split-carrier">
          carrier
        </label>
        <select
          id="budget-split-carrier"
          value={splitCarrier}
          onChange={(e) => setSplitCarrier(e.target.value)}
        >
          <option value="">Choose…</option>
          {carriers.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}
            </option>
          ))}
        </select>
        <button type="button" className="secondary" onClick={onAddSplit}>
          Add carrier row
        </button>
      </div>
      <p className="budget-note">
        A carrier row is part of its cost center’s budget and is compared with that carrier’s
        allocated charges; the all-carriers row covers the rest. Amounts are before mark-up, as the
        chargeback allocates them.
      </p>
    </section>
  );
}
