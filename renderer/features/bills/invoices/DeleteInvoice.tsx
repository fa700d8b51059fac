import { useEffect, useRef, useState, type ReactNode } from 'react';
import { formatCents, type Cents } from '../../../../shared/money/cents';
import { useDatabase } from '../../../db/DatabaseContext';
import { useRouteContext } from '../../../app/RouteContext';
import { useUndo } from '../../../app/UndoContext';
import { useLiveQuery } from '../../../app/useLiveQuery';
import { focusIfLost } from '../../../components/focus-if-lost';
import { deleteInvoiceWithUndo } from '../../../db/invoices';
import { loadInvoiceDeletion } from '../../../db/invoice-deletion';
import { deletionSentences } from './deletion-text';

/**
 * Deletes the invoice with its lines after asking, with what goes with it and what stays (its
 * findings, the disputes holding them); Undo puts it back for a while after. The button goes in
 * the page's header, the question under it (`total` is the amount the page shows, named in it).
 * The question's facts are read live while it is open: the checks run in the background after an
 * import and may save findings naming the invoice meanwhile. Escape, like Keep this invoice,
 * closes it and gives the focus back to the button.
 */
export function useDeleteInvoice(
  invoiceId: string,
  invoiceNumber: string,
  total: Cents,
): { button: ReactNode; question: ReactNode } {
  const db = useDatabase();
  const { perform } = useUndo();
  const { navigate } = useRouteContext();
  // The invoice the question is asked for: another invoice opened in this page (the history's
  // Back) is not asked about. The facts name the invoice read: those of the one before are not
  // shown while the next ones are read.
  const [askedFor, setAskedFor] = useState<string | null>(null);
  const asking = askedFor === invoiceId;
  const setAsking = (open: boolean) => setAskedFor(open ? invoiceId : null);
  const facts = useLiveQuery(
    async () => ({
      invoiceId,
      deletion: asking ? await loadInvoiceDeletion(db, invoiceId) : null,
    }),
    [db, invoiceId, asking],
  );
  const deletion =
    asking && facts.status === 'ready' && facts.value.invoiceId === invoiceId
      ? facts.value.deletion
      : null;
  const shown = deletion !== null;
  const question = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasShown = useRef(false);
  // The question takes the focus when it opens; Keep this invoice gives it back to the button.
  useEffect(() => {
    if (shown && !wasShown.current) question.current?.focus();
    else if (!shown && wasShown.current) focusIfLost(opener.current);
    wasShown.current = shown;
  }, [shown]);
  const confirm = () =>
    void perform('delete-invoice', `Deleted invoice ${invoiceNumber}`, () =>
      deleteInvoiceWithUndo(db, invoiceId),
    ).then(() => navigate('bills'));
  const button = (
    <button
      ref={opener}
      type="button"
      className="danger"
      aria-expanded={shown}
      onClick={() => setAsking(true)}
    >
      Delete invoice…
    </button>
  );
  const panel = deletion !== null && (
    <div
      className="notice"
      role="group"
      aria-label="Delete this invoice?"
      // Escape cancels, as Keep this invoice does, and the focus goes back to the button.
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        setAsking(false);
        opener.current?.focus();
      }}
    >
      <p ref={question} tabIndex={-1}>
        <strong>
          Delete invoice {invoiceNumber} ({formatCents(total)})?
        </strong>
      </p>
      {deletionSentences(deletion).map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
      <div className="button-row">
        <button type="button" className="danger" onClick={confirm}>
          Yes, delete this invoice
        </button>
        <button type="button" className="secondary" onClick={() => setAsking(false)}>
          Keep this invoice
        </button>
      </div>
    </div>
  );
  return { button, question: panel };
}
