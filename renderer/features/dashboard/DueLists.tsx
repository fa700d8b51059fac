import { DUE_STATE_LABELS } from '../../../shared/billing/invoice-rows';
import type { DashboardFilter } from '../../../shared/billing/dashboard-view';
import { formatCents } from '../../../shared/money/cents';
import { billsLink, contractLink, renewalsLink } from '../../app/links';
import { hrefFor } from '../../app/sections';
import {
  DEADLINE_HORIZON_DAYS,
  type Deadlines,
  type InvoicesToPay,
} from '../../../shared/billing/attention';

const SHOWN = 8;

/** The dates that cost money when missed: contract notice deadlines and invoice due dates. */
export function DueLists({
  toPay,
  renewals,
  filter,
  names,
}: {
  toPay: InvoicesToPay;
  renewals: Deadlines;
  filter: DashboardFilter;
  names: ReadonlyMap<string, string>;
}) {
  return (
    <div className="dashboard-grid dashboard-grid--halves">
      <section className="dashboard-list" aria-labelledby="deadlines-title">
        <h2 id="deadlines-title">Upcoming notice deadlines</h2>
        {renewals.coming.length === 0 ? (
          <p>No contract notice deadline in the next {DEADLINE_HORIZON_DAYS} days.</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Contract</th>
                <th scope="col">Give notice by</th>
                <th scope="col" className="numeric">
                  Days left
                </th>
                <th scope="col" className="numeric">
                  At stake if it renews
                </th>
              </tr>
            </thead>
            <tbody>
              {renewals.coming.slice(0, SHOWN).map((row) => (
                <tr key={row.contractId}>
                  <th scope="row">
                    <a href={contractLink(row.contractId)}>{row.name}</a>
                  </th>
                  <td>{row.noticeDeadline}</td>
                  <td className="numeric">{row.daysToNotice}</td>
                  <td className="numeric">
                    {row.atStakeCents > 0 ? formatCents(row.atStakeCents) : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>
          <a href={renewalsLink()}>All renewals</a>
        </p>
      </section>
      <section className="dashboard-list" aria-labelledby="to-pay-title">
        <h2 id="to-pay-title">Invoices due or overdue</h2>
        {toPay.length === 0 ? (
          <p>Nothing overdue or due within 7 days.</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Invoice</th>
                <th scope="col">Due</th>
                <th scope="col">State</th>
                <th scope="col" className="numeric">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {toPay.slice(0, SHOWN).map(({ invoice, state }) => (
                <tr key={invoice.id}>
                  <th scope="row">
                    <a href={hrefFor('bills', invoice.id)}>
                      {names.get(invoice.carrierId) ?? ''} {invoice.invoiceNumber}
                    </a>
                  </th>
                  <td>{invoice.dueDate}</td>
                  <td className={state}>{DUE_STATE_LABELS[state]}</td>
                  <td className="numeric">
                    {formatCents(invoice.statedTotal ?? invoice.linesTotal)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>
          <a href={billsLink({ carrierId: filter.carrierId, due: ['overdue', 'due-soon'] })}>
            All invoices to pay ({toPay.length})
          </a>
        </p>
      </section>
    </div>
  );
}
