/**
 * Usage-only files (call detail, pooling reports, Rogers usage archives…) attach to the bill they
 * belong to: one read in the same pick, or one stored by an earlier import. The importer is told
 * the stored invoices' join keys ({@link StoredInvoiceRef}); a usage reader sees them as invoices
 * of its draft while it reads ({@link seedStoredInvoices}), and the finished draft keeps only the
 * usage, with the stored invoices it belongs to in `usageFor` ({@link detachStoredInvoices}). The
 * commit adds that usage to the stored invoices (the app's `db/attach-usage.ts`, the CLI's
 * workspace), where a figure already stored is kept ({@link newFigures}) and, in the app, a file
 * that brings nothing new is refused as already imported.
 */
import type { IsoDate } from '../dates';
import { carrierKey } from '../ids/keys';
import type { BillDraft, DraftInvoice, DraftUsage, UsageTarget } from './draft';
import { invoiceKey } from './draft';
import type { DraftBuilder } from './draft-builder';

export type { UsageTarget } from './draft';

/** What a usage-only file needs to know of an invoice stored earlier to attach to it. */
export interface StoredInvoiceRef {
  carrierName: string;
  accountNumber: string;
  invoiceNumber: string;
  invoiceDate: IsoDate;
  periodEnd?: IsoDate;
}

/** The source file name marking what {@link seedStoredInvoices} put in a draft. */
export const STORED_SOURCE = '\u0000stored invoice';

/** Why lines of a usage file are not imported: their usage is already stored. */
export const USAGE_ALREADY_STORED =
  'the usage of these lines is already stored on the invoice imported earlier (this file or another usage file of that bill was imported before).';

/** Whether two carrier names are the same carrier (`AT&T` and `AT&T Mobility`, `Rogers` and `Rogers Wireless`). */
export function sameCarrier(a: string, b: string): boolean {
  const first = (name: string) => carrierKey(name.trim().split(/\s+/)[0] ?? '');
  return first(a) !== '' && first(a) === first(b);
}

/**
 * Adds the stored invoices of `carrierName` that the draft has not read as invoices of the draft,
 * so a usage reader finds them like a bill of the same pick.
 */
export function seedStoredInvoices(
  draft: DraftBuilder,
  stored: readonly StoredInvoiceRef[] | undefined,
  carrierName: string,
): void {
  for (const ref of stored ?? []) {
    if (!sameCarrier(ref.carrierName, carrierName)) continue;
    const key = invoiceKey(carrierName, ref.accountNumber, ref.invoiceNumber);
    if (draft.invoices.has(key)) continue;
    const invoice: DraftInvoice = {
      key,
      carrierName,
      accountNumber: ref.accountNumber,
      invoiceNumber: ref.invoiceNumber,
      invoiceDate: ref.invoiceDate,
      statedTotal: null,
      sourceFile: STORED_SOURCE,
      parts: [],
    };
    if (ref.periodEnd !== undefined) invoice.periodEnd = ref.periodEnd;
    draft.invoices.set(key, invoice);
  }
}

/** The invoices of drafts read in the same pick, as refs a usage file of another layout can join. */
export function refsOfDrafts(drafts: readonly BillDraft[]): StoredInvoiceRef[] {
  return drafts.flatMap((draft) =>
    draft.invoices.map((invoice) => ({
      carrierName: invoice.carrierName,
      accountNumber: invoice.accountNumber,
      invoiceNumber: invoice.invoiceNumber,
      invoiceDate: invoice.invoiceDate,
      ...(invoice.periodEnd === undefined ? {} : { periodEnd: invoice.periodEnd }),
    })),
  );
}

/** A line's usage figures (a stored record or a drafted one). */
export type UsageFigures = Pick<
  DraftUsage,
  'minutes' | 'messages' | 'dataKb' | 'roamingMinutes' | 'roamingDataKb'
>;

/**
 * The figures of `incoming` that `stored` does not know (null there), the others made null; null
 * when it brings none. A figure already stored is kept: the same use is never counted twice, and
 * a Voice file after an SMS file of the same line still gives its minutes.
 */
