import type { BillDraft } from '../../shared/import/draft';
import type { Account, ChargeLine } from '../../shared/model';
import {
  planBills,
  type BillPlan,
  type InvoiceClash,
  type StoredInvoice,
} from '../../shared/ledger/bills';
import { invoicesRepeatedAcrossDrafts } from '../../shared/ledger/repeated-invoices';
import { filedUnder } from '../../shared/ledger/filed-under';
import { OrgResolver, type BilledAccountNumber } from '../../shared/ledger/org';
import { unpaddedAccountKey } from '../../shared/ids/account-numbers';
import { storedInvoiceKey } from '../../shared/ids/keys';
import { loadChargeLines } from './charges';
import type { TemDeskDatabase } from './database';

/** One file the user picked, kept byte for byte as the original of what it brought in. */
export interface UploadToCommit {
  fileName: string;
  bytes: Uint8Array;
  /** SHA-256 of `bytes`, lower-case hex. */
  fileHash: string;
  /** Names the pipeline saw for this upload: the file itself, or the members of a ZIP. */
  memberNames: readonly string[];
  encoding?: string;
  /**
   * The batch id under which this file's original was written as it was read (see
   * db/staged-files); the commit then does not write it again, unless it is gone.
   */
  stagedBatchId?: string;
}

/** Everything one import commits: the uploads and the drafts read from them (exactly as previewed). */
export interface ImportToCommit {
  uploads: readonly UploadToCommit[];
  drafts: readonly BillDraft[];
}

/** Why an import cannot go ahead as it is; each can be overridden on purpose with "replace". */
export type ImportConflict =
  | {
      kind: 'file-already-imported';
      fileName: string;
      previousFileName: string;
      importedAt: string;
    }
  | {
      kind: 'invoice-exists';
      fileName: string;
      carrierName: string;
      accountNumber: string;
      invoiceNumber: string;
      /** The file the existing invoice came from. */
      existingFileName: string;
      /** What this file's lines are to the stored ones, when judged (see `clashVerdictSentence`). */
      verdict?: InvoiceClash['verdict'];
      /**
       * The stored invoice's files when it is joined from several and this file only repeats
       * some of them: Replace is refused for it (it would lose the other parts).
       */
      joinedFrom?: string[];
    }
  | { kind: 'invoice-repeated'; fileName: string; invoiceNumber: string; otherFileName: string }
  | {
      /**
       * A file imported before of which some invoices were deleted since: those still stored are
       * left as they are (never stored twice) and the others are imported. Not a blocker.
       */
      kind: 'file-partly-stored';
      fileName: string;
      importedAt: string;
      /** The file's invoices still stored, skipped by the import. */
      stored: { invoiceNumber: string; accountNumber: string }[];
      /** The file's invoices no longer stored, which the import adds again. */
      adding: string[];
    };

/** True for a conflict that stops the import unless "replace" is chosen. */
export function blocksImport(conflict: ImportConflict): boolean {
  return conflict.kind !== 'file-partly-stored';
}

/**
 * False for a conflict "replace" cannot override: the same invoice in two layouts of this import,
 * or a copy or a page of a stored invoice joined from several files (replacing would lose the
 * other parts' charges).
 */
export function replaceable(conflict: ImportConflict): boolean {
  if (conflict.kind === 'invoice-repeated') return false;
  return !(conflict.kind === 'invoice-exists' && conflict.joinedFrom !== undefined);
}

/** The upload an invoice came from: the one whose file or ZIP member it names. */
export function uploadOf(input: ImportToCommit, sourceFile: string): UploadToCommit | undefined {
  return (
    input.uploads.find((upload) => upload.memberNames.includes(sourceFile)) ??
    input.uploads.find((upload) => upload.fileName === sourceFile) ??
    input.uploads[0]
  );
}

/** {@link uploadOf} remembered per source file (a commit asks it of every line's and row's file). */
export function uploadLookup(
  input: ImportToCommit,
): (sourceFile: string) => UploadToCommit | undefined {
  const known = new Map<string, UploadToCommit | undefined>();
  return (sourceFile) => {
    if (known.has(sourceFile)) return known.get(sourceFile);
    const upload = uploadOf(input, sourceFile);
    known.set(sourceFile, upload);
    return upload;
  };
}

/**
 * A resolver of carriers and accounts over the stored ones, knowing which accounts are billed
 * already (an account known only from set-up files takes a bill's leading zeros: see
 * `OrgResolver.billedAccount`); `newId` makes the ids of new ones.
 */
