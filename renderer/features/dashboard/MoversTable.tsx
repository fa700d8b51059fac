import type { Mover } from '../../../shared/billing/report';
import { cents, formatCents, type Cents } from '../../../shared/money/cents';

/** `+$1,007.00` / `−$3,076.17`: a change with its sign, red when spend went up. */
export function signedCents(amount: Cents): string {
  return `${amount > 0 ? '+' : amount < 0 ? '−' : ''}${formatCents(cents(Math.abs(amount)))}`;
}

/** The accounts whose bill moved most between two months, largest change first. */
export function MoversTable({
  movers,
  names,
  caption,
  previousLabel,
  currentLabel,
  linkFor,
  emptyText = 'No account changed between these two months.',
}: {
  movers: readonly Mover[];
  names: ReadonlyMap<string, string>;
  caption?: string;
  previousLabel: string;
  currentLabel: string;
  /** Where a mover's row leads (its invoices), if anywhere. */
  linkFor?: (mover: Mover) => string;
  /** The sentence shown instead of rows when none moved (or there is nothing to compare with). */
  emptyText?: string;
}) {
  return (
    <table className="data-table">
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">Account</th>
          <th scope="col" className="numeric">
            {previousLabel}
          </th>
          <th scope="col" className="numeric">
            {currentLabel}
          </th>
          <th scope="col" className="numeric">
            Change
          </th>
        </tr>
      </thead>
      <tbody>
        {movers.length === 0 && (
          <tr>
            <td colSpan={4}>{emptyText}</td>
          </tr>
        )}
        {movers.map((mover) => {
          const name = `${names.get(mover.carrierId) ?? mover.carrierId} ${mover.accountNumber}`;
          return (
            <tr key={`${mover.carrierId}|${mover.accountNumber}`}>
              <th scope="row">{linkFor ? <a href={linkFor(mover)}>{name}</a> : name}</th>
              <td className="numeric">{formatCents(mover.previous)}</td>
              <td className="numeric">{formatCents(mover.current)}</td>
              <td className={`numeric ${mover.change > 0 ? 'up' : 'down'}`}>
                {signedCents(mover.change)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
