/**
 * Usage-only files imported after their bill (AT&T usage detail and pooling, Verizon usage detail,
 * Bell DTL, TELUS Airtime Detail, Rogers usage archives). The read is told the stored invoices'
 * join keys ({@link storedInvoiceRefs}); the draft it returns holds usage for invoices outside it
 * (`usageFor`), which the commit adds to them here, in the import's transaction. A line whose usage
 * is already stored keeps it (never counted twice).
 */
import type { BillDraft } from '../../shared/import/draft';
import type { StoredInvoiceRef } from '../../shared/import/stored-usage';
import { sameCarrier } from '../../shared/import/stored-usage';
import { accountNumberKey, invoiceNumberKey } from '../../shared/ids/keys';
import { usageRecordsOf } from '../../shared/ledger/bills';
import type { Invoice } from '../../shared/model';
import type { InvoiceUsageRecord, TemDeskDatabase } from './database';

/** The join keys of every stored invoice, with the lines whose usage is stored (for the read). */
export async function storedInvoiceRefs(db: TemDeskDatabase): Promise<StoredInvoiceRef[]> {
  const [carriers, invoices, usage] = await Promise.all([
    db.carriers.toArray(),
    db.invoices.toArray(),
    db.usage.toArray(),
  ]);
  const carrierName = new Map(carriers.map((carrier) => [carrier.id, carrier.name]));
  const usageLines = new Map(
    usage.map((entry) => [entry.invoiceId, entry.records.map((r) => r.serviceKey)]),
  );
  return invoices.map((invoice) => ({
    carrierName: carrierName.get(invoice.carrierId) ?? invoice.carrierId,
    accountNumber: invoice.accountNumber,
    invoiceNumber: invoice.invoiceNumber,
    invoiceDate: invoice.invoiceDate,
    ...(invoice.periodEnd === undefined ? {} : { periodEnd: invoice.periodEnd }),
    usageLines: usageLines.get(invoice.id) ?? [],
  }));
}

/** What {@link attachStoredUsage} added: records per source file, and how to take them back. */
export interface AttachedUsage {
  records: number;
  bySourceFile: Map<string, number>;
  /** The invoices' usage as it was before, to restore (Undo). */
  before: InvoiceUsageRecord[];
}

/**
 * Adds the usage of the drafts' `usageFor` invoices to the stored invoices they name (call inside
 * the import's transaction, after its invoices are written: a target may be an invoice of the
 * same import read by another layout).
 */
export async function attachStoredUsage(
  db: TemDeskDatabase,
  drafts: readonly BillDraft[],
): Promise<AttachedUsage> {
  const attached: AttachedUsage = { records: 0, bySourceFile: new Map(), before: [] };
  const targets = drafts.flatMap((draft) =>
    (draft.usageFor ?? []).map((target) => ({ draft, target })),
  );
  if (targets.length === 0) return attached;
  const carriers = await db.carriers.toArray();
  for (const { draft, target } of targets) {
    const invoice = await findInvoice(db, carriers, target);
    if (invoice === undefined) continue;
    const current = await db.usage.get(invoice.id);
    attached.before.push(current ?? { invoiceId: invoice.id, records: [] });
    const have = new Set((current?.records ?? []).map((record) => record.serviceKey));
    const usage = draft.usage.filter(
      (u) => u.invoiceKey === target.invoiceKey && !have.has(u.serviceKey),
    );
    if (usage.length === 0) continue;
    const records = [...(current?.records ?? []), ...usageRecordsOf(usage, invoice.id)];
    await db.usage.put({ invoiceId: invoice.id, records });
    attached.records += usage.length;
    for (const u of usage) {
      attached.bySourceFile.set(u.sourceFile, (attached.bySourceFile.get(u.sourceFile) ?? 0) + 1);
    }
  }
  return attached;
}

/** How many of the attached records came from the files `fromUpload` says are one upload's. */
export function attachedFrom(
  attached: Pick<AttachedUsage, 'bySourceFile'>,
  fromUpload: (sourceFile: string) => boolean,
): number {
  let count = 0;
  for (const [sourceFile, records] of attached.bySourceFile)
    if (fromUpload(sourceFile)) count += records;
  return count;
}

/** Puts the invoices' usage back as it was before {@link attachStoredUsage}. */
export async function undoAttachedUsage(
  db: TemDeskDatabase,
  attached: Pick<AttachedUsage, 'before'>,
): Promise<void> {
  await db.transaction('rw', db.usage, async () => {
    for (const entry of [...attached.before].reverse()) {
      if (entry.records.length === 0) await db.usage.delete(entry.invoiceId);
      else await db.usage.put(entry);
    }
  });
}

async function findInvoice(
  db: TemDeskDatabase,
  carriers: readonly { id: string; name: string }[],
  target: NonNullable<BillDraft['usageFor']>[number],
): Promise<Invoice | undefined> {
  for (const carrier of carriers) {
    if (!sameCarrier(carrier.name, target.carrierName)) continue;
    const stored = await db.invoices
      .where('[carrierId+accountNumber+invoiceNumber]')
      .between([carrier.id, '', ''], [carrier.id, '\uffff', '\uffff'], true, true)
      .filter(
        (invoice) =>
          accountNumberKey(invoice.accountNumber) === accountNumberKey(target.accountNumber) &&
          invoiceNumberKey(invoice.invoiceNumber) === invoiceNumberKey(target.invoiceNumber),
      )
      .first();
    if (stored !== undefined) return stored;
  }
  return undefined;
}
