/**
 * Usage-only files imported after their bill (AT&T usage detail and pooling, Verizon usage detail,
 * Bell DTL, TELUS Airtime Detail, Rogers usage archives). The read is told the stored invoices'
 * join keys ({@link storedInvoiceRefs}); the draft it returns holds usage for invoices outside it
 * (`usageFor`), which the commit adds to them here, in the import's transaction. A line whose usage
 * is already stored keeps it (never counted twice).
 */
import type { BillDraft, DraftUsage } from '../../shared/import/draft';
import type { ReadOutcome } from '../../shared/import/read-bill';
import type { StoredInvoiceRef } from '../../shared/import/stored-usage';
import {
  alreadyStoredSentence,
  newFigures,
  sameCarrier,
  USAGE_ALREADY_STORED,
  withNewFigures,
} from '../../shared/import/stored-usage';
import { accountNumberKey, invoiceNumberKey } from '../../shared/ids/keys';
import { usageRecordsOf } from '../../shared/ledger/bills';
import type { ImportBatch, Invoice, UsageRecord } from '../../shared/model';
import type { TemDeskDatabase } from './database';

/**
 * The join keys of every stored invoice, for the read. Which of their lines already have usage is
 * not sent (the usage table is the largest the app keeps): {@link settleStoredUsage} checks the
 * few invoices a read's usage is for.
 */
export async function storedInvoiceRefs(db: TemDeskDatabase): Promise<StoredInvoiceRef[]> {
  const [carriers, invoices] = await Promise.all([db.carriers.toArray(), db.invoices.toArray()]);
  const carrierName = new Map(carriers.map((carrier) => [carrier.id, carrier.name]));
  return invoices.map((invoice) => ({
    carrierName: carrierName.get(invoice.carrierId) ?? invoice.carrierId,
    accountNumber: invoice.accountNumber,
    invoiceNumber: invoice.invoiceNumber,
    invoiceDate: invoice.invoiceDate,
    ...(invoice.periodEnd === undefined ? {} : { periodEnd: invoice.periodEnd }),
  }));
}

/**
 * The outcomes of a read with the usage already stored taken out: a figure a line of a stored
 * invoice already has is kept (the file brings only the figures it lacks: minutes after texts),
 * a line with nothing new is dropped (and said), and a usage file left with nothing to import is
 * refused as already imported (a repeated import).
 */
export async function settleStoredUsage(
  db: TemDeskDatabase,
  outcomes: readonly ReadOutcome[],
): Promise<ReadOutcome[]> {
  const carriers = await db.carriers.toArray();
  const settled: ReadOutcome[] = [];
  for (const outcome of outcomes) {
    const targets = outcome.kind === 'draft' ? (outcome.draft.usageFor ?? []) : [];
    if (outcome.kind !== 'draft' || targets.length === 0) {
      settled.push(outcome);
      continue;
    }
    const stored = new Map<string, UsageRecord>();
    for (const target of targets) {
      const invoice = await findInvoice(db, carriers, target);
      const usage = invoice === undefined ? undefined : await db.usage.get(invoice.id);
      for (const record of usage?.records ?? [])
        stored.set(`${target.invoiceKey}\u0000${record.serviceKey}`, record);
    }
    const { draft } = outcome;
    const fresh: DraftUsage[] = [];
    const repeated: DraftUsage[] = [];
    for (const usage of draft.usage) {
      const before = stored.get(`${usage.invoiceKey}\u0000${usage.serviceKey}`);
      const part = before === undefined ? usage : newFigures(usage, before);
      if (part === null) repeated.push(usage);
      else fresh.push(part);
    }
    if (repeated.length === 0) {
      settled.push({ ...outcome, draft: { ...draft, usage: fresh } });
      continue;
    }
    const files = [...new Set(repeated.map((u) => u.sourceFile))];
    const ignoredFiles = [
      ...(draft.ignoredFiles ?? []),
      ...files.map((sourceFile) => ({ sourceFile, reason: USAGE_ALREADY_STORED })),
    ];
    if (fresh.length === 0 && draft.invoices.length === 0) {
      settled.push({
        kind: 'unreadable',
        fileName: outcome.files.map((file) => file.name).join(', '),
        message: alreadyStoredSentence(files.join(', ')),
      });
      continue;
    }
    const used = new Set(fresh.map((u) => u.invoiceKey));
    settled.push({
      ...outcome,
      draft: {
        ...draft,
        usage: fresh,
        usageFor: targets.filter((target) => used.has(target.invoiceKey)),
        ignoredFiles,
      },
    });
  }
  return settled;
}

/** The figures one line's record got from an import, and the values they replaced (for Undo). */
export interface AddedUsage {
  invoiceId: string;
  serviceKey: string;
  /** The file (or ZIP member) the figures came from: its batch is in use while the invoice is stored. */
  sourceFile: string;
  /** The record did not exist before: Undo removes it once its added figures are taken back. */
  created: boolean;
  /** The fields the import filled, with the values they had before. */
  previous: Partial<Pick<UsageRecord, UndoableField>>;
}

