import { MANUAL_PROFILE_ID } from '../../../../shared/billing/manual-invoice';
import { Fragment, useEffect } from 'react';
import type { InvoiceBalance } from '../../../../shared/model';
import { cents, formatCents, type Cents } from '../../../../shared/money/cents';
import {
  DUE_STATE_LABELS,
  dueState,
  INVOICE_STATUS_LABELS,
} from '../../../../shared/billing/invoice-rows';
import { todayIso } from '../../../../shared/dates';
import { useDatabase } from '../../../db/DatabaseContext';
import { useLiveQuery } from '../../../app/useLiveQuery';
import { PageHeader } from '../../../components/PageHeader';
import { focusIfLost } from '../../../components/focus-if-lost';
import { formatMaybeCents } from '../../../components/format';
import { loadInvoiceDetail } from '../../../db/invoices';
import { ChargeLinesPanel } from './ChargeLinesPanel';
import { InvoiceFindingsPanel } from './InvoiceFindingsPanel';
import { OriginalFileButton } from './OriginalFileButton';
import { ReviewPanel } from './ReviewPanel';
import { useDeleteInvoice } from './DeleteInvoice';
import { ExchangeFacts } from './ExchangeFacts';

/** One invoice: its facts, review workflow and history, charge lines, usage and original file. */
export function InvoiceDetailPage({ invoiceId }: { invoiceId: string }) {
  const db = useDatabase();
  const detail = useLiveQuery(() => loadInvoiceDetail(db, invoiceId), [db, invoiceId]);
  const shown = detail.status === 'ready' ? detail.value?.invoice : undefined;
  const deletion = useDeleteInvoice(
    invoiceId,
    shown?.invoiceNumber ?? '',
    shown?.statedTotal ?? shown?.linesTotal ?? cents(0),
  );
  // Opened with Enter in the Bills grid, the grid went with the list: focus goes to the invoice's
  // heading once it is read (PageHeader leaves focus that is already lost alone).
  const loaded = detail.status === 'ready' && detail.value !== null;
  useEffect(() => {
    if (loaded) focusIfLost(document.querySelector<HTMLElement>('main h1'));
  }, [loaded, invoiceId]);

  if (detail.status === 'loading') return <p role="status">Loading invoice…</p>;
  if (detail.status === 'error') return <p role="alert">{detail.error.message}</p>;
  if (!detail.value) {
    return (
      <>
        <PageHeader title="Invoice not found" />
        <p>
          This invoice is no longer stored. <a href="#/bills">Back to all invoices</a>
        </p>
      </>
    );
  }
  const { invoice, carrierName, batches } = detail.value;
  const difference = invoice.statedTotal === null ? null : invoice.statedTotal - invoice.linesTotal;
  const due = dueState(invoice, todayIso(new Date()));

  return (
    <>
      <p className="breadcrumb">
        <a href="#/bills">← All invoices</a>
      </p>
      <PageHeader title={`Invoice ${invoice.invoiceNumber}`}>
        {batches.map((batch) => (
          <OriginalFileButton key={batch.id} batchId={batch.id} fileName={batch.fileName} />
        ))}
        {deletion.button}
      </PageHeader>
      {deletion.question}
      <div className="detail-grid">
        <section className="panel" aria-labelledby="invoice-facts">
          <h2 id="invoice-facts">{carrierName}</h2>
          <dl className="facts">
            <dt>Account</dt>
            <dd>{invoice.accountNumber}</dd>
            <dt>Invoice date</dt>
            <dd>{invoice.invoiceDate}</dd>
            <dt>Billing period</dt>
            <dd>
              {invoice.periodStart && invoice.periodEnd
                ? `${invoice.periodStart} – ${invoice.periodEnd}`
                : '—'}
            </dd>
            <dt>Due date</dt>
            <dd>
              {invoice.dueDate ?? '—'}{' '}
              {(due === 'overdue' || due === 'due-soon') && (
                <span className={`badge ${due === 'overdue' ? 'badge--danger' : 'badge--warning'}`}>
                  {DUE_STATE_LABELS[due]}
                </span>
              )}
            </dd>
            <dt>Stated total</dt>
            <dd>{formatMaybeCents(invoice.statedTotal)}</dd>
            <dt>Sum of charge lines</dt>
            <dd>{formatCents(invoice.linesTotal)}</dd>
            {invoice.exchange !== undefined && <ExchangeFacts exchange={invoice.exchange} />}
            <dt>Difference</dt>
            <dd className={difference ? 'money-mismatch' : undefined}>
              {difference === null
                ? '—'
                : difference === 0
                  ? 'None — the lines add up to the stated total'
                  : formatCents(cents(difference))}
            </dd>
            {invoice.balance !== undefined && <BalanceFacts balance={invoice.balance} />}
            <dt>Status</dt>
            <dd>{INVOICE_STATUS_LABELS[invoice.status]}</dd>
            <dt>
              {batches.every((batch) => batch.profileId === MANUAL_PROFILE_ID)
                ? 'Entered by hand with'
                : 'Imported from'}
            </dt>
            <dd>
              {batches.length === 0
                ? '—'
                : batches
                    .map((batch) => {
                      const files = (invoice.parts ?? [])
                        .filter((part) => part.importBatchId === batch.id)
                        .map((part) => part.sourceFile);
                      const inside = (files.length > 0 ? files : [invoice.sourceFile ?? '']).filter(
                        (file) => file !== '' && file !== batch.fileName,
                      );
                      return `${batch.fileName}${inside.length > 0 ? ` (${inside.join(', ')})` : ''}, ${batch.importedAt.slice(0, 10)}`;
                    })
                    .join('; ')}
            </dd>
          </dl>
        </section>
        <ReviewPanel invoice={invoice} />
      </div>
      <InvoiceFindingsPanel invoice={invoice} />
      <ChargeLinesPanel invoiceId={invoice.id} />
    </>
  );
}

/** The account's balance as the bill states it: what was owed, paid and adjusted, and what is due. */
function BalanceFacts({ balance }: { balance: InvoiceBalance }) {
  const rows: [string, Cents | undefined][] = [
    ['Previous balance', balance.previousBalance],
    ['Payments', balance.payments],
    ['Adjustments', balance.adjustments],
    ['Balance forward', balance.balanceForward],
    ['Amount due', balance.amountDue],
  ];
  return (
    <>
      {rows
        .filter((row): row is [string, Cents] => row[1] !== undefined)
        .map(([label, amount]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{formatCents(amount)}</dd>
          </Fragment>
        ))}
    </>
  );
}
