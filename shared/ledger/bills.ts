/**
 * What a bill import changes, decided once for both doors (the app's Dexie commit and the CLI's
 * in-memory workspace): which invoices are added, which stored invoices a companion file completes
 * (Verizon's account summary arriving after its line summary), which are replaced on purpose, and
 * what stands in the way. The doors only apply the plan.
 */
import { aggregateLines } from '../billing/aggregates';
import { invoiceFromDraft } from '../billing/invoice-from-draft';
import { storedInvoiceKey } from '../ids/keys';
import type {
  BillDraft,
  DraftChargeLine,
  DraftCopy,
  DraftInvoice,
  DraftPart,
  DraftUsage,
} from '../import/draft';
import { partsOf } from '../import/draft';
import { unreadRowsByInvoice } from '../import/unread-rows';
import {
  aggregateRows,
  lazyProperty,
  linesOfRows,
  packedLinesOf,
  packedRowsByInvoice,
  packedUsageOf,
  packedUsageRowsByInvoice,
  usageOfRows,
  type PackedRows,
} from '../import/packed-drafts';
import type { Invoice, InvoicePart, UsageRecord } from '../model';
import type { Cents } from '../money/cents';
import { ZERO_CENTS } from '../money/cents';
import type { OrgResolver } from './org';
import {
  joinedFilesReplaceWouldLose,
  judgeAgainstStored,
  type StoredInvoice,
  type StoredJudgement,
  type StoredLine,
} from './stored-relation';

export {
  judgeAgainstStored,
  relationToStored,
  storedPartsOf,
  type StoredInvoice,
} from './stored-relation';
import { pushAll } from '../arrays';

/** One invoice of the plan, with everything its door needs to store it. */
export interface PlannedInvoice {
  drafted: DraftInvoice;
  /** Index of the draft it came from. */
  draftIndex: number;
  carrierId: string;
  accountId: string;
  /** Its lines (rebuilt on first read when they came packed: see `packedRows`). */
  lines: DraftChargeLine[];
  /**
   * Where its lines are in a packed draft's columns, while the draft is packed (see
   * `shared/import/packed-drafts.ts`): the door stores and sums them from there.
   */
  packedRows?: PackedRows;
  usage: DraftUsage[];
  /**
   * `add`: a new invoice. `complete`: a stored invoice this import completes with parts of other
   * kinds (it keeps its id, status and history). `replace`: a stored invoice replaced on purpose.
   */
  action: 'add' | 'complete' | 'replace';
  /** The stored invoice completed or replaced. */
  stored?: StoredInvoice;
}

/** An invoice this import would store a second time: refused unless replaced on purpose. */
export interface InvoiceClash {
  drafted: DraftInvoice;
  stored: StoredInvoice;
  /** What its lines are to the stored ones, when they were judged (see `stored-relation.ts`). */
  verdict?: StoredJudgement['verdict'];
  /**
   * The files of the stored invoice when it is joined from several and this file only repeats
   * some of them: never replaced by it, even on purpose (see `joinedFilesReplaceWouldLose`).
   */
  joinedFrom?: string[];
}