type UndoableField = 'minutes' | 'messages' | 'dataKb' | 'roamingMinutes' | 'roamingDataKb';
const UNDOABLE_FIELDS: readonly UndoableField[] = [
  'minutes',
  'messages',
  'dataKb',
  'roamingMinutes',
  'roamingDataKb',
];

/** What {@link attachStoredUsage} added: records per source file, and each figure it filled. */
export interface AttachedUsage {
  records: number;
  bySourceFile: Map<string, number>;
  /** Exactly the figures added, to take back on Undo ({@link undoAttachedUsage}). */
  added: AddedUsage[];
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
  const attached: AttachedUsage = { records: 0, bySourceFile: new Map(), added: [] };
  const targets = drafts.flatMap((draft) =>
    (draft.usageFor ?? []).map((target) => ({ draft, target })),
  );
  if (targets.length === 0) return attached;
  const carriers = await db.carriers.toArray();
  for (const { draft, target } of targets) {
    const invoice = await findInvoice(db, carriers, target);
    if (invoice === undefined) continue;
    const current = await db.usage.get(invoice.id);
    const records = [...(current?.records ?? [])];
    const at = new Map(records.map((record, i) => [record.serviceKey, i]));
    let added = 0;
    for (const usage of draft.usage) {
      if (usage.invoiceKey !== target.invoiceKey) continue;
      const [record] = usageRecordsOf([usage], invoice.id);
      if (record === undefined) continue;
      const i = at.get(record.serviceKey);
      const before = i === undefined ? undefined : records[i];
      if (i === undefined || before === undefined) {
        at.set(record.serviceKey, records.length);
        records.push(record);
        attached.added.push({
          invoiceId: invoice.id,
          serviceKey: record.serviceKey,
          sourceFile: usage.sourceFile,
          created: true,
          previous: figuresOf(record),
        });
      } else {
        // A figure already stored is kept; one it does not know is taken (see newFigures).
        if (newFigures(record, before) === null) continue;
        const merged = withNewFigures(before, record);
        records[i] = merged;
        const previous: AddedUsage['previous'] = {};
        for (const field of UNDOABLE_FIELDS)
          if (merged[field] !== before[field]) Object.assign(previous, { [field]: before[field] });
        attached.added.push({
          invoiceId: invoice.id,
          serviceKey: record.serviceKey,
          sourceFile: usage.sourceFile,
          created: false,
          previous,
        });
      }
      added += 1;
      const file = usage.sourceFile;
      attached.bySourceFile.set(file, (attached.bySourceFile.get(file) ?? 0) + 1);
    }
    if (added === 0) continue;
    await db.usage.put({ invoiceId: invoice.id, records });
    attached.records += added;
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

/**
 * The stored invoices that got usage from the files `fromUpload` says are one upload's, as the
 * field of that upload's batch naming them (none when it added no usage to a stored invoice): no
 * invoice names a usage-only file, so the batch is in use while one of them is stored.
 */
export function usageLinkOf(
  attached: Pick<AttachedUsage, 'added'>,
  fromUpload: (sourceFile: string) => boolean,
): Pick<ImportBatch, 'usageInvoiceIds'> {
  const ids = new Set(
    attached.added.filter((entry) => fromUpload(entry.sourceFile)).map((e) => e.invoiceId),
  );
  return ids.size === 0 ? {} : { usageInvoiceIds: [...ids] };
}

/**
 * Takes back exactly the figures {@link attachStoredUsage} added: a filled figure gets its earlier
 * value back, a record it created goes, and figures stored before (or added since by another
 * import) stay. Call inside a transaction covering `db.usage`.
 */
export async function undoAttachedUsage(
  db: TemDeskDatabase,
  attached: Pick<AttachedUsage, 'added'>,
): Promise<void> {
  const byInvoice = new Map<string, AddedUsage[]>();
  for (const entry of attached.added)
    byInvoice.set(entry.invoiceId, [...(byInvoice.get(entry.invoiceId) ?? []), entry]);
  for (const [invoiceId, entries] of byInvoice) {
    const stored = await db.usage.get(invoiceId);
    if (stored === undefined) continue;
    const undo = new Map(entries.map((entry) => [entry.serviceKey, entry]));
    const records: UsageRecord[] = [];
    for (const record of stored.records) {
      const entry = undo.get(record.serviceKey);
      if (entry === undefined) {
        records.push(record);
        continue;
      }
      const restored: UsageRecord = { ...record, ...entry.previous };
      const empty =
        restored.minutes === null && restored.messages === null && restored.dataKb === null;
      if (!(entry.created && empty)) records.push(restored);
    }
    if (records.length === 0) await db.usage.delete(invoiceId);
    else await db.usage.put({ invoiceId, records });
  }
}

/** The fields a new record filled, with the values of a record without them (for Undo). */
function figuresOf(record: UsageRecord): AddedUsage['previous'] {
  return {
    ...(record.minutes === null ? {} : { minutes: null, roamingMinutes: 0 }),
    ...(record.messages === null ? {} : { messages: null }),
    ...(record.dataKb === null ? {} : { dataKb: null, roamingDataKb: 0 }),
  };
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
