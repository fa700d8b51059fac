import { useEffect, useRef, useState, type ReactNode } from 'react';
import { formatCents, type Cents } from '../../../../shared/money/cents';
import { useDatabase } from '../../../db/DatabaseContext';
import { useRouteContext } from '../../../app/RouteContext';
import { useUndo } from '../../../app/UndoContext';
import { focusIfLost } from '../../../components/focus-if-lost';
import { deleteInvoiceWithUndo } from '../../../db/invoices';
import { loadInvoiceDeletion, type InvoiceDeletion } from '../../../db/invoice-deletion';
import { deletionSentences } from './deletion-text';

/**
 * Deletes the invoice with its lines after asking, with what goes with it and what stays (its
 * findings, the disputes holding them); Undo puts it back for a while after. The button goes in
 * the page's header, the question under it (`total` is the amount the page shows, named in it).
 */
export function useDeleteInvoice(
  invoiceId: string,
  invoiceNumber: string,
  total: Cents,
): { button: ReactNode; question: ReactNode } {
  const db = useDatabase();
  const { perform } = useUndo();
  const { navigate } = useRouteContext();
  const [asking, setAsking] = useState<InvoiceDeletion | null>(null);
  const question = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  // The question takes the focus when it opens; Keep this invoice gives it back to the button.
  useEffect(() => {
    if (asking !== null) question.current?.focus();
    else if (wasAsking.current) focusIfLost(opener.current);
    wasAsking.current = asking !== null;
  }, [asking]);
  const ask = async () => setAsking(await loadInvoiceDeletion(db, invoiceId));
  const confirm = () =>
    void perform('delete-invoice', `Deleted invoice ${invoiceNumber}`, () =>
      deleteInvoiceWithUndo(db, invoiceId),
    ).then(() => navigate('bills'));
  const button = (
    <button
      ref={opener}
      type="button"
      className="danger"
      aria-expanded={asking !== null}
      onClick={() => void ask()}
    >
      Delete invoice…
    </button>
  );
  const panel = asking !== null && (
    <div className="notice" role="group" aria-label="Delete this invoice?">
      <p ref={question} tabIndex={-1}>
        <strong>
          Delete invoice {invoiceNumber} ({formatCents(total)})?
        </strong>
      </p>
      {deletionSentences(asking).map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
      <div className="button-row">
        <button type="button" className="danger" onClick={confirm}>
          Yes, delete this invoice
        </button>
        <button type="button" className="secondary" onClick={() => setAsking(null)}>
          Keep this invoice
        </button>
      </div>
    </div>
  );
  return { button, question: panel };
}
