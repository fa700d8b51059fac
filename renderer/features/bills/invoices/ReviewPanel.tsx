import { useId, useState } from 'react';
import { INVOICE_STATUS_LABELS, NEXT_STATUSES } from '../../../../shared/billing/invoice-rows';
import type { Invoice, InvoiceStatus } from '../../../../shared/model';
import { useDatabase } from '../../../db/DatabaseContext';
import { setInvoiceStatus } from '../../../db/invoices';

const ACTION_LABELS: Record<InvoiceStatus, string> = {
  received: 'Back to received',
  reviewed: 'Mark reviewed',
  approved: 'Approve',
  paid: 'Mark paid',
  'on-hold': 'Put on hold',
};

/** The review workflow: received → reviewed → approved → paid, or on hold; each step stamped. */
export function ReviewPanel({ invoice }: { invoice: Invoice }) {
  const db = useDatabase();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [message, setMessage] = useState('');

  const move = async (status: InvoiceStatus) => {
    const outcome = await setInvoiceStatus(db, invoice.id, status, note);
    setMessage(
      outcome.ok ? `Marked ${INVOICE_STATUS_LABELS[status].toLowerCase()}.` : outcome.message,
    );
    if (outcome.ok) setNote('');
  };

  return (
    <section className="panel" aria-labelledby="review-title">
      <h2 id="review-title">Review</h2>
      <label htmlFor={noteId}>Note for this step (optional)</label>
      <input id={noteId} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      <div className="button-row">
        {NEXT_STATUSES[invoice.status].map((status) => (
          <button
            key={status}
            type="button"
            className={status === 'on-hold' || status === 'received' ? 'secondary' : undefined}
            onClick={() => void move(status)}
          >
            {ACTION_LABELS[status]}
          </button>
        ))}
      </div>
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
