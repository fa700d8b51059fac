import { useMemo, useState } from 'react';
import {
  checkManualInvoice,
  type ManualInvoiceError,
  type ManualInvoiceForm,
} from '../../../../shared/billing/manual-invoice';
import { useRouteContext } from '../../../app/RouteContext';
import { useUndo } from '../../../app/UndoContext';
import { useDatabase } from '../../../db/DatabaseContext';
import type { ImportConflict } from '../../../db/import-commit';
import { saveManualInvoice, type BillPdf } from '../../../db/manual-invoice';

/** A sentence for a conflict the commit found (it has the last word: the form checks earlier). */
export function conflictSentence(conflict: ImportConflict): string {
  switch (conflict.kind) {
    case 'invoice-exists':
      return `Invoice ${conflict.invoiceNumber} of account ${conflict.accountNumber} (${conflict.carrierName}) is already stored, from ${conflict.existingFileName}.`;
    case 'file-already-imported':
      return `${conflict.fileName} is already the original of an invoice saved on ${conflict.importedAt.slice(0, 10)}: attach this bill's own PDF, or replace that invoice with this one.`;
    case 'invoice-repeated':
      return `Invoice ${conflict.invoiceNumber} is entered twice.`;
    case 'file-partly-stored':
      return `${conflict.fileName} is already the original of invoices saved on ${conflict.importedAt.slice(0, 10)}.`;
  }
}

/**
 * Checks and saves the form: the errors to show, whether the problem is a repeated invoice (then
 * `save(true)` replaces it on purpose), and the save itself, which can be undone for a while.
 */
export function useManualSave(form: ManualInvoiceForm, storedInvoiceKeys: ReadonlySet<string>) {
  const db = useDatabase();
  const { perform } = useUndo();
  const { navigate } = useRouteContext();
  // After the first "Save", the problems follow the form as it is corrected.
  const [attempted, setAttempted] = useState(false);
  const errors = useMemo<ManualInvoiceError[]>(() => {
    if (!attempted) return [];
    const check = checkManualInvoice(form, { storedInvoiceKeys });
    return check.ok ? [] : check.errors;
  }, [attempted, form, storedInvoiceKeys]);
  // What the commit refused, shown until the form changes.
  const [refused, setRefused] = useState<{ form: ManualInvoiceForm; conflicts: string[] } | null>(
    null,
  );
  const conflicts = refused?.form === form ? refused.conflicts : [];
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState('');

  const save = async (pdf: BillPdf | null, replace: boolean) => {
    const check = checkManualInvoice(form, { storedInvoiceKeys, replace });
    setAttempted(true);
    setRefused(null);
    setFailure('');
    if (!check.ok) return;
    setSaving(true);
    try {
      // clock: the moment the invoice is saved, stamped on its batch and history.
      const outcome = await saveManualInvoice(db, check.value, pdf, { replace, now: new Date() });
      if (!outcome.ok) {
        setRefused({ form, conflicts: outcome.conflicts.map(conflictSentence) });
        return;
      }
      const { invoiceNumber } = check.value;
      await perform('enter-invoice', `Entered invoice ${invoiceNumber} by hand`, async () =>
        Promise.resolve(outcome.undo),
      );
      navigate('bills', outcome.invoiceId);
    } catch (error) {
      setFailure(`Nothing was saved: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setSaving(false);
    }
  };

  const repeated = errors.some((error) => error.duplicate === true) || conflicts.length > 0;
  // Replacing is offered for a repeated invoice only when nothing else stands in the way.
  const replaceable = repeated && errors.every((error) => error.duplicate === true);
  return { errors, conflicts, failure, saving, replaceable, save };
}
