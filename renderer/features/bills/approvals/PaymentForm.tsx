import { useId, useState, type FormEvent } from 'react';
import { isIsoDate, type IsoDate } from '../../../../shared/dates/iso-date';
import type { InvoicePayment } from '../../../../shared/model';
import { FormButtons } from './FormButtons';

/** The payment date and reference of "Mark paid" (one invoice or many). */
export function PaymentForm({
  today,
  count,
  onSubmit,
  onCancel,
}: {
  today: IsoDate;
  /** How many invoices are being marked paid, for the button. */
  count: number;
  onSubmit: (payment: InvoicePayment) => void;
  onCancel: () => void;
}) {
  const dateId = useId();
  const referenceId = useId();
  const [paidOn, setPaidOn] = useState<string>(today);
  const [reference, setReference] = useState('');
  const [problem, setProblem] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isIsoDate(paidOn)) {
      setProblem('Enter the payment date as a date, e.g. 2026-12-02.');
      return;
    }
    onSubmit({ paidOn, reference: reference.trim() });
  };

  return (
    <form className="payment-form" aria-label="Payment" onSubmit={submit}>
      <label htmlFor={dateId}>Payment date</label>
      <input
        id={dateId}
        type="date"
        value={paidOn}
        onChange={(e) => setPaidOn(e.target.value)}
        required
      />
      <label htmlFor={referenceId}>Payment reference (check, ACH trace…)</label>
      <input
        id={referenceId}
        value={reference}
        onChange={(e) => setReference(e.target.value)}
        maxLength={100}
      />
      <FormButtons
        label={count === 1 ? 'Mark paid' : `Mark ${String(count)} invoices paid`}
        onCancel={onCancel}
      />
      {problem && <p role="alert">{problem}</p>}
    </form>
  );
}
