import { fileList } from './fileList';
import { useEffect, useId, useMemo, useState } from 'react';
import { StoredUsageNote } from './StoredUsageNote';
import { onlyStoredUsage } from '../../../../shared/import/stored-usage';
import { lineSumsByInvoice } from '../../../../shared/import/packed-drafts';
import { plural } from '../../../../shared/text/wording';
import { sameFileName } from '../../../../shared/ledger/file-names';
import {
  clashVerdictSentence,
  joinedReplaceSentence,
} from '../../../../shared/ledger/stored-relation';
import {
  columnChoiceSentence,
  partsOf,
  unreadRowCount,
  type BillDraft,
  type DraftInvoice,
} from '../../../../shared/import/draft';
import { blocksImport, replaceable, type ImportConflict } from '../../../db/import-conflicts';
import { FilesNotImported } from './FilesNotImported';
import { HiddenSheetChoice } from './HiddenSheetChoice';
import { useImport } from './ImportContext';
import { STEP_FOCUS } from './useStepFocus';
import { PreviewInvoices } from './PreviewInvoices';
import { useFiledUnder } from './useFiledUnder';
import { PreviewLines } from './PreviewLines';
import { draftTotals, type ImportState } from './session';

type PreviewState = Extract<ImportState, { step: 'preview' }>;

function describeConflict(conflict: ImportConflict): string {
  switch (conflict.kind) {
    case 'file-already-imported':
      // The name the file was stored under only when the user gave it another (not for a `(2)`).
      return `${conflict.fileName} was already imported on ${conflict.importedAt.slice(0, 10)}${sameFileName(conflict.fileName, conflict.previousFileName) ? '' : ` (as ${conflict.previousFileName})`}.`;
    case 'invoice-exists':
      return `${conflict.carrierName} invoice ${conflict.invoiceNumber} (account ${conflict.accountNumber}) is already stored, from ${conflict.existingFileName}. ${clashVerdictSentence(conflict.verdict)}${conflict.joinedFrom === undefined ? '' : ` ${joinedReplaceSentence(conflict.joinedFrom)}`}`.trimEnd();
    case 'invoice-repeated':
      return `Invoice ${conflict.invoiceNumber} is in both ${conflict.otherFileName} and ${conflict.fileName}, read as two different layouts: taking both would count its charges twice. Import one of them.`;
    case 'file-partly-stored':
      return partlyStoredSentence(conflict);
  }
}

/** What a file imported before brings again once some of its invoices were deleted. */
function partlyStoredSentence(
  conflict: Extract<ImportConflict, { kind: 'file-partly-stored' }>,
): string {
  const stored = conflict.stored.map(
    (invoice) => `${invoice.invoiceNumber} (account ${invoice.accountNumber})`,
  );
  return `${conflict.fileName} was imported on ${conflict.importedAt.slice(0, 10)}. Still stored from it, and not imported again: invoice${stored.length === 1 ? '' : 's'} ${stored.join(', ')}. Importing adds back the deleted invoice${conflict.adding.length === 1 ? '' : 's'} ${conflict.adding.join(', ')}.`;
}

