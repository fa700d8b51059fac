import { useMemo } from 'react';
import { formatCents, sumCents, type Cents } from '../../../shared/money/cents';
import {
  invoiceMonthsOf,
  SAVINGS_BASES,
  savingsByMonth,
  savingsEntries,
} from '../../../shared/audit/savings';
import { countOnce } from '../../../shared/audit/claims';
import type { FindingsData } from './data';

function Bar({ value, max, kind }: { value: Cents; max: number; kind: string }) {
  const width = max > 0 ? Math.max(0, Math.round((value / max) * 100)) : 0;
  return (
    <span
      className={`savings-bar savings-bar--${kind}`}
      style={{ width: `${width}%` }}
      aria-hidden="true"
    />
  );
}

/** Money identified by the checks, disputed with carriers and recovered as credits, by month. */
export function SavingsTab({ data }: { data: FindingsData }) {
  const months = useMemo(
    () =>
      savingsByMonth(
        savingsEntries(
          data.findings,
          data.disputes,
          countOnce(data.findings),
          invoiceMonthsOf(data.invoices),
        ),
      ),
    [data],
  );
  const identified = sumCents(months.map((m) => m.identified));
  const disputed = sumCents(months.map((m) => m.disputed));
  const recovered = sumCents(months.map((m) => m.recovered));
  const max = Math.max(1, ...months.flatMap((m) => [m.identified, m.disputed, m.recovered]));
  return (
    <section aria-labelledby="savings-title">
      <h2 id="savings-title">Savings tracker</h2>
      <dl className="tiles" aria-label="Savings to date">
        <div className="tile">
          <dt>Identified</dt>
          <dd>{formatCents(identified)}</dd>
        </div>
        <div className="tile">
          <dt>Claimed in disputes</dt>
          <dd>{formatCents(disputed)}</dd>
        </div>
        <div className="tile">
          <dt>Recovered</dt>
          <dd>{formatCents(recovered)}</dd>
        </div>
        <div className="tile">
          <dt>Recovered of claimed</dt>
          <dd>{disputed > 0 ? `${Math.round((recovered / disputed) * 100)} %` : '—'}</dd>
        </div>
      </dl>
      <table className="data-table savings-table">
        <caption>
          By month — identified {SAVINGS_BASES.identified}, claimed in disputes{' '}
          {SAVINGS_BASES.disputed}, recovered {SAVINGS_BASES.recovered}
        </caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col" className="numeric">
              Identified
            </th>
            <th scope="col" className="numeric">
              Claimed
            </th>
            <th scope="col" className="numeric">
              Recovered
            </th>
            <th scope="col">
              <span className="visually-hidden">Chart</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{m.month}</th>
              <td className="numeric">{formatCents(m.identified)}</td>
              <td className="numeric">{formatCents(m.disputed)}</td>
              <td className="numeric">{formatCents(m.recovered)}</td>
              <td className="savings-bars">
                <Bar value={m.identified} max={max} kind="identified" />
                <Bar value={m.disputed} max={max} kind="disputed" />
                <Bar value={m.recovered} max={max} kind="recovered" />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="numeric">{formatCents(identified)}</td>
            <td className="numeric">{formatCents(disputed)}</td>
            <td className="numeric">{formatCents(recovered)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <p className="hint savings-legend">
        <span className="savings-bar savings-bar--identified" aria-hidden="true" /> Identified{' '}
        <span className="savings-bar savings-bar--disputed" aria-hidden="true" /> Claimed{' '}
        <span className="savings-bar savings-bar--recovered" aria-hidden="true" /> Recovered
      </p>
    </section>
  );
}