export interface BillPlan {
  invoices: PlannedInvoice[];
  /**
   * Companion files read alone: invoices whose stored parts must be read again with them before
   * they can be planned (the app re-reads the stored originals; see `focusOnNewFiles`).
   */
  needsStored: InvoiceClash[];
  /**
   * Invoices already stored from a file of the same kind (a copy); when `replace`, only those
   * Replace must not take the place of (`joinedFrom`).
   */
  clashes: InvoiceClash[];
  /** Files of this import that repeat a part already read in it (never stored). */
  copies: DraftCopy[];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Each lines array's grouping by invoice, made once: the preview's conflict check and the commit
 * plan the same drafts (a million lines grouped twice were one long task each). Kept with the
 * count it was made for, so lines added since are grouped again.
 */
const groupedLines = new WeakMap<
  readonly DraftChargeLine[],
  { count: number; groups: Map<string, DraftChargeLine[]> }
>();

/** A draft's lines by `invoiceKey`, in order (grouped once per lines array). */
export function linesByInvoice(lines: readonly DraftChargeLine[]): Map<string, DraftChargeLine[]> {
  const kept = groupedLines.get(lines);
  if (kept !== undefined && kept.count === lines.length) return kept.groups;
  const groups = groupBy(lines, (line) => line.invoiceKey);
  groupedLines.set(lines, { count: lines.length, groups });
  return groups;
}

/**
 * Plans an import of drafts against what is stored. Carriers and accounts are resolved (and
 * planned when new) by `org`; `findStored` looks a stored invoice up by its key
 * (`storedInvoiceKey`). With `replace`, a clash replaces the stored invoice instead of stopping.
 * `storedLines` gives a stored invoice's charge lines, asked only of one that a file of a kind it
 * already has meets (another part of it, or a copy: told by the lines); without them (or when it
 * answers undefined) such a file is a copy.
 */
export function planBills(
  drafts: readonly BillDraft[],
  org: OrgResolver,
  findStored: (key: string) => StoredInvoice | undefined,
  options: {
    replace?: boolean;
    storedLines?: (stored: StoredInvoice) => readonly StoredLine[] | undefined;
  } = {},
): BillPlan {
  const plan: BillPlan = { invoices: [], needsStored: [], clashes: [], copies: [] };
  drafts.forEach((draft, draftIndex) => {
    pushAll(plan.copies, draft.copies ?? []);
    const packed = packedLinesOf(draft);
    const rowsOfInvoice = packed === undefined ? undefined : packedRowsByInvoice(packed);
    const linesOfInvoice = packed === undefined ? linesByInvoice(draft.lines) : undefined;
    const packedUsage = packedUsageOf(draft);
    const usageRows = packedUsage === undefined ? undefined : packedUsageRowsByInvoice(packedUsage);
    const usageByInvoice =
      packedUsage === undefined ? groupBy(draft.usage, (usage) => usage.invoiceKey) : undefined;
    const unreadOf = unreadRowsByInvoice(draft);
    for (const drafted of draft.invoices) {
      const carrierId = org.carrierId(drafted.carrierName, drafted.accountNumber);
      const account = org.billedAccount(carrierId, drafted.accountNumber);
      // Stored under the account's number, which may be the bill's but for leading zeros.
      const stored =
        findStored(storedInvoiceKey(carrierId, account.accountNumber, drafted.invoiceNumber)) ??
        (drafted.storedAs === undefined
          ? undefined
          : findStored(storedInvoiceKey(carrierId, account.accountNumber, drafted.storedAs)));
      let action: PlannedInvoice['action'] = 'add';
      let joinedParts: DraftPart[] | undefined;
      if (stored !== undefined) {
        const { storedLines } = options;
        const judged = judgeAgainstStored(
          drafted,
          stored,
          storedLines && {
            drafted: () =>
              packed === undefined
                ? (linesOfInvoice?.get(drafted.key) ?? [])
                : linesOfRows({
                    packed,
                    rows: rowsOfInvoice?.get(drafted.key) ?? new Uint32Array(0),
                  }),
            stored: () => storedLines(stored),
          },
        );
        const clash: InvoiceClash = { drafted, stored };
        if (judged.verdict !== undefined) clash.verdict = judged.verdict;
        const joinedFrom = joinedFilesReplaceWouldLose(drafted, stored, judged);
        if (joinedFrom !== undefined) clash.joinedFrom = joinedFrom;
        if (judged.relation === 'joined') {
          action = 'complete';
          joinedParts = judged.parts;
        } else if (judged.relation === 'needs-stored') {
          plan.needsStored.push(clash);
          continue;
        } else if (options.replace && joinedFrom === undefined) action = 'replace';
        else {
          plan.clashes.push(clash);
          continue;
        }
      }
      const unread = unreadOf.get(drafted.key);
      const planned: PlannedInvoice = {
        drafted: {
          ...drafted,
          accountNumber: account.accountNumber,
          ...(unread === undefined ? {} : { unread }),
          ...(joinedParts === undefined ? {} : { parts: joinedParts }),
        },
        draftIndex,
        carrierId,
        accountId: account.id,
        lines: linesOfInvoice?.get(drafted.key) ?? [],
        usage: usageByInvoice?.get(drafted.key) ?? [],
        action,
      };
      // Packed usage is rebuilt per invoice, when its door stores it.
      if (packedUsage !== undefined) {
        const rows = usageRows?.get(drafted.key) ?? new Uint32Array(0);
        lazyProperty(
          planned,
          'usage',
          () => usageOfRows(packedUsage, rows),
          () => undefined,
        );
      }
      if (packed !== undefined)
        withPackedRows(planned, {
          packed,
          rows: rowsOfInvoice?.get(drafted.key) ?? new Uint32Array(0),
        });
      if (stored !== undefined) planned.stored = stored;
      plan.invoices.push(planned);
    }
  });
  return plan;
}

/**
 * Gives a planned invoice packed rows, its `lines` rebuilt from them when first read; from then
 * on (or once a caller sets `lines`) the rows are forgotten, so they never contradict the lines.
 */
function withPackedRows(planned: PlannedInvoice, packedRows: PackedRows): void {
  planned.packedRows = packedRows;
  lazyProperty(
    planned,
    'lines',
    () => linesOfRows(packedRows),
    () => delete planned.packedRows,
  );
}

/** How many lines a planned invoice has, without rebuilding packed ones. */
export function plannedLineCount(planned: PlannedInvoice): number {
  return planned.packedRows?.rows.length ?? planned.lines.length;
}

/** The invoice record of a planned invoice: a completed one keeps its stored id and batch. */
export function invoiceOfPlan(
  planned: PlannedInvoice,
  ids: { id: string; importBatchId: string },
  batchOfFile: (sourceFile: string) => string,
): Invoice {
  const invoice = invoiceFromDraft(
    planned.drafted,
    { id: ids.id, carrierId: planned.carrierId, importBatchId: ids.importBatchId },
    planned.packedRows === undefined
      ? aggregateLines(planned.lines)
      : aggregateRows(planned.packedRows),
  );
  const storedBatches = new Map(
    (planned.stored?.parts ?? []).map((part) => [
      `${part.kind}\u0000${part.sourceFile}`,
      part.importBatchId,
    ]),
  );
  invoice.parts = partsOf(planned.drafted).map((part): InvoicePart => ({
    ...part,
    importBatchId:
      storedBatches.get(`${part.kind}\u0000${part.sourceFile}`) ?? batchOfFile(part.sourceFile),
  }));
  return invoice;
}

/**
 * A stored invoice completed by files imported later (its `joined` record, from
 * {@link invoiceOfPlan}): it keeps its id, the number it was stored under and its status, as
 * findings' ids and subjects, and the disputes naming them, key on them; and the file it was
 * first stored from, as its import (`importBatchId`) is that file's (the joined record's would be
 * the first file read again, the later one).
 */
export function joinedInvoice(before: Invoice, joined: Invoice): Invoice {
  // What the bill states comes from the joined read of every part: a field it no longer states
  // (an exchange rate answered 1 this time) is gone, not kept from the stored record. The rest of
  // the stored record (approval, payment) is the user's.
  const {
    dueDate: _dueDate,
    periodStart: _periodStart,
    periodEnd: _periodEnd,
    remitTo: _remitTo,
    exchange: _exchange,
    balance: _balance,
    unread: _unread,
    ...users
  } = before;
  const record: Invoice = { ...users, ...joined, invoiceNumber: before.invoiceNumber };
  return before.sourceFile === undefined
    ? { ...record, status: before.status }
    : { ...record, status: before.status, sourceFile: before.sourceFile };
}

/**
 * The stored usage records of a drafted invoice's usage. Each record is one object literal with its
 * keys in one order (no spread): a million-line import makes 271,000 of them in its commit, and the
 * store packs them into columns key by key, which is fastest over objects of one shape.
 */
export function usageRecordsOf(usage: readonly DraftUsage[], invoiceId: string): UsageRecord[] {
  const records: UsageRecord[] = [];
  for (const record of usage) {
    records.push({
      serviceKey: record.serviceKey,
      serviceIdRaw: record.serviceIdRaw,
      month: record.month,
      invoiceId,
      minutes: record.minutes,
      messages: record.messages,
      dataKb: record.dataKb,
      roamingMinutes: record.roamingMinutes ?? 0,
      roamingDataKb: record.roamingDataKb ?? 0,
      usageCharges: ZERO_CENTS,
    });
  }
  return records;
}

/** A copy's total for the `duplicate-invoice` finding: the invoice's stated total, else its lines. */
export function copyTotal(invoice: Pick<Invoice, 'statedTotal' | 'linesTotal'>): Cents {
  return invoice.statedTotal ?? invoice.linesTotal;
}

/**
 * Narrows a draft read from new files together with stored originals (to join a companion file
 * with the parts already stored) to what the new files bring: the invoices that have a part from
 * a new file, with all their lines and usage; rows, problems and copies of the stored files'
 * other invoices are left out (they were shown when those files were imported).
 */
export function focusOnNewFiles(draft: BillDraft, storedFiles: ReadonlySet<string>): BillDraft {
  if (storedFiles.size === 0) return draft;
  const isNew = (file: string) => !storedFiles.has(file);
  const invoices = draft.invoices.filter((invoice) =>
    partsOf(invoice).some((part) => isNew(part.sourceFile)),
  );
  const keys = new Set(invoices.map((invoice) => invoice.key));
  const focused: BillDraft = {
    ...draft,
    invoices,
    lines: draft.lines.filter((line) => keys.has(line.invoiceKey)),
    usage: draft.usage.filter((usage) => keys.has(usage.invoiceKey)),
    skipped: draft.skipped.filter((row) => isNew(row.sourceFile)),
    errors: draft.errors.filter((row) => isNew(row.sourceFile)),
  };
  const warnings = draft.warnings?.filter((row) => isNew(row.sourceFile));
  if (warnings !== undefined) focused.warnings = warnings;
  const copies = draft.copies?.filter((copy) => isNew(copy.sourceFile));
  if (copies !== undefined) focused.copies = copies;
  const ignored = draft.ignoredFiles?.filter((file) => isNew(file.sourceFile));
  if (ignored !== undefined) focused.ignoredFiles = ignored;
  return focused;
}

/** Sum of a planned invoice's lines (the copy total when it states none). */
export function plannedTotal(planned: PlannedInvoice): Cents {
  return (
    planned.drafted.statedTotal ??
    (planned.packedRows === undefined
      ? aggregateLines(planned.lines)
      : aggregateRows(planned.packedRows)
    ).linesTotal
  );
}

/**
 * The files (or ZIP members) the drafts' invoices were read from, every part of every invoice:
 * an upload is kept as an original only when it brought one of them (a copy brings none).
 */
export function filesUsedBy(drafts: readonly BillDraft[]): Set<string> {
  return new Set(
    drafts.flatMap((draft) => [
      ...draft.invoices.flatMap((invoice) => partsOf(invoice).map((part) => part.sourceFile)),
      // A usage-only file read for invoices outside its draft (stored earlier) is kept too.
      ...(draft.usageFor === undefined ? [] : draft.usage.map((usage) => usage.sourceFile)),
    ]),
  );
}
