import type { FindingsView } from '../../../shared/audit/dashboard-findings';
import type { DashboardFilter } from '../../../shared/billing/dashboard-view';
import { formatCents, type Cents } from '../../../shared/money/cents';
import { plural } from '../../../shared/text/wording';
import { billsLink, findingsLink, renewalsLink } from '../../app/links';
import type { Deadlines, InvoicesToPay } from '../../../shared/billing/attention';

/** What needs the user's attention now, each tile a link to the grid behind it, filtered. */
export function AttentionTiles({
  toPay,
  renewals,
  filter,
  findings,
  months,
}: {
  toPay: InvoicesToPay;
  renewals: Deadlines;
  filter: DashboardFilter;
  findings: FindingsView;
  months: readonly string[];
}) {
  const overdue = toPay.filter((row) => row.state === 'overdue').length;
  return (
    <ul className="tiles attention" aria-label="Needs attention">
      <li className="tile">
        <a
          href={findingsLink({
            carrierId: filter.carrierId,
            status: 'open-or-disputed',
            from: months[0],
            to: months.at(-1),
          })}
        >
          <span className="tile__label">Money at stake (open or disputed)</span>
          <span className="tile__value">{formatCents(findings.atStake)}</span>
          <span className="tile__meta">
            {plural(findings.openCount, 'finding')} open or disputed in these months
            {findings.atRisk > 0 && `; ${formatCents(findings.atRisk)} at risk (unknown services)`}
          </span>
          {findings.outside.count > 0 && (
            <span className="tile__meta">
              {outsideSentence(findings.outside.count, findings.outside.atStake)}
            </span>
          )}
        </a>
      </li>
      <li className="tile">
        <a href={billsLink({ carrierId: filter.carrierId, due: ['overdue', 'due-soon'] })}>
          <span className="tile__label">Invoices to pay</span>
          <span className="tile__value">{overdue} overdue</span>
          <span className="tile__meta">{toPay.length - overdue} due within 7 days</span>
        </a>
      </li>
      <li className="tile">
        <a href={renewalsLink()}>
          <span className="tile__label">Contract notice deadlines</span>
          <span className="tile__value">{renewals.within90} in 90 days</span>
          <span className="tile__meta">{renewals.past} past deadline or out of contract</span>
        </a>
      </li>
    </ul>
  );
}

/** The open findings the dashboard's months leave out, which the Findings page lists. */
export function outsideSentence(count: number, atStake: Cents): string {
  const more = `${count.toLocaleString('en-US')} more open finding${count === 1 ? '' : 's'}`;
  const money = atStake > 0 ? ` (${formatCents(atStake)} at stake)` : '';
  return `${more}${money} billed outside these months, listed on the Findings page.`;
}
