import { useDatabase } from '../../../db/DatabaseContext';
import { useRouteContext } from '../../../app/RouteContext';
import { useUndo } from '../../../app/UndoContext';
import { deleteInvoiceWithUndo } from '../../../db/invoices';

/** Deletes the invoice with its lines; Undo puts it back for a while after. */
export function DeleteInvoiceButton({
  invoiceId,
  invoiceNumber,
}: {
  invoiceId: string;
  invoiceNumber: string;
}) {
  const db = useDatabase();
  const { perform } = useUndo();
  const { navigate } = useRouteContext();
  return (
    <button
      type="button"
      className="danger"
      onClick={() =>
        void perform('delete-invoice', `Deleted invoice ${invoiceNumber}`, () =>
          deleteInvoiceWithUndo(db, invoiceId),
        ).then(() => navigate('bills'))
      }
    >
      Delete invoice
    </button>
  );
}
