/**
 * Usage-only files in the CLI, as in the app (`renderer/db/attach-usage.ts`): the read is given
 * the invoices the workspace starts with (a `--workspace` backup's), and usage read for invoices
 * outside its draft (`usageFor`: a backup's invoice, or a bill of another layout in `--bills`) is
 * added to them. A line whose usage the workspace already holds keeps it.
 */
import type { BillDraft } from '../../shared/import/draft';
import type { StoredInvoiceRef } from '../../shared/import/stored-usage';
import { sameCarrier } from '../../shared/import/stored-usage';
import { accountNumberKey, invoiceNumberKey } from '../../shared/ids/keys';
import { usageRecordsOf } from '../../shared/ledger/bills';
import type { Carrier, Invoice, UsageRecord } from '../../shared/model';

/** The join keys of the workspace's invoices, with the lines whose usage it holds. */
export function workspaceInvoiceRefs(
  invoices: readonly Invoice[],
  usage: readonly UsageRecord[],
  carriers: readonly Carrier[],
): StoredInvoiceRef[] {
  const names = new Map(carriers.map((carrier) => [carrier.id, carrier.name]));
  const lines = new Map<string, string[]>();
  for (const record of usage) {
    if (record.invoiceId === undefined) continue;
    const list = lines.get(record.invoiceId) ?? [];
    list.push(record.serviceKey);
    lines.set(record.invoiceId, list);
  }
  return invoices.map((invoice) => ({
    carrierName: names.get(invoice.carrierId) ?? invoice.carrierId,
    accountNumber: invoice.accountNumber,
    invoiceNumber: invoice.invoiceNumber,
    invoiceDate: invoice.invoiceDate,
    ...(invoice.periodEnd === undefined ? {} : { periodEnd: invoice.periodEnd }),
    usageLines: lines.get(invoice.id) ?? [],
  }));
}

/** Adds the drafts' usage for invoices outside them to the workspace; returns how many records. */
export function attachWorkspaceUsage(
  drafts: readonly BillDraft[],
  invoices: readonly Invoice[],
  usage: UsageRecord[],
  carriers: readonly Carrier[],
): number {
  let added = 0;
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
      const have = new Set(
        usage.filter((r) => r.invoiceId === invoice.id).map((record) => record.serviceKey),
      );
      const fresh = draft.usage.filter(
        (u) => u.invoiceKey === target.invoiceKey && !have.has(u.serviceKey),
      );
      usage.push(...usageRecordsOf(fresh, invoice.id));
      added += fresh.length;
    }
  }
  return added;
}
