import { useMemo, useState } from 'react';
import {
  filterOptimisation,
  optimisationReport,
  optimisationTotals,
  type OptimisationFilter,
  type OptimisationLine,
} from '../../../shared/audit/optimisation';
import { changeListCsv, changeListXlsx } from '../../../shared/audit/optimisation-export';
import { cents, formatCents } from '../../../shared/money/cents';
import { useLiveQuery } from '../../app/useLiveQuery';
import { FilterSelect } from '../../components/FilterField';
import { useDatabase } from '../../db/DatabaseContext';
import { isoDateOf, loadAuditSnapshot } from '../../db/findings';
import { platform } from '../../platform';
import { OptimisationGrid } from './OptimisationGrid';

const NO_LINES: readonly OptimisationLine[] = [];
const LIST_HEADERS = ['Line', 'Carrier', 'Account', 'Plan', 'Amount'] as const;

const FILTERS = [
  { key: 'carrier', label: 'Carrier', all: 'All carriers' },
  { key: 'account', label: 'Account', all: 'All accounts' },
  { key: 'site', label: 'Site', all: 'All sites' },
  { key: 'costCenter', label: 'Cost center', all: 'All cost centers' },
] as const satisfies readonly { key: keyof OptimisationFilter; label: string; all: string }[];

function optionsOf(lines: readonly OptimisationLine[], key: keyof OptimisationFilter) {
  const values = [...new Set(lines.map((line) => line[key]).filter((value) => value !== ''))];
  return values.sort().map((value) => ({ value, text: value }));
}

function LineList({
  title,
  lines,
  amount,
}: {
  title: string;
  lines: readonly OptimisationLine[];
  amount: (line: OptimisationLine) => number | null;
}) {
  if (lines.length === 0) return null;
  // Closed at first: a long list would push the grid and its totals out of sight.
  return (
    <details className="optimisation-list">
      <summary>
        {title} ({lines.length})
      </summary>
      <table className="data-table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            {LIST_HEADERS.map((header) => (
              <th key={header} scope="col" className={header === 'Amount' ? 'numeric' : undefined}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const value = amount(line);
            return (
              <tr key={line.serviceId}>
                <th scope="row">{line.line}</th>
                <td>{line.carrier}</td>
                <td>{line.account}</td>
                <td>{line.currentPlan}</td>
                <td className="numeric">{value === null ? '—' : formatCents(cents(value))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}

/**
 * Plan optimisation: every mobile line with its usage over the latest months with figures, the
 * cheapest plan of its rate card that covers its highest month, and the saving; filters, totals
 * and the change list for the carrier (CSV and XLSX). The figures are `shared/audit/optimisation.ts`.
 */
export function OptimisationTab() {
  const db = useDatabase();
  // clock: the view is as of today, like the audit run it sits beside.
  const today = isoDateOf(new Date().toISOString());
  const report = useLiveQuery(
    async () => optimisationReport(await loadAuditSnapshot(db, today), today),
    [db, today],
  );
  const [filter, setFilter] = useState<OptimisationFilter>({});
  const lines = report.status === 'ready' ? report.value.lines : NO_LINES;
  const shown = useMemo(() => filterOptimisation(lines, filter), [lines, filter]);
  const totals = optimisationTotals(shown);
  if (report.status !== 'ready') return <p role="status">Working out the plans…</p>;
  const save = (extension: 'csv' | 'xlsx') => {
    const name = `plan-changes-${today}.${extension}`;
    const bytes =
      extension === 'csv' ? new TextEncoder().encode(changeListCsv(shown)) : changeListXlsx(shown);
    void platform().saveFile(name, bytes, extension);
  };
  return (
    <section aria-labelledby="optimisation-title">
      <h2 id="optimisation-title">Plan optimisation</h2>
      <p className="hint">
        Usage over each line’s latest {report.value.windowMonths} months with usage figures (the
        under-used plan check’s months setting). A line without figures gets no advice: missing
        usage is not zero usage. The new plan is the cheapest of its contract’s rate card whose
        allowances cover its highest month.
      </p>
      <fieldset className="filter-bar">
        <legend>Filter lines</legend>
        {FILTERS.map(({ key, label, all }) => (
          <FilterSelect
            key={key}
            label={label}
            all={all}
            value={filter[key] ?? ''}
            options={optionsOf(lines, key)}
            onChange={(value) => {
              const { [key]: _dropped, ...rest } = filter;
              setFilter(value === '' ? rest : { ...rest, [key]: value });
            }}
          />
        ))}
      </fieldset>
      <dl className="tiles" aria-label="Plan optimisation totals">
        <div className="tile">
          <dt>Lines shown</dt>
          <dd>{shown.length}</dd>
        </div>
        <div className="tile">
          <dt>Plans to change</dt>
          <dd>{totals.changes}</dd>
        </div>
        <div className="tile">
          <dt>Saving per month</dt>
          <dd>{formatCents(cents(totals.monthlyCents))}</dd>
        </div>
        <div className="tile">
          <dt>Saving per year</dt>
          <dd>{formatCents(cents(totals.yearlyCents))}</dd>
        </div>
      </dl>
      <div className="button-row">
        <button type="button" className="secondary" onClick={() => save('csv')}>
          Export change list CSV
        </button>
        <button type="button" className="secondary" onClick={() => save('xlsx')}>
          Export change list XLSX
        </button>
      </div>
      <OptimisationGrid rows={shown} />
      <LineList
        title="Lines with no use (cancel rather than change plan)"
        lines={shown.filter((line) => line.advice === 'no-use')}
        amount={(line) => line.currentMonthlyCents}
      />
      <LineList
        title="Lines that paid usage charges in the window"
        lines={shown.filter((line) => line.overageCents > 0)}
        amount={(line) => line.overageCents}
      />
    </section>
  );
}
