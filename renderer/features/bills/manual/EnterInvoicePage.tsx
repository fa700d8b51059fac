import { useId, useMemo, useState } from 'react';
import { copyLastMonth } from '../../../../shared/billing/manual-copy';
import { emptyManualForm, type ManualInvoiceForm } from '../../../../shared/billing/manual-invoice';
import type { SuggestedField } from '../../../../shared/billing/pdf-suggestions';
import { accountNumberKey, carrierKey } from '../../../../shared/ids/keys';
import { hrefFor } from '../../../app/sections';
import { useLiveQuery } from '../../../app/useLiveQuery';
import { PageHeader } from '../../../components/PageHeader';
import { useDatabase } from '../../../db/DatabaseContext';
import { loadLatestInvoice, loadManualInvoiceChoices } from '../../../db/manual-invoice';
import { HeaderFields } from './HeaderFields';
import { LinesEditor } from './LinesEditor';
import { PdfViewer } from './PdfViewer';
import { SuggestionsPanel } from './SuggestionsPanel';
import { useManualSave } from './useManualSave';
import { usePdfBill } from './usePdfBill';
import './manual-invoice.css';

/** `#/bills/enter`: a PDF or paper bill typed in by hand, the PDF shown beside the form. */
export function EnterInvoicePage() {
  const db = useDatabase();
  const formId = useId();
  const choices = useLiveQuery(() => loadManualInvoiceChoices(db), [db]);
  const [form, setForm] = useState<ManualInvoiceForm>(() => emptyManualForm());
  const [copyMessage, setCopyMessage] = useState('');
  const bill = usePdfBill();
  const loaded = choices.status === 'ready' ? choices.value : null;
  const storedInvoiceKeys = useMemo(() => loaded?.storedInvoiceKeys ?? new Set<string>(), [loaded]);
  const { errors, conflicts, failure, saving, replaceable, save } = useManualSave(
    form,
    storedInvoiceKeys,
  );

  const carrier = loaded?.carriers.find((c) => carrierKey(c.name) === carrierKey(form.carrierName));
  const account = loaded?.accounts.find(
    (a) =>
      a.carrierId === carrier?.id &&
      accountNumberKey(a.accountNumber) === accountNumberKey(form.accountNumber),
  );
  const services = useMemo(
    () => loaded?.services.filter((service) => service.accountId === account?.id) ?? [],
    [loaded, account],
  );

  const copyLast = async () => {
    const previous =
      carrier && account ? await loadLatestInvoice(db, carrier.id, account.accountNumber) : null;
    if (previous === null) {
      setCopyMessage('Type a carrier and an account that already have an invoice to copy.');
      return;
    }
    setForm(copyLastMonth(previous));
    setCopyMessage(
      `Copied invoice ${previous.invoice.invoiceNumber} of ${previous.invoice.invoiceDate}: dates a month on, lines as they were. Type the new invoice number and stated total.`,
    );
  };
  const current: Record<SuggestedField, string> = {
    accountNumber: form.accountNumber,
    invoiceNumber: form.invoiceNumber,
    invoiceDate: form.invoiceDate,
    dueDate: form.dueDate,
    statedTotal: form.statedTotal,
  };
  const submit = (replace: boolean) => void save(bill.file, replace);

  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <a href={hrefFor('bills')}>Bills</a> › Enter an invoice
      </nav>
      <PageHeader title="Enter an invoice">
        <button type="button" className="secondary" onClick={() => void bill.pick()}>
          {bill.file ? 'Attach another PDF…' : 'Attach the bill PDF…'}
        </button>
        <button type="button" className="secondary" onClick={() => void copyLast()}>
          Copy last month’s invoice
        </button>
      </PageHeader>
      <p className="hint">
        For carriers that send only a PDF or paper: type the header and the charges. The PDF is kept
        as the invoice’s original file.
      </p>
      {copyMessage !== '' && <p role="status">{copyMessage}</p>}
      <div
        className={bill.state.step === 'open' ? 'manual-entry manual-entry--pdf' : 'manual-entry'}
      >
        <form
          className="panel manual-form"
          aria-label="Invoice entered by hand"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit(false);
          }}
        >
          {bill.state.step === 'open' && (
            <SuggestionsPanel
              suggestions={bill.state.suggestions}
              current={current}
              onUse={(s) => setForm((f) => ({ ...f, [s.field]: s.value }))}
            />
          )}
          <HeaderFields
            formId={formId}
            form={form}
            errors={errors}
            carriers={loaded?.carriers.map((c) => c.name) ?? []}
            accounts={
              loaded?.accounts
                .filter((a) => a.carrierId === carrier?.id)
                .map((a) => a.accountNumber) ?? []
            }
            onChange={(field, value) => setForm((f) => ({ ...f, [field]: value }))}
          />
          <LinesEditor
            formId={formId}
            form={form}
            errors={errors}
            services={services}
            onChange={(next) => setForm((f) => ({ ...f, ...next }))}
          />
          {(errors.length > 0 || conflicts.length > 0 || failure !== '') && (
            <div role="alert" className="warnings">
              <p>{failure !== '' ? failure : 'The invoice is not saved yet:'}</p>
              <ul>
                {[...errors.map((e) => e.message), ...conflicts].map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="button-row">
            <button type="submit" disabled={saving || loaded === null}>
              Save invoice
            </button>
            {replaceable && (
              <button
                type="button"
                className="danger"
                disabled={saving}
                onClick={() => submit(true)}
              >
                Replace the stored invoice
              </button>
            )}
            <a className="button-link" href={hrefFor('bills')}>
              Cancel
            </a>
          </div>
        </form>
        {bill.state.step === 'opening' && <p role="status">Opening {bill.state.file.fileName}…</p>}
        {bill.state.step === 'failed' && <p role="alert">{bill.state.message}</p>}
        {bill.state.step === 'open' && (
          <PdfViewer pdf={bill.state.pdf} fileName={bill.state.file.fileName} />
        )}
      </div>
    </>
  );
}
