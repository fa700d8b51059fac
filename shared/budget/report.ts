/**
 * The budget report and the forecast as files for finance (CSV through the formula-guarded writer,
 * XLSX through our writer), and the wording both the screens and the files use.
 */
import { toCsv, type CsvCell } from '../export/csv';
import { writeXlsx, type XlsxCell } from '../export/xlsx';
import type { Carrier, CostCenter } from '../model';
import { cents, centsToDecimalString, sumCents, type Cents } from '../money/cents';
import type { Forecast } from './forecast';
import { basisPointsText, type BudgetVariance, type VarianceRow } from './variance';

export { basisPointsText };

/** Names of cost centers and carriers, for labels. */
export interface BudgetNames {
  costCenters: readonly CostCenter[];
  carriers: readonly Carrier[];
}

/** Labels of a cost center id (`''` = none found) and a carrier id (`''` = all carriers). */
export function budgetLabels(names: BudgetNames) {
  const costCenters = new Map(names.costCenters.map((entry) => [entry.id, entry]));
  const carriers = new Map(names.carriers.map((entry) => [entry.id, entry.name]));
  return {
    costCenter: (id: string | null) => {
      if (id === null) return 'Total';
      if (id === '') return 'No cost center (unallocated)';
      const entry = costCenters.get(id);
      return entry === undefined ? id : `${entry.code} ${entry.name}`;
    },
    carrier: (id: string) => (id === '' ? 'All carriers' : (carriers.get(id) ?? id)),
  };
}

const KIND_LABELS = {
  'run-rate': 'Run-rate',
  ordered: 'Service ordered',
  disconnect: 'Pending disconnect',
  'contract-end': 'Contract ending',
} as const;

export function assumptionKindLabel(kind: keyof typeof KIND_LABELS): string {
  return KIND_LABELS[kind];
}

const money = (amount: Cents | null) => (amount === null ? '' : centsToDecimalString(amount));

function forecastTables(forecast: Forecast, names: BudgetNames) {
  const label = budgetLabels(names);
  const monthHeaders = forecast.months.map((month) =>
    month < forecast.firstForecastMonth ? `${month} actual` : `${month} forecast`,
  );
  const rows = {
    header: [
      'Cost Center',
      'Carrier',
      'Run-rate',
      ...monthHeaders,
      'Actual to date',
      'Forecast rest of year',
      'Year end',
    ],
    rows: forecast.rows.map((row) => [
      label.costCenter(row.costCenterId),
      label.carrier(row.carrierId),
      row.runRate,
      ...row.months.map((cell) => cell.actual ?? cell.forecast),
      row.actualToDate,
      row.forecastRest,
      row.yearEnd,
    ]),
  };
  const assumptions = {
    header: ['Kind', 'Cost Center', 'Carrier', 'Subject', 'From', 'Monthly effect', 'Assumption'],
    rows: forecast.assumptions.map((assumption) => [
      assumptionKindLabel(assumption.kind),
      label.costCenter(assumption.costCenterId),
      label.carrier(assumption.carrierId),
      assumption.subject,
      assumption.from ?? '',
      assumption.monthlyEffect,
      assumption.description,
    ]),
  };
  return { rows, assumptions };
}

/**
 * The forecast as CSV: the rows by cost center × carrier (actual months, then forecast months),
 * a total row, a blank line, then every assumption with its monthly effect.
 */
export function forecastCsv(forecast: Forecast, names: BudgetNames): string {
  const { rows, assumptions } = forecastTables(forecast, names);
  // Every number of these tables is money.
  const moneyCell = (cell: string | number | null) =>
    typeof cell === 'number' ? money(cents(cell)) : cell;
  // Every money column adds up in the file itself, as the workbook's totals row does.
  const sumOf = (pick: (row: Forecast['rows'][number]) => Cents) =>
    money(sumCents(forecast.rows.map(pick)));
  const total = [
    'Total',
    '',
    sumOf((row) => row.runRate),
    ...forecast.total.map((month) => money(month.actual ?? month.forecast)),
    sumOf((row) => row.actualToDate),
    sumOf((row) => row.forecastRest),
    money(forecast.yearEnd),
  ];
  const budget = [
    'Budget',
    '',
    '',
    ...forecast.total.map((month) => money(month.budget)),
    '',
    '',
    money(forecast.yearBudget),
  ];
  return toCsv(
    rows.header,
    [
      ...rows.rows.map((row) => row.map(moneyCell)),
      total,
      budget,
      [],
      assumptions.header,
      ...assumptions.rows.map((row) => row.map(moneyCell)),
    ],
    { bom: true },
  );
}