export async function orgResolverOf(
  db: TemDeskDatabase,
  newId: (kind: 'carrier' | 'account') => string = (kind) => `${kind}-${crypto.randomUUID()}`,
): Promise<OrgResolver> {
  const [carriers, accounts] = await Promise.all([db.carriers.toArray(), db.accounts.toArray()]);
  return new OrgResolver(carriers, accounts, newId, await billedNumbersOf(db, accounts));
}

/**
 * The carrier and account number of every stored invoice, read from the invoices' index alone;
 * none asked when no stored account is a number a spreadsheet could have cut its zeros from.
 */
async function billedNumbersOf(
  db: TemDeskDatabase,
  accounts: readonly Account[],
): Promise<BilledAccountNumber[]> {
  if (accounts.every((account) => unpaddedAccountKey(account.accountNumber) === null)) return [];
  const keys = await db.invoices.orderBy('[carrierId+accountNumber+invoiceNumber]').uniqueKeys();
  return keys.flatMap((key) => {
    if (!Array.isArray(key)) return [];
    const [carrierId, accountNumber]: unknown[] = key;
    return typeof carrierId === 'string' && typeof accountNumber === 'string'
      ? [{ carrierId, accountNumber }]
      : [];
  });
}

/**
 * The stored invoices of the accounts the drafts name, by `storedInvoiceKey` (one range query per
 * account; accounts met for the first time have none).
 */
export async function storedInvoicesOf(
  db: TemDeskDatabase,
  drafts: readonly BillDraft[],
  org: OrgResolver,
): Promise<Map<string, StoredInvoice>> {
  const known = new Set(org.accounts().map((account) => account.id));
  const accounts = new Map<string, { carrierId: string; accountNumber: string }>();
  for (const { account } of filedUnder(drafts, org).values())
    if (known.has(account.id)) accounts.set(account.id, account);
  const found = new Map<string, StoredInvoice>();
  for (const { carrierId, accountNumber } of accounts.values()) {
    const stored = await db.invoices
      .where('[carrierId+accountNumber+invoiceNumber]')
      .between([carrierId, accountNumber, ''], [carrierId, accountNumber, '\uffff'], true, true)
      .toArray();
    for (const invoice of stored) {
      found.set(
        storedInvoiceKey(invoice.carrierId, invoice.accountNumber, invoice.invoiceNumber),
        invoice,
      );
    }
  }
  return found;
}

/**
 * True when a stored invoice still comes (wholly or in part) from the import batch, or still holds
 * usage the batch's file added to it (a usage-only file imported after its bill). `exceptInvoiceId`
 * is left out, to ask before deleting it whether the file would stay.
 */
export async function batchInUse(
  db: TemDeskDatabase,
  batchId: string,
  exceptInvoiceId?: string,
): Promise<boolean> {
  const other = (invoice: { id: string }) => invoice.id !== exceptInvoiceId;
  if ((await db.invoices.where('importBatchId').equals(batchId).filter(other).count()) > 0)
    return true;
  const usageOf = ((await db.importBatches.get(batchId))?.usageInvoiceIds ?? []).filter(
    (id) => id !== exceptInvoiceId,
  );
  if (usageOf.length > 0 && (await db.invoices.where(':id').anyOf(usageOf).count()) > 0)
    return true;
  return (
    (await db.invoices
      .filter(
        (invoice) =>
          other(invoice) && (invoice.parts ?? []).some((part) => part.importBatchId === batchId),
      )
      .count()) > 0
  );
}

/** Whether the drafts add usage read from the upload to invoices outside them (see db/attach-usage). */
function addsStoredUsage(
  drafts: readonly BillDraft[],
  ofUpload: (usage: { sourceFile: string }) => boolean,
): boolean {
  return drafts.some((draft) => {
    const targets = new Set((draft.usageFor ?? []).map((target) => target.invoiceKey));
    return draft.usage.some((usage) => targets.has(usage.invoiceKey) && ofUpload(usage));
  });
}

/** The plan of an import against the database (nothing written). */
export async function planImport(
  db: TemDeskDatabase,
  drafts: readonly BillDraft[],
  options: { replace?: boolean } = {},
): Promise<BillPlan> {
  // Ids made while planning are thrown away: the commit plans again inside its transaction.
  const org = await orgResolverOf(db);
  return planAgainstStored(db, drafts, org, await storedInvoicesOf(db, drafts, org), options);
}

/**
 * The plan of an import against the stored invoices, with the charge lines of those a file of a
 * kind they already have meets (read first: the plan asks for them synchronously), so another
 * part of a stored invoice is told from a copy by its lines, as in the CLI.
 */
