/**
 * Bill files of a CLI run against the invoices its `--workspace` backup holds, decided as the app
 * decides a later import (`shared/ledger`): a file that completes a stored invoice (the other
 * file of a two-file bill, another department's report of it) is read again with the backup's
 * originals and joined into it; a copy of what is stored is counted once; another version of it
 * is not read.
 */
import type { UploadedFile } from '../../shared/import/archive';
import type { BillDraft, DraftInvoice } from '../../shared/import/draft';
import { packedLinesOf, packedRowsByInvoice } from '../../shared/import/packed-drafts';
import { storedInvoiceKey } from '../../shared/ids/keys';
import {
  copyTotal,
  invoiceOfPlan,
  joinedInvoice,
  linesByInvoice,
  planBills,
  usageRecordsOf,
  type BillPlan,
  type InvoiceClash,
  type PlannedInvoice,
  type StoredInvoice,
} from '../../shared/ledger/bills';
import { companionBatchIds } from '../../shared/ledger/companions';
import { OrgResolver } from '../../shared/ledger/org';
import type { ChargeLine, Invoice } from '../../shared/model';
import { cents, formatCents } from '../../shared/money/cents';
import { packChargeLines, unpackChargeBlock } from '../../shared/storage/charge-blocks';
import type { BillState } from './bill-state';
import { problemsError } from './workspace-registry';
import { keepOnly, pushAll } from '../../shared/arrays';
import { plural } from '../../shared/text/wording';

/** The workspace's invoices by `storedInvoiceKey`. */
export function storedByKey(invoices: readonly Invoice[]): Map<string, Invoice> {
  return new Map(
    invoices.map((invoice) => [
      storedInvoiceKey(invoice.carrierId, invoice.accountNumber, invoice.invoiceNumber),
      invoice,
    ]),
  );
}

/** A stored invoice's charge lines, from the workspace's packed blocks. */
export function storedLinesOf(state: Pick<BillState, 'chargeBlocks'>) {
  return (stored: StoredInvoice): ChargeLine[] =>
    state.chargeBlocks
      .filter((block) => block.invoiceId === stored.id)
      .sort((a, b) => a.blockIndex - b.blockIndex)
      .flatMap(unpackChargeBlock);
}

/**
 * The backup's originals to read again with these drafts: those of the stored invoices the drafts
 * complete but cannot join alone (planned on a scratch resolver: nothing is stored yet).
 */
export function backupCompanions(drafts: readonly BillDraft[], state: BillState): UploadedFile[] {
  if (state.originals.size === 0 || drafts.length === 0) return [];
  const { org } = state.registry;
  let made = 0;
  const scratch = new OrgResolver(
    org.carriers(),
    org.accounts(),
    (kind) => `scratch-${kind}-${++made}`,
    org.billedNumbers(),
  );
  const stored = storedByKey(state.invoices);
  const plan = planBills(drafts, scratch, (key) => stored.get(key), {
    storedLines: storedLinesOf(state),
  });
  return [...companionBatchIds(plan)].flatMap((id) => {
    const original = state.originals.get(id);
    return original === undefined ? [] : [original];
  });
}

/**
 * A file that completes an invoice the backup holds but whose other files the backup does not
 * keep (a backup made without them): it cannot be joined, so the run stops and says so.
 */
export function refuseUnjoinable(plan: BillPlan): void {
  if (plan.needsStored.length === 0) return;
  throw problemsError(
    'The bills',
    plan.needsStored.map(
      ({ drafted, stored }) =>
        `Invoice ${drafted.invoiceNumber} (account ${drafted.accountNumber}) is already in the --workspace backup and "${drafted.sourceFile}" would complete it, but the backup does not hold the original of ${(stored.parts ?? []).map((part) => `"${part.sourceFile}"`).join(' and ') || 'its first file'} to join it with; import that file in the app instead.`,
    ),
    'have',
  );
}

/**
 * Completes an invoice of the backup with a planned one (read with the backup's originals): the
 * joined record keeps its id, number and status, as in the app; its lines and usage are replaced
 * by the joined ones.
 */
