import { cents, formatCents } from '../../../shared/money/cents';
import { formatMaybeCents } from '../../components/format';
import type { DisputeRecord } from '../../db/findings';
import { BEYOND_CLAIM_LABEL, letterClaim, type LetterItem } from './letter';

/** What a draft's letter says instead of a filed date: the day it was opened is no filing. */
export const DRAFT_LETTER_STATUS = 'Draft, not yet filed with the carrier';

/**
 * The printable claim: who, what, and every item with invoice, line, billed, expected, difference.
 * A draft's says it is a draft not yet filed, never a filed date.
 */
export function DisputeLetter({
  dispute,
  carrier,
  company,
  items,
}: {
  dispute: DisputeRecord;
  carrier: string;
  /** The user's organisation (Settings), who the letter is from; '' when not set. */
  company: string;
  items: readonly LetterItem[];
}) {
  const { claimed, credited, stillDue, beyondClaim } = letterClaim(dispute, items);
  return (
    <article className="dispute-letter" aria-label="Dispute letter">
      <div className="button-row no-print">
        <button type="button" onClick={() => window.print()}>
          Print letter
        </button>
      </div>
      <h3>Billing dispute — {carrier}</h3>
      <dl className="facts">
        {company && (
          <>
            <dt>From</dt>
            <dd>{company}</dd>
          </>
        )}
        <dt>Account</dt>
        <dd>{dispute.accountNumber}</dd>
        <dt>Ticket</dt>
        <dd>{dispute.carrierReference ?? '—'}</dd>
        {dispute.status === 'draft' ? (
          <>
            <dt>Status</dt>
            <dd>{DRAFT_LETTER_STATUS}</dd>
          </>
        ) : (
          <>
            <dt>Filed on</dt>
            <dd>{dispute.submittedOn ?? dispute.openedOn}</dd>
          </>
        )}
        {dispute.contact && (
          <>
            <dt>Contact</dt>
            <dd>{dispute.contact}</dd>
          </>
        )}
      </dl>
      <p>
        We dispute the charges below, found by reviewing our invoices against our contract and
        service inventory, and request a credit of {formatCents(stillDue)} on the account
        {credited > 0
          ? ` (${formatCents(claimed)} disputed, of which ${formatCents(credited)} has been credited so far)`
          : ''}
        .
      </p>
      <table className="data-table letter-table">
        <caption>Disputed items</caption>
        <thead>
          <tr>
            <th scope="col">Invoice</th>
            <th scope="col">Date</th>
            <th scope="col">Lines</th>
            <th scope="col">Service</th>
            <th scope="col" className="letter-issue">
              Issue
            </th>
            <th scope="col" className="numeric">
              Billed
            </th>
            <th scope="col" className="numeric">
              Expected
            </th>
            <th scope="col" className="numeric">
              Difference
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.findingId}|${item.invoiceNumber}`}>
              <td>{item.invoiceNumber || '—'}</td>
              <td>{item.invoiceDate || '—'}</td>
              <td>{item.lines || '—'}</td>
              <td>{item.service || '—'}</td>
              <td className="letter-issue">
                <strong>{item.rule}</strong>
                <br />
                {item.explanation}
              </td>
              <td className="numeric">{formatMaybeCents(item.billed)}</td>
              <td className="numeric">{formatMaybeCents(item.expected)}</td>
              <td className="numeric">{formatCents(item.difference)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {credited > 0 && (
            <>
              <tr>
                <th scope="row" colSpan={7}>
                  Total disputed
                </th>
                <td className="numeric">{formatCents(claimed)}</td>
              </tr>
              <tr>
                <th scope="row" colSpan={7}>
                  Credits received
                </th>
                <td className="numeric">{formatCents(cents(-credited))}</td>
              </tr>
              {beyondClaim > 0 && (
                <tr>
                  <th scope="row" colSpan={7}>
                    {BEYOND_CLAIM_LABEL}
                  </th>
                  <td className="numeric">{formatCents(beyondClaim)}</td>
                </tr>
              )}
            </>
          )}
          <tr>
            <th scope="row" colSpan={7}>
              {credited > 0 ? 'Credit still requested' : 'Total credit requested'}
            </th>
            <td className="numeric">{formatCents(stillDue)}</td>
          </tr>
        </tfoot>
      </table>
      {dispute.notes && <p>{dispute.notes}</p>}
    </article>
  );
}