export async function planAgainstStored(
  db: TemDeskDatabase,
  drafts: readonly BillDraft[],
  org: OrgResolver,
  stored: ReadonlyMap<string, StoredInvoice>,
  options: { replace?: boolean } = {},
): Promise<BillPlan> {
  const findStored = (key: string) => stored.get(key);
  const asked = new Set<string>();
  const first = planBills(drafts, org, findStored, {
    ...options,
    storedLines: (invoice) => {
      asked.add(invoice.id);
      return undefined;
    },
  });
  if (asked.size === 0) return first;
  // Asked together: a renamed copy of a month's file meets every invoice it holds.
  const ids = [...asked];
  const read = await Promise.all(ids.map((id) => loadChargeLines(db, id)));
  const lines = new Map<string, ChargeLine[]>(ids.map((id, i) => [id, read[i] ?? []]));
  return planBills(drafts, org, findStored, {
    ...options,
    storedLines: (invoice) => lines.get(invoice.id),
  });
}

/**
 * What stands in the way of committing this import: a file imported before (same bytes), an
 * invoice already stored from a file of the same kind (same carrier + account + invoice number,
 * compared by their keys), or the same invoice in two layouts of this import. A companion file
 * that completes a stored invoice is not a conflict. The preview shows exactly this list.
 */
export async function findImportConflicts(
  db: TemDeskDatabase,
  input: ImportToCommit,
): Promise<ImportConflict[]> {
  const conflicts: ImportConflict[] = [];
  const batches = await db.importBatches
    .where('fileHash')
    .anyOf(input.uploads.map((u) => u.fileHash))
    .toArray();
  const plan = await planImport(db, input.drafts);
  const clashes = [...plan.clashes, ...plan.needsStored];
  const reimported = new Set<string>();
  for (const upload of input.uploads) {
    const previous = batches.find((batch) => batch.fileHash === upload.fileHash);
    if (!previous) continue;
    const ofUpload = ({ sourceFile }: { sourceFile: string }) =>
      uploadOf(input, sourceFile) === upload;
    const stored = clashes.map((clash) => clash.drafted).filter(ofUpload);
    const adding = plan.invoices.map((planned) => planned.drafted).filter(ofUpload);
    // Every invoice the file gave (or gave usage to) was deleted or replaced since: it imports as
    // a new file, bringing its invoices or its usage again.
    const inUse = await batchInUse(db, previous.id);
    if (!inUse && (adding.length > 0 || addsStoredUsage(input.drafts, ofUpload))) continue;
    reimported.add(upload.fileName);
    conflicts.push(
      stored.length > 0 && adding.length > 0
        ? {
            kind: 'file-partly-stored',
            fileName: upload.fileName,
            importedAt: previous.importedAt,
            stored: stored.map(({ invoiceNumber, accountNumber }) => ({
              invoiceNumber,
              accountNumber,
            })),
            adding: adding.map((invoice) => invoice.invoiceNumber),
          }
        : {
            kind: 'file-already-imported',
            fileName: upload.fileName,
            previousFileName: previous.fileName,
            importedAt: previous.importedAt,
          },
    );
  }

  // The same invoice read by two layouts (two drafts) of this import.
  for (const repeated of invoicesRepeatedAcrossDrafts(input.drafts)) {
    conflicts.push({
      kind: 'invoice-repeated',
      fileName: repeated.sourceFile,
      invoiceNumber: repeated.invoiceNumber,
      otherFileName: repeated.otherSourceFile,
    });
  }

  const storedBatches = new Map(
    (
      await db.importBatches.bulkGet([
        ...new Set(clashes.map((clash) => clash.stored.importBatchId)),
      ])
    )
      .filter((batch) => batch !== undefined)
      .map((batch) => [batch.id, batch]),
  );
  for (const { drafted, stored, verdict, joinedFrom } of clashes) {
    const fileName = uploadOf(input, drafted.sourceFile)?.fileName ?? drafted.sourceFile;
    // A re-imported file's invoices are covered by the file conflict above, unless Replace must
    // not take their place (the file is a part of an invoice joined from several).
    if (reimported.has(fileName) && joinedFrom === undefined) continue;
    conflicts.push({
      kind: 'invoice-exists',
      fileName,
      carrierName: drafted.carrierName,
      accountNumber: drafted.accountNumber,
      invoiceNumber: drafted.invoiceNumber,
      existingFileName: storedBatches.get(stored.importBatchId)?.fileName ?? 'an earlier import',
      ...(verdict === undefined ? {} : { verdict }),
      ...(joinedFrom === undefined ? {} : { joinedFrom }),
    });
  }
  return conflicts;
}
