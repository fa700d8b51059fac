import { useId, useState } from 'react';
import { INVOICE_STATUS_LABELS, NEXT_STATUSES } from '../../../../shared/billing/invoice-rows';
import { todayIso } from '../../../../shared/dates';
import type { Invoice, InvoicePayment, InvoiceStatus } from '../../../../shared/model';
import { useDatabase } from '../../../db/DatabaseContext';
import { setInvoiceStatus } from '../../../db/approvals';
import { PaymentForm } from '../approvals/PaymentForm';

const ACTION_LABELS: Record<InvoiceStatus, string> = {
  received: 'Back to received',
  reviewed: 'Mark reviewed',
  approved: 'Approve',
  paid: 'Mark paid',
  'on-hold': 'Put on hold',
};

/** Who decided the invoice's approval, in a sentence. */
function decisionText(invoice: Invoice): string | null {
  const decision = invoice.approval;
  if (decision === undefined) return null;
  const who = decision.decidedBy === 'policy' ? 'the approval policy' : 'a person';
  return `Decided by ${who} on ${decision.decidedOn}: ${decision.reason}.`;
}

/** The review workflow: received → reviewed → approved → paid, or on hold; each step stamped. */
export function ReviewPanel({ invoice }: { invoice: Invoice }) {
  const db = useDatabase();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [message, setMessage] = useState('');
  const [paying, setPaying] = useState(false);

  const move = async (status: InvoiceStatus, payment?: InvoicePayment) => {
    // clock: the moment of a person's review step
    const outcome = await setInvoiceStatus(db, invoice.id, status, note, new Date(), payment);
    setMessage(
      outcome.ok ? `Marked ${INVOICE_STATUS_LABELS[status].toLowerCase()}.` : outcome.message,
    );
    if (outcome.ok) setNote('');
    setPaying(false);
  };
  const decision = decisionText(invoice);

  return (
    <section className="panel" aria-labelledby="review-title">
      <h2 id="review-title">Review</h2>
      {decision && <p className="approval-decision">{decision}</p>}
      {invoice.payment && (
        <p>
          Paid on {invoice.payment.paidOn}
          {invoice.payment.reference && <>, reference {invoice.payment.reference}</>}.
        </p>
      )}
      {invoice.paymentBatch && (
        <p>
          In payment file {invoice.paymentBatch} ({invoice.exportedForPaymentAt?.slice(0, 10)}).
        </p>
      )}
      {NEXT_STATUSES[invoice.status].length > 0 && (
        <>
          <label htmlFor={noteId}>Note for this step (optional)</label>
          <input
            id={noteId}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={500}
          />
          <div className="button-row">
            {NEXT_STATUSES[invoice.status].map((status) => (
              <button
                key={status}
                type="button"
                className={status === 'on-hold' || status === 'received' ? 'secondary' : undefined}
                onClick={() => (status === 'paid' ? setPaying(true) : void move(status))}
              >
                {ACTION_LABELS[status]}
              </button>
            ))}
          </div>
        </>
      )}
      {paying && (
        <PaymentForm
          // clock: today's date as the payment date's default
          today={todayIso(new Date())}
          count={1}
          onSubmit={(payment) => void move('paid', payment)}
          onCancel={() => setPaying(false)}
        />
      )}
      <p role="status">{message}</p>
      <h3>History</h3>
      <ol className="history" aria-label="Review history">
        {(invoice.history ?? []).map((change, index) => (
          <li key={index}>
            <strong>{INVOICE_STATUS_LABELS[change.status]}</strong>{' '}
            <time dateTime={change.at}>{change.at.slice(0, 16).replace('T', ' ')} UTC</time>
            {change.note && <> — {change.note}</>}
          </li>
        ))}
      </ol>
    </section>
  );
}
