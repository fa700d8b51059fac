import { useState } from 'react';
import { flushSync } from 'react-dom';
import { NO_PREVIOUS_MONTH_TEXT, type Comparison } from '../../../shared/billing/report';
import type { IsoMonth } from '../../../shared/dates';
import { cents, formatCents } from '../../../shared/money/cents';
import { plural } from '../../../shared/text';
import { useDatabase } from '../../db/DatabaseContext';
import { useRouteContext } from '../../app/RouteContext';
import { useLiveQuery } from '../../app/useLiveQuery';
import { MoversTable } from './MoversTable';
import { PageHeader } from '../../components/PageHeader';
import { platform } from '../../platform';
import { loadReport } from './reportData';
import { SpendByCarrierTable, SpendByCostCenterTable } from './ReportSpendTables';

function describe(comparison: Comparison, against: string): string {
  if (comparison.ratio === null) return `No bills ${against} to compare with.`;
  const sign = comparison.change >= 0 ? '+' : '−';
  return `${sign}${formatCents(cents(Math.abs(comparison.change)))} (${sign}${Math.abs(comparison.ratio * 100).toFixed(1)} %) against ${against}`;
}

/** The file name proposed for a month's report, e.g. `TEM Desk report 2026-10.pdf`. */
export function reportPdfName(month: IsoMonth): string {
  return `TEM Desk report ${month}.pdf`;
}

/** The reason of a failed bridge call, without Electron's "Error invoking remote method" wrapper. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, '');
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; path: string }
  | { kind: 'failed'; reason: string }
  | { kind: 'printing' };

/**
 * The report's header: month picker, "Print" and "Save as PDF". In the desktop app the PDF is made
 * by the main process from this page's print layout and saved where the user chooses; a browser
 * has no such bridge, so there "Save as PDF" opens the print dialog, whose destination can be
 * "Save as PDF". None of it is printed.
 */
function ReportHeader({
  title,
  month,
  months,
}: {
  title: string;
  month: IsoMonth;
  months: readonly IsoMonth[];
}) {
  const { navigate } = useRouteContext();
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [stateMonth, setStateMonth] = useState(month);
  if (stateMonth !== month) {
    // Another month: what was said about the last one's PDF no longer applies.
    setStateMonth(month);
    setState({ kind: 'idle' });
  }
  const savePagePdf = platform().savePagePdf;
  const saveAsPdf = async () => {
    if (!savePagePdf) {
      // Show the hint before the print dialog opens: window.print() blocks the page.
      flushSync(() => setState({ kind: 'printing' }));
      window.print();
      return;
    }
    setState({ kind: 'saving' });
    try {
      const result = await savePagePdf(reportPdfName(month));
      setState(result.saved ? { kind: 'saved', path: result.path } : { kind: 'idle' });
    } catch (error) {
      setState({ kind: 'failed', reason: reasonOf(error) });
    }
  };
  return (
    <>
      <PageHeader title={`Telecom spend report — ${title}`}>
        <label className="inline no-print">
          Month
          <select value={month} onChange={(e) => navigate('dashboard', 'report', e.target.value)}>
            {[...months].reverse().map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="no-print" onClick={() => window.print()}>
          Print
        </button>
        <button
          type="button"
          className="no-print"
          disabled={state.kind === 'saving'}
          onClick={() => void saveAsPdf()}
        >
          Save as PDF
        </button>
      </PageHeader>
      <p role="status" className="report-output-status hint no-print">
        {state.kind === 'saving' && 'Saving the PDF…'}
        {state.kind === 'saved' && `Saved to ${state.path}`}
        {state.kind === 'printing' &&
          'In the print dialog, choose “Save as PDF” as the destination to save the report as a file.'}
      </p>
      {state.kind === 'failed' && (
        <p role="alert" className="report-output-status no-print">
          Could not save the PDF: {state.reason}
        </p>
      )}
    </>
  );
}

/** One page per month for management: spend, how it moved, findings and renewals. Printable. */
export function MonthlyReportPage({ month }: { month?: string }) {
  const db = useDatabase();
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
    <article className="monthly-report" aria-label={`Telecom spend report — ${title}`}>
      <p className="breadcrumb no-print">
        <a href="#/dashboard">← Dashboard</a>
      </p>
      <ReportHeader title={title} month={v.month} months={v.months} />
      {v.organization && <p className="report-org">{v.organization}</p>}
      <dl className="tiles">
        <div className="tile">
          <dt>Billed this month</dt>
          <dd>{formatCents(v.report.vsPreviousMonth.current)}</dd>
          {v.report.notItemised !== 0 && (
            <dd className="tile__meta">
              in the charge lines; the invoices state {formatCents(v.report.stated)} (
              {formatCents(v.report.notItemised)} not itemised)
            </dd>
          )}
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
      <section aria-labelledby="by-carrier-title">
        <h2 id="by-carrier-title">Spend by carrier</h2>
        <SpendByCarrierTable rows={v.byCarrier} month={v.month} />
      </section>
      <section aria-labelledby="by-cost-center-title">
        <h2 id="by-cost-center-title">Spend by cost center</h2>
        <SpendByCostCenterTable rows={v.byCostCenter} month={v.month} />
      </section>
      <section aria-labelledby="movers-title">
        <h2 id="movers-title">Biggest changes since last month</h2>
        <MoversTable
          movers={v.report.movers}
          names={v.carrierNames}
          previousLabel="Last month"
          currentLabel="This month"
          emptyText={v.report.previousMonthBilled ? undefined : NO_PREVIOUS_MONTH_TEXT}
        />
      </section>
      <section aria-labelledby="findings-title">
        <h2 id="findings-title">Billing errors and recoveries</h2>
        <p>
          {v.foundCount === 0
            ? 'None found this month'
            : `${plural(v.foundCount, 'finding')} found this month (${formatCents(v.foundImpact)})`}
          ; {plural(v.openCount, 'finding')} open or disputed in all, {formatCents(v.atStake)} at
          stake
          {v.atRisk > 0 && <>, and {formatCents(v.atRisk)} at risk (billed for unknown services)</>}
          .
        </p>
        <p>
          Recovered as carrier credits: {formatCents(v.recoveries.thisMonth)} this month,{' '}
          {formatCents(v.recoveries.toDate)} to date (as of {v.today}).{' '}
          {v.recoveries.openDisputes === 0
            ? 'No dispute open'
            : `${plural(v.recoveries.openDisputes, 'dispute')} open`}
          , {formatCents(v.recoveries.stillClaimed)} still claimed.
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