export function newFigures<T extends UsageFigures>(incoming: T, stored: UsageFigures): T | null {
  const minutes = stored.minutes === null && incoming.minutes !== null;
  const messages = stored.messages === null && incoming.messages !== null;
  const data = stored.dataKb === null && incoming.dataKb !== null;
  if (!minutes && !messages && !data) return null;
  const part: T = {
    ...incoming,
    minutes: minutes ? incoming.minutes : null,
    messages: messages ? incoming.messages : null,
    dataKb: data ? incoming.dataKb : null,
  };
  if (!minutes) delete part.roamingMinutes;
  if (!data) delete part.roamingDataKb;
  return part;
}

/** `stored` with the figures it does not know taken from `incoming` (see {@link newFigures}). */
export function withNewFigures<T extends UsageFigures>(stored: T, incoming: UsageFigures): T {
  const merged: T = { ...stored };
  if (stored.minutes === null && incoming.minutes !== null) {
    merged.minutes = incoming.minutes;
    if (incoming.roamingMinutes !== undefined) merged.roamingMinutes = incoming.roamingMinutes;
  }
  if (stored.messages === null && incoming.messages !== null) merged.messages = incoming.messages;
  if (stored.dataKb === null && incoming.dataKb !== null) {
    merged.dataKb = incoming.dataKb;
    if (incoming.roamingDataKb !== undefined) merged.roamingDataKb = incoming.roamingDataKb;
  }
  return merged;
}

/** Whether a draft only adds usage to invoices imported earlier (it reads no invoice of its own). */
export function onlyStoredUsage(draft: Pick<BillDraft, 'invoices' | 'usageFor'>): boolean {
  return draft.invoices.length === 0 && (draft.usageFor ?? []).length > 0;
}

/** Why a usage file whose every line's usage is stored is not imported. */
export function alreadyStoredSentence(sourceFile: string): string {
  return `The usage in ${sourceFile} is already stored: it was imported earlier, with the bill it belongs to or on its own. Nothing new to import.`;
}

/**
 * Takes the stored invoices seeded by {@link seedStoredInvoices} back out of a finished draft: the
 * usage read onto them stays, and they are listed in `usageFor`. A draft left with nothing to
 * import is refused with `alone` (the sentence naming the bill to import) when no bill matched,
 * marked as usage without its bill (see {@link BillDraft.usageWithoutBill}).
 */
export function detachStoredInvoices(draft: BillDraft, alone: string | null): BillDraft {
  const seeded = draft.invoices.filter((i) => i.sourceFile === STORED_SOURCE);
  draft.invoices = draft.invoices.filter((i) => i.sourceFile !== STORED_SOURCE);
  const used = new Set(draft.usage.map((u) => u.invoiceKey));
  const targets: UsageTarget[] = seeded
    .filter((invoice) => used.has(invoice.key))
    .map(({ key, carrierName, accountNumber, invoiceNumber }) => ({
      invoiceKey: key,
      carrierName,
      accountNumber,
      invoiceNumber,
    }));
  if (targets.length > 0) draft.usageFor = [...(draft.usageFor ?? []), ...targets];
  if (draft.invoices.length > 0 || draft.usage.length > 0) return draft;
  if (alone !== null && draft.refusal === undefined) {
    draft.refusal = alone;
    draft.usageWithoutBill = true;
  }
  return draft;
}

/** The usage targets of a draft seeded with stored invoices, named for people. */
export function usageTargetSentence(draft: Pick<BillDraft, 'usage' | 'usageFor'>): string | null {
  const targets = draft.usageFor ?? [];
  if (targets.length === 0) return null;
  const lines = draft.usage.filter((u) => targets.some((t) => t.invoiceKey === u.invoiceKey));
  const names = targets.map((t) => `invoice ${t.invoiceNumber} of account ${t.accountNumber}`);
  return `Importing adds the usage of ${lines.length} line${lines.length === 1 ? '' : 's'} to ${names.join(', ')}.`;
}
