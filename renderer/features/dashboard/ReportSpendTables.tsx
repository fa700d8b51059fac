import {
  NO_PREVIOUS_MONTH_TEXT,
  type CarrierSpend,
  type CostCenterSpend,
} from '../../../shared/billing/report';
import type { IsoMonth } from '../../../shared/dates';
import { cents, formatCents, sumCents, type Cents } from '../../../shared/money/cents';
import { billsLink } from '../../app/links';
import { signedCents } from './MoversTable';

/** The month's billed total by carrier beside the month before; each carrier opens its invoices. */
export function SpendByCarrierTable({ rows, month }: { rows: CarrierSpend[]; month: IsoMonth }) {
  if (rows.length === 0) return <p>No carrier billed this month or the month before.</p>;
  // No bills at all the month before: "—" (nothing to compare with), never $0.00 and a change.
  const compared = rows.every((row) => row.previous !== null);
  const total = (values: (Cents | null)[]) =>
    compared ? sumCents(values.map((value) => value ?? cents(0))) : null;
  return (
    <table className="data-table">
      <caption className="visually-hidden">Spend by carrier, {month}</caption>
      <thead>
        <tr>
          <th scope="col">Carrier</th>
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
        {rows.map((row) => (
          <tr key={row.carrierId}>
            <th scope="row">
              <a href={billsLink({ carrierId: row.carrierId, from: month, to: month })}>
                {row.carrier}
              </a>
            </th>
            <td className="numeric">{moneyOrDash(row.previous, formatCents)}</td>
            <td className="numeric">{formatCents(row.current)}</td>
            <td className={`numeric ${changeTone(row.change)}`}>
              {moneyOrDash(row.change, signedCents)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td className="numeric">
            {moneyOrDash(total(rows.map((r) => r.previous)), formatCents)}
          </td>
          <td className="numeric">{formatCents(sumCents(rows.map((r) => r.current)))}</td>
          <td className="numeric">{moneyOrDash(total(rows.map((r) => r.change)), signedCents)}</td>
        </tr>
        {!compared && (
          <tr>
            <td colSpan={4} className="hint">
              {NO_PREVIOUS_MONTH_TEXT}
            </td>
          </tr>
        )}
      </tfoot>
    </table>
  );
}

/** A figure, or "—" (its reason as a tooltip and for screen readers): nothing to compare with. */
function moneyOrDash(value: Cents | null, format: (value: Cents) => string) {
  if (value !== null) return format(value);
  return (
    <span title={NO_PREVIOUS_MONTH_TEXT} aria-label={`— (${NO_PREVIOUS_MONTH_TEXT})`}>
      —
    </span>
  );
}

function changeTone(change: Cents | null): string {
  if (change === null || change === 0) return '';
  return change > 0 ? 'up' : 'down';
}

/** The month by cost center, exactly as the chargeback allocates it (before mark-up). */
export function SpendByCostCenterTable({
  rows,
  month,
}: {
  rows: CostCenterSpend[];
  month: IsoMonth;
}) {
  if (rows.length === 0) return <p>Nothing to allocate this month.</p>;
  const total = sumCents(rows.map((r) => r.total));
  return (
    <>
      <table className="data-table">
        <caption className="visually-hidden">Spend by cost center, {month}</caption>
        <thead>
          <tr>
            <th scope="col">Cost center</th>
            <th scope="col">Name</th>
            <th scope="col" className="numeric">
              Amount
            </th>
            <th scope="col" className="numeric">
              Share
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.notItemised ? 'not-itemised' : (row.costCenterId ?? 'unallocated')}>
              <th scope="row">{row.code}</th>
              <td>{row.name}</td>
              <td className="numeric">{formatCents(row.total)}</td>
              <td className="numeric">
                {total === 0 ? '—' : `${((row.total / total) * 100).toFixed(1)} %`}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              Total
            </th>
            <td className="numeric">{formatCents(total)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <p className="hint">
        As the chargeback allocates the month (its basis, split rules and account policies), before
        mark-up.
      </p>
    </>
  );
}