/** The forecast as a workbook: a Forecast sheet (with totals) and an Assumptions sheet. */
export function forecastXlsx(forecast: Forecast, names: BudgetNames): Uint8Array {
  const { rows, assumptions } = forecastTables(forecast, names);
  const asCells = (row: readonly (string | number | null)[]): XlsxCell[] => [...row];
  return writeXlsx({
    sheets: [
      {
        name: `Forecast ${forecast.year}`,
        columns: rows.header.map((header, index) => ({
          header,
          kind: index < 2 ? 'text' : 'money',
        })),
        rows: rows.rows.map(asCells),
        totalsRow: { label: 'Total' },
      },
      {
        name: 'By month',
        columns: [
          { header: 'Month', kind: 'text' },
          { header: 'Actual', kind: 'money' },
          { header: 'Forecast', kind: 'money' },
          { header: 'Budget', kind: 'money' },
        ],
        rows: forecast.total.map((m) => [m.month, m.actual, m.forecast, m.budget]),
        totalsRow: { label: 'Year' },
      },
      {
        name: 'Assumptions',
        columns: assumptions.header.map((header) => ({
          header,
          kind: header === 'Monthly effect' ? 'money' : 'text',
        })),
        rows: assumptions.rows.map(asCells),
      },
    ],
  });
}

const VARIANCE_HEADER = [
  'Cost Center',
  'Carrier',
  'Budget YTD',
  'Actual YTD',
  'Variance',
  'Variance %',
  'Budget year',
];

/** The label of the variance file's row of charges in no cost center. */
export const VARIANCE_UNALLOCATED_LABEL =
  'Unallocated (in no cost center; see Chargeback → Exceptions)';

function varianceCells(rows: readonly VarianceRow[], names: BudgetNames): CsvCell[][] {
  const label = budgetLabels(names);
  return rows.map((row) => [
    label.costCenter(row.costCenterId),
    row.costCenterId === null ? '' : label.carrier(row.carrierId),
    money(row.ytdBudget),
    money(row.ytdActual),
    money(row.ytdVariance),
    // A plain number of percent (`13.64`, `-25`), as the chargeback's Variance % column, so a
    // spreadsheet reads it as one: the screen's `−25.00%` (a Unicode minus) is text to it.
    row.ytdVarianceBasisPoints === null ? '' : row.ytdVarianceBasisPoints / 100,
    money(row.yearBudget),
  ]);
}

/** The variance rows as CSV: YTD budget, actual, variance and variance % per row. */
export function varianceCsv(rows: readonly VarianceRow[], names: BudgetNames): string {
  return toCsv(VARIANCE_HEADER, varianceCells(rows, names), { bom: true });
}

/**
 * The Actual vs budget file: a row per cost center, the total, then — when some charges of the
 * year to date could not be allocated — a row of them; then, apart, the carriers budgeted within
 * their cost centers. The total's actual is what the chargeback allocated
 * (as on the screen), so without that row the file would fall short of the invoices with nothing
 * saying so. No budget covers those charges: their variance is their whole amount, as on the
 * chargeback's unallocated line.
 */
export function budgetVarianceCsv(variance: BudgetVariance, names: BudgetNames): string {
  // A carrier's row is part of its cost center's: listed apart, after the table, so every column
  // of the table adds up to its total row (listed under their cost center it would count twice).
  const byCostCenter = variance.rows.filter((row) => row.carrierId === '');
  const byCarrier = variance.rows.filter((row) => row.carrierId !== '');
  const rows = varianceCells([...byCostCenter, variance.total], names);
  const unallocated = variance.ytdUnallocated;
  if (unallocated !== 0)
    rows.push([VARIANCE_UNALLOCATED_LABEL, '', '', money(unallocated), money(unallocated), '', '']);
  if (byCarrier.length > 0)
    rows.push([], [VARIANCE_CARRIERS_LABEL], VARIANCE_HEADER, ...varianceCells(byCarrier, names));
  return toCsv(VARIANCE_HEADER, rows, { bom: true });
}

/** The title of the variance file's part listing carriers within their cost centers. */
export const VARIANCE_CARRIERS_LABEL =
  'By carrier within its cost center (already counted in the cost center above)';
