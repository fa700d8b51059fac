import type { DateOrder } from '../../../../shared/dates';
import { unreadRowCount, type BillDraft } from '../../../../shared/import/draft';
import { draftLineCount, draftUsageCount } from '../../../../shared/import/packed-drafts';
import type { ColumnMapping } from '../../../../shared/import/mapping';
import type { InvoiceDetails } from '../../../../shared/import/profiles/types';
import type { ReadOutcome } from '../../../../shared/import/read-bill';
import type { CommitOutcome, ImportConflict, UploadToCommit } from '../../../db/import-commit';

export type DraftOutcome = Extract<ReadOutcome, { kind: 'draft' }>;
export type UnreadableOutcome = Extract<ReadOutcome, { kind: 'unreadable' }>;
export type Question = Extract<
  ReadOutcome,
  { kind: 'needs-sheet' | 'needs-mapping' | 'needs-date-order' | 'needs-invoice-details' }
>;

/** The answers the user has given so far in this import, fed back into the next read. */
export interface ImportAnswers {
  dateOrder?: DateOrder;
  /** Mappings made in this session (saved to the database when the import is committed). */
  newMappings: ColumnMapping[];
  invoiceDetails: Record<string, InvoiceDetails>;
  /** The sheet chosen for each Excel workbook that had several (or only hidden) candidates. */
  sheets?: Record<string, string>;
}

/** Where an import is: reading, asking, previewing, committing, or finished. */
export type ImportState =
  | { step: 'idle' }
  | { step: 'reading'; fileNames: string[]; fraction: number }
  | { step: 'question'; question: Question; fileNames: string[] }
  | {
      step: 'preview';
      drafts: DraftOutcome[];
      unreadable: UnreadableOutcome[];
      conflicts: ImportConflict[];
      uploads: UploadToCommit[];
      /** Names of stored originals read again to complete stored invoices (see db/companions). */
      storedFiles: string[];
    }
  | { step: 'committing' }
  | { step: 'done'; outcome: Extract<CommitOutcome, { ok: true }>; invoices: number }
  | { step: 'failed'; message: string };

/** The first question among the outcomes, in the order a user can answer them. */
export function firstQuestion(outcomes: readonly ReadOutcome[]): Question | undefined {
  for (const outcome of outcomes) {
    if (
      outcome.kind === 'needs-sheet' ||
      outcome.kind === 'needs-mapping' ||
      outcome.kind === 'needs-date-order' ||
      outcome.kind === 'needs-invoice-details'
    ) {
      return outcome;
    }
  }
  return undefined;
}

/** Sums for the preview's header line. */
export function draftTotals(drafts: readonly BillDraft[]) {
  return {
    invoices: drafts.reduce((sum, d) => sum + d.invoices.length, 0),
    lines: drafts.reduce((sum, d) => sum + draftLineCount(d), 0),
    usage: drafts.reduce((sum, d) => sum + draftUsageCount(d), 0),
    errors: drafts.reduce((sum, d) => sum + unreadRowCount(d), 0),
    skipped: drafts.reduce((sum, d) => sum + d.skipped.length, 0),
  };
}
