import { lastMonths } from '../../../shared/billing/dashboard';
import { monthlyReport, type Comparison } from '../../../shared/billing/report';
import { renewalRows } from '../../../shared/contracts/renewals';
import { isIsoMonth, todayIso, type IsoMonth } from '../../../shared/dates';
import { cents, formatCents } from '../../../shared/money/cents';
import { useDatabase } from '../../app/DatabaseContext';
import { useRouteContext } from '../../app/RouteContext';
import { useLiveQuery } from '../../app/useLiveQuery';
import { PageHeader } from '../../components/PageHeader';
import type { TemDeskDatabase } from '../../db/database';
import { readSettings } from '../../db/settings';

async function loadReport(db: TemDeskDatabase, requested: string | undefined) {
  const [invoices, carriers, findings, contracts, settings] = await Promise.all([
    db.invoices.toArray(),
    db.carriers.toArray(),
    db.findings.toArray(),
    db.contracts.toArray(),
    readSettings(db),
  ]);
  const months = lastMonths(invoices, 24);
  const month: IsoMonth | undefined =
    requested && isIsoMonth(requested) ? requested : months.at(-1);
  if (!month) return null;
  const open = findings.filter((f) => f.status === 'open' || f.status === 'disputed');
  const foundThisMonth = findings.filter((f) => f.subject.period === month);
  const renewals = renewalRows(
    contracts,
    new Map(),
    todayIso(new Date()),
    undefined,
    new Map(carriers.map((c) => [c.id, c.name])),
  ).filter((r) => r.daysToNotice >= 0 && r.daysToNotice <= 120);
  return {
    month,
    months,
    report: monthlyReport(invoices, month),
    carrierNames: new Map(carriers.map((c) => [c.id, c.name])),
    organization: settings.organizationName,
    openCount: open.length,
    atStake: cents(open.reduce((s, f) => s + f.impact, 0)),
    foundCount: foundThisMonth.length,
    foundImpact: cents(foundThisMonth.reduce((s, f) => s + f.impact, 0)),
    renewals,
  };
}

function describe(comparison: Comparison, against: string): string {
  if (comparison.ratio === null) return `No bills ${against} to compare with.`;
  const sign = comparison.change >= 0 ? '+' : '−';
  return `${sign}${formatCents(cents(Math.abs(comparison.change)))} (${sign}${Math.abs(comparison.ratio * 100).toFixed(1)} %) against ${against}`;
}

/** One page per month for management: spend, how it moved, findings and renewals. Printable. */
export function MonthlyReportPage({ month }: { month?: string }) {
  const db = useDatabase();
  const { navigate } = useRouteContext();
  const data = useLiveQuery(() => loadReport(db, month), [db, month]);
  if (data.status !== 'ready') return <p role="status">Preparing the report…</p>;
  if (!data.value)
    return <p>Import bills first: the report needs at least one month of invoices.</p>;
  const v = data.value;
  const title = new Date(`${v.month}-15T00:00:00Z`).toLocaleDateString('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

  return (
    <article className="monthly-report" aria-labelledby="report-title">
      <p className="breadcrumb no-print">
        <a href="#/dashboard">← Dashboard</a>
      </p>
      <PageHeader title={`Telecom spend report — ${title}`}>
        <label className="inline no-print">
          Month
          <select value={v.month} onChange={(e) => navigate('dashboard', 'report', e.target.value)}>
            {[...v.months].reverse().map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="no-print" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </PageHeader>
      {v.organization && <p className="report-org">{v.organization}</p>}
      <dl className="tiles">
        <div className="tile">
          <dt>Billed this month</dt>
          <dd>{formatCents(v.report.vsPreviousMonth.current)}</dd>
        </div>
        <div className="tile">
          <dt>Against last month</dt>
          <dd className="tile__small">{describe(v.report.vsPreviousMonth, 'the month before')}</dd>
        </div>
        <div className="tile">
          <dt>Against a year ago</dt>
          <dd className="tile__small">
            {describe(v.report.vsSameMonthLastYear, 'a year earlier')}
          </dd>
        </div>
        <div className="tile">
          <dt>Billing errors open</dt>
          <dd>{formatCents(v.atStake)}</dd>
        </div>
      </dl>
      <section aria-labelledby="movers-title">
        <h2 id="movers-title">Biggest changes since last month</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Carrier</th>
              <th scope="col">Account</th>
              <th scope="col" className="numeric">
                Last month
              </th>
              <th scope="col" className="numeric">
                This month
              </th>
              <th scope="col" className="numeric">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            {v.report.movers.map((m) => (
              <tr key={`${m.carrierId}-${m.accountNumber}`}>
                <td>{v.carrierNames.get(m.carrierId) ?? m.carrierId}</td>
                <td>{m.accountNumber}</td>
                <td className="numeric">{formatCents(m.previous)}</td>
                <td className="numeric">{formatCents(m.current)}</td>
                <td className="numeric">{formatCents(m.change)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="findings-title">
        <h2 id="findings-title">Billing errors</h2>
        <p>
          {v.foundCount} found this month ({formatCents(v.foundImpact)}); {v.openCount} open or
          disputed in all, {formatCents(v.atStake)} at stake.
        </p>
      </section>
      <section aria-labelledby="renewals-title">
        <h2 id="renewals-title">Renewals coming (notice within 120 days)</h2>
        {v.renewals.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {v.renewals.map((r) => (
              <li key={r.contractId}>
                <strong>{r.name}</strong>: notice by {r.noticeDeadline} ({r.daysToNotice} days).{' '}
                {r.action}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
