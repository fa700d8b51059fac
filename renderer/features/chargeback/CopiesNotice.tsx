import { copiesBilled, openCopyFindings } from '../../../shared/audit/invoice-copies';
import type { IsoMonth } from '../../../shared/dates/iso-date';
import type { Invoice } from '../../../shared/model';
import { formatCents } from '../../../shared/money/cents';
import { useLiveQuery } from '../../app/useLiveQuery';
import { findingsLink } from '../../app/links';
import { useDatabase } from '../../db/DatabaseContext';
import { monthLabel } from './useChargeback';

/**
 * The month's invoices the checks found repeating another under a new number (`duplicate-invoice`,
 * still open or disputed): the chargeback books them as billed, so cost centers are charged twice
 * for a bill the carrier sent twice unless the copy is deleted. Said above the figures, with the
 * way to the findings; nothing when there is none.
 */
export function CopiesNotice({
  month,
  invoices,
}: {
  month: IsoMonth;
  invoices: readonly Pick<
    Invoice,
    'carrierId' | 'accountNumber' | 'invoiceNumber' | 'statedTotal' | 'linesTotal'
  >[];
}) {
  const db = useDatabase();
  const findings = useLiveQuery(
    () => db.findings.where('ruleId').equals('duplicate-invoice').toArray(),
    [db],
  );
  if (findings.status !== 'ready') return null;
  const copies = openCopyFindings(findings.value, invoices);
  if (copies.length === 0) return null;
  // As booked: a repeated credit's below zero (its finding claims $0.00).
  const total = copiesBilled(copies, invoices);
  const numbers = copies.map((finding) => finding.subject.invoiceNumber ?? '').join(', ');
  const one = copies.length === 1;
  return (
    <p className="notice" role="note" aria-label="Invoices billed twice">
      {one ? '1 invoice' : `${copies.length} invoices`} of {monthLabel(month)} ({numbers},{' '}
      {formatCents(total)}) {one ? 'repeats' : 'repeat'} another under a new number: same account,
      period and charges. {one ? 'It is' : 'They are'} in this chargeback as billed; if the carrier
      sent the bill twice, delete the copy in Bills and dispute it.{' '}
      <a href={findingsLink({ ruleId: 'duplicate-invoice', status: 'open-or-disputed' })}>
        Review {one ? 'the finding' : 'the findings'}
      </a>
    </p>
  );
}
