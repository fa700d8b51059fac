import type { DraftInvoice } from '../import/draft';
import type { ChargeLine, Invoice } from '../model';
import { aggregateLines, type LineAggregates } from './aggregates';

/**
 * The stored invoice for a drafted one: its facts, the aggregates of its lines (so screens never
 * load them) and status `received`. The one place the app, the CLI and the tests turn a draft
 * into an invoice.
 */
export function invoiceFromDraft(
  drafted: DraftInvoice,
  stored: { id: string; carrierId: string; importBatchId: string },
  /** Its lines, or their aggregates when the caller has them (packed lines: see `aggregateRows`). */
  lines: readonly Pick<ChargeLine, 'amount' | 'category'>[] | LineAggregates,
): Invoice {
  const invoice: Invoice = {
    id: stored.id,
    carrierId: stored.carrierId,
    accountNumber: drafted.accountNumber,
    invoiceNumber: drafted.invoiceNumber,
    invoiceDate: drafted.invoiceDate,
    statedTotal: drafted.statedTotal,
    ...('linesTotal' in lines ? lines : aggregateLines(lines)),
    status: 'received',
    importBatchId: stored.importBatchId,
    sourceFile: drafted.sourceFile,
  };
  if (drafted.dueDate !== undefined) invoice.dueDate = drafted.dueDate;
  if (drafted.periodStart !== undefined) invoice.periodStart = drafted.periodStart;
  if (drafted.periodEnd !== undefined) invoice.periodEnd = drafted.periodEnd;
  if (drafted.remitTo !== undefined) invoice.remitTo = drafted.remitTo;
  if (drafted.balance !== undefined) invoice.balance = { ...drafted.balance };
  if (drafted.exchange !== undefined) invoice.exchange = { ...drafted.exchange };
  if (drafted.unread !== undefined) invoice.unread = { ...drafted.unread };
  return invoice;
}