/** Invoices of this import that complete a stored invoice, joined with the stored file. */
function CompletedInvoices({
  invoices,
  storedFiles,
}: {
  invoices: readonly DraftInvoice[];
  storedFiles: readonly string[];
}) {
  const stored = new Set(storedFiles);
  const completing = invoices.filter((invoice) =>
    partsOf(invoice).some((part) => stored.has(part.sourceFile)),
  );
  if (completing.length === 0) return null;
  return (
    <ul className="hint" aria-label="Stored invoices completed">
      {completing.map((invoice) => {
        const parts = partsOf(invoice);
        const old = parts.filter((part) => stored.has(part.sourceFile));
        const added = parts.filter((part) => !stored.has(part.sourceFile));
        return (
          <li key={invoice.key}>
            Completes stored invoice {invoice.invoiceNumber} (account {invoice.accountNumber}):{' '}
            {added.map((part) => part.sourceFile).join(', ')} joins{' '}
            {old.map((part) => part.sourceFile).join(', ')}, imported earlier. Its status and
            history are kept.
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Fields a file named several ways (`Amount`, `Cost`): which column was read, one sentence per
 * field (each sentence once; prefixed with its file when the draft has several).
 */
function ColumnChoices({ draft, files }: { draft: BillDraft; files: number }) {
  const sentences = [
    ...new Set(
      (draft.columnChoices ?? []).map(
        (choice) => `${files > 1 ? `${choice.sourceFile}: ` : ''}${columnChoiceSentence(choice)}`,
      ),
    ),
  ];
  if (sentences.length === 0) return null;
  return (
    <ul className="hint" aria-label="Columns read">
      {sentences.map((sentence) => (
        <li key={sentence}>{sentence}</li>
      ))}
    </ul>
  );
}

/** Files that repeat an invoice already read in this import: refused, never counted twice. */
function CopiesRefused({ drafts }: { drafts: readonly BillDraft[] }) {
  const copies = drafts.flatMap((draft) => draft.copies ?? []);
  if (copies.length === 0) return null;
  return (
    <div className="notice" role="alert" aria-label="Copies not imported">
      <p>
        <strong>
          {copies.length === 1 ? 'A file is a copy' : `${copies.length} files are copies`}: not
          imported
        </strong>
      </p>
      <ul>
        {copies.map((copy, i) => (
          <li key={i}>
            {copy.sourceFile} repeats invoice {copy.invoiceNumber} (account {copy.accountNumber}),
            already read from {copy.sameAs}. It is not imported, so the invoice is counted once.
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Exactly what will be committed: invoices with their totals, lines, unreadable rows, conflicts. */
export function ImportPreview({ state }: { state: PreviewState }) {
  const { commit, cancel } = useImport();
  const replaceId = useId();
  const [replace, setReplace] = useState(false);
  useEffect(() => {
    performance.mark('import:preview-rendered');
  }, []);
  const drafts = useMemo(() => state.drafts.map((outcome) => outcome.draft), [state.drafts]);
  const totals = useMemo(() => draftTotals(drafts), [drafts]);
  // The invoices read in this pick: usage of another file of it goes to them, not to stored ones.
  const picked = useMemo(
    () => new Set(drafts.flatMap((draft) => draft.invoices.map((invoice) => invoice.key))),
    [drafts],
  );
  const filed = useFiledUnder(drafts);
  // Each invoice's sum of lines, once per read (not on every render, nor through one big array).
  // (Per draft: one invoice read by two layouts shows each layout's own sum, not both added.)
  const sums = useMemo(() => drafts.map((draft) => lineSumsByInvoice([draft])), [drafts]);
  const repeated = state.conflicts.some((c) => c.kind === 'invoice-repeated');
  const blocking = state.conflicts.filter(blocksImport);
  const partlyStored = state.conflicts.filter((c) => !blocksImport(c));
  const needsReplace = blocking.length > 0;
  // Replace cannot override these: it is not offered.
  const refused = blocking.some((c) => !replaceable(c));
  // Invoices still stored from a file imported before are not imported again (unless replaced).
  const skipped = replace
    ? 0
    : partlyStored.reduce(
        (sum, c) => sum + (c.kind === 'file-partly-stored' ? c.stored.length : 0),
        0,
      );
  const invoicesToImport = totals.invoices - skipped;
  const canCommit =
    (invoicesToImport > 0 || totals.usage > 0) && !refused && (!needsReplace || replace);

  return (
    <section className="panel import-panel preview" aria-labelledby="import-title">
      <h2 id="import-title" {...STEP_FOCUS}>
        Preview: nothing is saved until you import
      </h2>
      <p role="status">
        {plural(totals.invoices, 'invoice')}, {plural(totals.lines, 'charge line')},{' '}
        {plural(totals.usage, 'usage record')} · {totals.errors} row
        {totals.errors === 1 ? '' : 's'} could not be read · {totals.skipped} summary, total or
        repeated row
        {totals.skipped === 1 ? '' : 's'} skipped
      </p>

      {state.unreadable.map((outcome) => (
        <p key={outcome.fileName} role="alert">
          {outcome.fileName} cannot be imported: {outcome.message}
        </p>
      ))}

      {state.drafts.map((outcome, index) => (
        <section
          key={index}
          aria-label={`Invoices from ${fileList(outcome.files.map((f) => f.name))}`}
        >
          <h3>
            {outcome.draft.layoutName} — {fileList(outcome.files.map((f) => f.name))}
          </h3>
          <p className="hint">
            Read as{' '}
            {[
              ...new Set(
                outcome.files.map((f) =>
                  f.sheet === undefined ? f.encoding : `Excel sheet “${f.sheet}”`,
                ),
              ),
            ].join(', ')}
            ; dates {outcome.draft.dateOrder}.
            {outcome.files.some((f) => f.replacementChars > 0) &&
              ' Some characters were already unreadable in the file (shown as �).'}
          </p>
          <HiddenSheetChoice files={outcome.files} />
          <PreviewInvoices
            invoices={outcome.draft.invoices}
            sums={sums[index] ?? new Map<string, number>()}
            filed={filed}
            hidden={onlyStoredUsage(outcome.draft)}
          />
          <ColumnChoices draft={outcome.draft} files={outcome.files.length} />
          <CompletedInvoices invoices={outcome.draft.invoices} storedFiles={state.storedFiles} />
          <StoredUsageNote draft={outcome.draft} picked={picked} />
          {(outcome.draft.warnings ?? []).length > 0 && (
            <ul className="warnings" aria-label="Warnings">
              {(outcome.draft.warnings ?? []).map((warning, i) => (
                <li key={i}>{warning.message}</li>
              ))}
            </ul>
          )}
        </section>
      ))}

      <CopiesRefused drafts={drafts} />
      <FilesNotImported drafts={drafts} />
      <RowProblems drafts={drafts} />
      {/* A usage-only file has no charge lines to show. */}
      {totals.lines > 0 || totals.invoices > 0 ? <PreviewLines drafts={drafts} /> : null}

      {partlyStored.length > 0 && (
        <div className="notice" role="status" aria-label="Imported before, in part">
          <ul>
            {partlyStored.map((conflict, i) => (
              <li key={i}>{describeConflict(conflict)}</li>
            ))}
          </ul>
        </div>
      )}

      {blocking.length > 0 && (
        <div className="notice" role="alert">
          <p>
            <strong>{repeated ? 'The same invoice twice' : 'Already imported'}</strong>
          </p>
          <ul>
            {blocking.map((conflict, i) => (
              <li key={i}>{describeConflict(conflict)}</li>
            ))}
          </ul>
          {!refused && (
            <label htmlFor={replaceId} className="inline">
              <input
                id={replaceId}
                type="checkbox"
                checked={replace}
                onChange={(e) => setReplace(e.target.checked)}
              />
              Replace the stored invoices with the ones in this file
            </label>
          )}
        </div>
      )}

      <div className="button-row">
        <button type="button" disabled={!canCommit} onClick={() => void commit(replace)}>
          {totals.invoices === 0 && totals.usage > 0
            ? `Import ${totals.usage.toLocaleString('en-US')} usage record${totals.usage === 1 ? '' : 's'}`
            : `Import ${invoicesToImport} invoice${invoicesToImport === 1 ? '' : 's'}`}
        </button>
        <button type="button" className="secondary" onClick={cancel}>
          Cancel import
        </button>
      </div>
    </section>
  );
}

/** Row problems listed in the preview; the caption gives the total. */
const ERRORS_SHOWN = 200;

function RowProblems({ drafts }: { drafts: PreviewState['drafts'][number]['draft'][] }) {
  const errors = drafts.flatMap((d) => d.errors);
  const total = drafts.reduce((sum, d) => sum + unreadRowCount(d), 0);
  const skipped = drafts.flatMap((d) => d.skipped);
  return (
    <>
      {errors.length > 0 && (
        <table className="data-table row-errors">
          <caption>
            Rows that could not be read ({total.toLocaleString('en-US')}) — they are not imported
            {errors.length > ERRORS_SHOWN ? `; the first ${ERRORS_SHOWN} problems are listed` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Line</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {errors.slice(0, ERRORS_SHOWN).map((error, i) => (
              <tr key={i}>
                <td>{error.sourceFile}</td>
                <td className="numeric">{error.row}</td>
                <td>{error.column ?? ''}</td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {skipped.length > 0 && (
        <details>
          <summary>Summary, total and repeated rows skipped ({skipped.length})</summary>
          <ul>
            {skipped.slice(0, 200).map((row, i) => (
              <li key={i}>
                {row.sourceFile}, line {row.row}: {row.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