export function completeStored(planned: PlannedInvoice, state: BillState): void {
  const at = state.invoices.findIndex((invoice) => invoice.id === planned.stored?.id);
  const before = state.invoices[at];
  if (before === undefined) return;
  const joined = joinedInvoice(
    before,
    invoiceOfPlan(planned, { id: before.id, importBatchId: before.importBatchId }, () => 'cli'),
  );
  state.invoices[at] = joined;
  const others = <T extends { invoiceId?: string }>(records: T[]) => {
    keepOnly(records, (record) => record.invoiceId !== before.id);
  };
  others(state.chargeBlocks);
  others(state.usage);
  pushAll(state.chargeBlocks, packChargeLines(before.id, planned.lines));
  for (const line of planned.lines) state.lines.push({ invoiceId: before.id, line });
  // The joined lines hold the stored ones (a part's, or the page a whole bill completes).
  state.linesFromBackup += Math.min(before.lineCount, planned.lines.length);
  pushAll(state.usage, usageRecordsOf(planned.usage, before.id));
  const storedFiles = new Set((before.parts ?? []).map((part) => part.sourceFile));
  const added = (joined.parts ?? []).filter((part) => !storedFiles.has(part.sourceFile));
  state.notices.push(
    `Invoice ${before.invoiceNumber} (account ${before.accountNumber}) in the --workspace backup is completed with ${added.map((part) => `"${part.sourceFile}"`).join(', ')}, as the app completes it: ${formatCents(joined.linesTotal)} in ${joined.lineCount} charge lines (${Math.max(0, joined.lineCount - before.lineCount)} of them new).`,
  );
}

/** A drafted invoice's charge lines: how many, and what they add up to in cents. */
export function draftedLines(
  drafts: readonly BillDraft[],
  drafted: DraftInvoice,
): { count: number; total: number } {
  const draft = drafts.find((candidate) => candidate.invoices.includes(drafted));
  if (draft === undefined) return { count: 0, total: 0 };
  const packed = packedLinesOf(draft);
  let total = 0;
  if (packed !== undefined) {
    const rows = packedRowsByInvoice(packed).get(drafted.key) ?? [];
    for (const row of rows) total += packed.amount[row] ?? 0;
    return { count: rows.length, total };
  }
  const lines = linesByInvoice(draft.lines).get(drafted.key) ?? [];
  for (const line of lines) total += line.amount;
  return { count: lines.length, total };
}

/**
 * How the backup's lines of an invoice differ from a file's stating the same total (a reissue
 * with its charges moved): their number and totals, never "another total" of the same amount.
 */
function linesDiffer(stored: Invoice, lines: { count: number; total: number }): string {
  const there = `${plural(stored.lineCount, 'charge line')} of ${formatCents(stored.linesTotal)}`;
  if (stored.lineCount === lines.count && stored.linesTotal === lines.total)
    return `other charge lines: as many (${there}) but not the same lines`;
  return `other charge lines: ${there} there, ${plural(lines.count, 'line')} of ${formatCents(cents(lines.total))} here`;
}

/**
 * A bill the backup already holds: a copy of it (the same lines, or a page of them) is counted
 * once, reported as a duplicate-invoice. Another version (a corrected or reissued bill: lines the
 * backup's lacks beside lines it has, or its items at other amounts) is no copy: its rows are not
 * read, and the run says both totals (or, when they are the same, how the lines differ). Told by the lines, as the app tells them (`clash.verdict`);
 * by the totals for an invoice stored before parts were kept.
 */
export function noteBackupCopy(
  clash: InvoiceClash,
  state: BillState,
  lines: { count: number; total: number },
): void {
  const invoice = state.invoices.find((stored) => stored === clash.stored);
  if (invoice === undefined) return;
  const draftedTotal = clash.drafted.statedTotal ?? lines.total;
  const files = invoice.parts?.map((part) => part.sourceFile) ?? [invoice.sourceFile ?? ''];
  const storedTotal = copyTotal(invoice);
  const isCopy =
    clash.verdict === undefined
      ? draftedTotal === storedTotal
      : clash.verdict === 'copy' || clash.verdict === 'page';
  if (!isCopy) {
    state.unreadRows.push({
      file: clash.drafted.sourceFile,
      row: 0,
      message: `Invoice ${invoice.invoiceNumber} (account ${invoice.accountNumber}) is in the --workspace backup (${files.join(' + ')}) with ${clash.verdict === undefined || storedTotal !== draftedTotal ? `another total: ${formatCents(storedTotal)} there, ${formatCents(cents(draftedTotal))} here` : linesDiffer(invoice, lines)}. A corrected or reissued bill? The backup’s is kept and this file’s rows of the invoice are not read; replace it in the app (import it with Replace) and back up again to audit the new one.`,
    });
    return;
  }
  const first = `the --workspace backup (${files.join(' + ')})`;
  const repeat = state.repeatedInvoices.find((r) => r.invoice === invoice);
  if (repeat !== undefined) {
    if (!repeat.repeatFiles.includes(clash.drafted.sourceFile))
      repeat.repeatFiles.push(clash.drafted.sourceFile);
    return;
  }
  state.repeatedInvoices.push({
    invoice,
    firstFiles: [first],
    repeatFiles: [clash.drafted.sourceFile],
    copies: 1,
    // A page of a stored invoice repeats its own lines only.
    total: clash.verdict === 'page' ? cents(draftedTotal) : storedTotal,
  });
}
