import { useState } from 'react';
import { todayIso } from '../../../../shared/dates';
import type { InvoicePayment } from '../../../../shared/model';
import { useUndo } from '../../../app/UndoContext';
import { useDatabase } from '../../../db/DatabaseContext';
import { setInvoicesStatus, type BULK_FROM } from '../../../db/approvals';
import { PaymentForm } from './PaymentForm';

type BulkStatus = keyof typeof BULK_FROM;

const DONE: Record<BulkStatus, string> = {
  approved: 'Approved',
  'on-hold': 'Put on hold',
  paid: 'Marked paid',
};

/** Approve, hold or mark paid every selected invoice at once; each action can be undone. */
export function InvoiceBulkBar({ ids, onDone }: { ids: readonly string[]; onDone: () => void }) {
  const db = useDatabase();
  const { perform } = useUndo();
  const [paying, setPaying] = useState(false);
  const [message, setMessage] = useState('');

  const apply = async (status: BulkStatus, payment?: InvoicePayment) => {
    setPaying(false);
    // clock: the moment of a person's bulk review step
    const outcome = await setInvoicesStatus(db, ids, status, { payment, now: new Date() });
    const changed = `${String(outcome.changed)} invoice${outcome.changed === 1 ? '' : 's'}`;
    const skipped =
      outcome.skipped === 0
        ? ''
        : ` ${String(outcome.skipped)} left as they were (already ${status === 'paid' ? 'paid' : 'in that step or paid'}).`;
    // The step is done; Undo puts back exactly the invoices it changed.
    await perform('invoices-bulk', `${DONE[status]} ${changed}`, () =>
      Promise.resolve(outcome.undo),
    );
    setMessage(`${DONE[status]}: ${changed}.${skipped}`);
    onDone();
  };

  if (ids.length === 0) return message ? <p role="status">{message}</p> : null;
  return (
    <div
      className="bulk-bar"
      role="group"
      aria-label={`Actions for ${String(ids.length)} selected invoices`}
    >
      <strong>{ids.length} selected</strong>
      <button type="button" onClick={() => void apply('approved')}>
        Approve
      </button>
      <button type="button" className="secondary" onClick={() => void apply('on-hold')}>
        Hold
      </button>
      <button type="button" onClick={() => setPaying(true)}>
        Mark paid…
      </button>
      {paying && (
        <PaymentForm
          // clock: today's date as the payment date's default
          today={todayIso(new Date())}
          count={ids.length}
          onSubmit={(payment) => void apply('paid', payment)}
          onCancel={() => setPaying(false)}
        />
      )}
      {message && <p role="status">{message}</p>}
    </div>
  );
}
