/**
 * Usage-only files in the CLI, as in the app (`renderer/db/attach-usage.ts`): the read is given
 * the invoices the workspace starts with (a `--workspace` backup's), and usage read for invoices
 * outside its draft (`usageFor`: a backup's invoice, or a bill of another layout in `--bills`) is
 * added to them. A figure a line already has is kept; the file brings the ones it lacks.
 */
import type { BillDraft } from '../../shared/import/draft';
import type { StoredInvoiceRef } from '../../shared/import/stored-usage';
import { newFigures, sameCarrier, withNewFigures } from '../../shared/import/stored-usage';
import { accountNumberKey, invoiceNumberKey } from '../../shared/ids/keys';
import { usageRecordsOf } from '../../shared/ledger/bills';
import type { Carrier, Invoice, UsageRecord } from '../../shared/model';

/**
 * The join keys of the workspace's invoices. Which lines already have usage is settled when the
 * usage is added ({@link attachWorkspaceUsage}), as the app does.
 */
export function workspaceInvoiceRefs(
  invoices: readonly Invoice[],
  carriers: readonly Carrier[],
): StoredInvoiceRef[] {
  const names = new Map(carriers.map((carrier) => [carrier.id, carrier.name]));
  return invoices.map((invoice) => ({
    carrierName: names.get(invoice.carrierId) ?? invoice.carrierId,
    accountNumber: invoice.accountNumber,
    invoiceNumber: invoice.invoiceNumber,
    invoiceDate: invoice.invoiceDate,
    ...(invoice.periodEnd === undefined ? {} : { periodEnd: invoice.periodEnd }),
  }));
}

/** Adds the drafts' usage for invoices outside them to the workspace; returns how many records. */
export function attachWorkspaceUsage(
  drafts: readonly BillDraft[],
  invoices: readonly Invoice[],
  records: UsageRecord[],
  carriers: readonly Carrier[],
): number {
  let added = 0;
  const keyOf = (invoiceId: string | undefined, serviceKey: string) =>
    `${invoiceId ?? ''}\u0000${serviceKey}`;
  const at = new Map(records.map((record, i) => [keyOf(record.invoiceId, record.serviceKey), i]));
  const names = new Map(carriers.map((carrier) => [carrier.id, carrier.name]));
  for (const draft of drafts) {
    for (const target of draft.usageFor ?? []) {
      const invoice = invoices.find(
        (stored) =>
          sameCarrier(names.get(stored.carrierId) ?? '', target.carrierName) &&
          accountNumberKey(stored.accountNumber) === accountNumberKey(target.accountNumber) &&
          invoiceNumberKey(stored.invoiceNumber) === invoiceNumberKey(target.invoiceNumber),
      );
      if (invoice === undefined) continue;
      for (const usage of draft.usage) {
        if (usage.invoiceKey !== target.invoiceKey) continue;
        const [record] = usageRecordsOf([usage], invoice.id);
        if (record === undefined) continue;
        const key = keyOf(invoice.id, record.serviceKey);
        const i = at.get(key);
        const before = i === undefined ? undefined : records[i];
        if (i === undefined || before === undefined) {
          at.set(key, records.length);
          records.push(record);
        }
        // A figure already held is kept; one it does not know is taken (as in the app).
        else if (newFigures(record, before) !== null) records[i] = withNewFigures(before, record);
        else continue;
        added += 1;
      }
    }
  }
  return added;
}
