import { spendSummary, type SpendSummary } from '../../../shared/billing/summary';
import { formatCents } from '../../../shared/money/cents';
import { useDatabase } from '../../app/DatabaseContext';
import { useLiveQuery } from '../../app/useLiveQuery';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { ImportPanel } from '../bills/import/ImportPanel';
import { SampleCompanyButton } from '../bills/import/ImportButtons';

/**
 * The dashboard reads invoice aggregates only (a few thousand records for years of bills), never
 * the charge lines, so it opens in well under a second with a million lines stored.
 */
export function DashboardPage() {
  const db = useDatabase();
  const summary = useLiveQuery(async () => spendSummary(await db.invoices.toArray()), [db]);

  return (
    <>
      <PageHeader title="Dashboard" />
      <ImportPanel />
      <div
        className="dashboard"
        data-state={summary.status}
        aria-busy={summary.status === 'loading'}
      >
        {summary.status === 'loading' && <p role="status">Loading your spend…</p>}
        {summary.status === 'error' && (
          <p role="alert">The dashboard could not be loaded: {summary.error.message}</p>
        )}
        {summary.status === 'ready' &&
          (summary.value.invoiceCount === 0 ? (
            <EmptyState
              title="Your telecom spend will appear here"
              actions={<SampleCompanyButton />}
              steps={[
                'Open Bills and import a carrier bill file.',
                'Come back here to see spend by month, carrier and category.',
              ]}
            >
              <p>
                Monthly spend by carrier, spend by category, the biggest movers, money at stake in
                billing errors and the contract deadlines coming up.
              </p>
            </EmptyState>
          ) : (
            <SpendOverview summary={summary.value} />
          ))}
      </div>
    </>
  );
}

function SpendOverview({ summary }: { summary: SpendSummary }) {
  const recentMonths = summary.byMonth.slice(-12);
  return (
    <>
      <dl className="tiles">
        <Tile label="Total billed" value={formatCents(summary.total)} />
        <Tile label="Invoices" value={summary.invoiceCount.toLocaleString('en-US')} />
        <Tile label="Charge lines" value={summary.lineCount.toLocaleString('en-US')} />
        <Tile label="Carriers" value={summary.carrierCount.toLocaleString('en-US')} />
        <Tile label="Accounts" value={summary.accountCount.toLocaleString('en-US')} />
      </dl>
      <table className="data-table">
        <caption>Billed by month (last {recentMonths.length})</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col" className="numeric">
              Invoices
            </th>
            <th scope="col" className="numeric">
              Billed
            </th>
          </tr>
        </thead>
        <tbody>
          {recentMonths.map((month) => (
            <tr key={month.month}>
              <th scope="row">{month.month}</th>
              <td className="numeric">{month.invoiceCount}</td>
              <td className="numeric">{formatCents(month.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Tile({ label, value }: { label: string; value: string }) {
  return (
    <div className="tile">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
