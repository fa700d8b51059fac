import { notItemisedTotal, type AllocationResult } from '../../../shared/allocation';
import { notItemisedNote } from '../../../shared/export';
import { cents, formatCents } from '../../../shared/money/cents';

/**
 * The month's check: what was allocated plus what is left unallocated equals the invoices, to the
 * cent; and whether everything is allocated yet.
 */
export function ReconciliationCheck({
  result,
  onShowExceptions,
}: {
  result: AllocationResult;
  onShowExceptions: () => void;
}) {
  const { invoices, allocated, unallocated, markup } = result.totals;
  const difference = cents(invoices - allocated - unallocated);
  const reconciled = difference === 0;
  return (
    <section className="reconciliation" aria-label="Reconciliation check">
      <dl className="tiles">
        <div className="tile">
          <dt>{invoicesLabel(result)}</dt>
          <dd>{formatCents(invoices)}</dd>
        </div>
        <div className="tile">
          <dt>Allocated to cost centers</dt>
          <dd>{formatCents(allocated)}</dd>
        </div>
        <div className="tile">
          <dt>Unallocated</dt>
          <dd className={unallocated === 0 ? undefined : 'money-mismatch'}>
            {formatCents(unallocated)}
          </dd>
        </div>
        <div className="tile">
          <dt>Mark-up (not in the totals)</dt>
          <dd>{formatCents(markup)}</dd>
        </div>
      </dl>
      <p role="status" className={reconciled ? 'check check--ok' : 'check check--bad'}>
        {reconciled ? (
          <>
            <span className="badge badge--ok">Reconciled to the cent</span> Allocated{' '}
            {formatCents(allocated)} + unallocated {formatCents(unallocated)} ={' '}
            {result.basis === 'service-period' ? "the month's share of the invoices" : 'invoices'}{' '}
            {formatCents(invoices)}.
          </>
        ) : (
          <>
            <span className="badge badge--danger">Does not reconcile</span> Difference{' '}
            {formatCents(difference)} between the invoices and the allocation.
          </>
        )}{' '}
        {unallocated === 0 ? (
          'Every charge is allocated.'
        ) : (
          <button type="button" className="link-button" onClick={onShowExceptions}>
            {result.exceptions.length} charge lines are unallocated — see the exceptions
          </button>
        )}
      </p>
      {notItemisedTotal(result) !== 0 && (
        <p role="note" className="check check--bad" aria-label="Invoice totals not itemised">
          {notItemisedNote(result)}
        </p>
      )}
    </section>
  );
}

/**
 * What the first tile holds: the month's invoices (by invoice date), or, by service period, the
 * part of the invoices' lines whose service falls in the month, which is not an invoice total.
 */
export function invoicesLabel(result: Pick<AllocationResult, 'basis' | 'invoiceCount'>): string {
  const invoices = `${result.invoiceCount} invoice${result.invoiceCount === 1 ? '' : 's'}`;
  return result.basis === 'service-period'
    ? `Billed for service in the month (from ${invoices}, split by days)`
    : `Invoice total (${invoices})`;
}
