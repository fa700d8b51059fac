import { assertNever } from '../../../../shared/result';
import { DateOrderQuestion } from './DateOrderQuestion';
import { fileList } from './fileList';
import { ImportPreview } from './ImportPreview';
import { useImport } from './ImportContext';
import { InvoiceDetailsQuestion } from './InvoiceDetailsQuestion';
import { MappingWizard } from './MappingWizard';
import { SheetQuestion } from './SheetQuestion';
import { STEP_FOCUS, useStepFocus } from './useStepFocus';

/** The import, step by step: reading with progress, questions, preview, result. */
export function ImportPanel() {
  const { state, cancel } = useImport();
  useStepFocus(
    state.step === 'question'
      ? `question ${state.question.kind} ${'fileName' in state.question ? state.question.fileName : ''}`
      : state.step,
  );
  switch (state.step) {
    case 'idle':
      return null;
    case 'reading':
      return (
        <section className="panel import-panel" aria-labelledby="import-title">
          <h2 id="import-title" {...STEP_FOCUS}>
            Reading {fileList(state.fileNames)}
          </h2>
          <label className="progress-label">
            Reading files
            <progress value={state.fraction} max={1} />
            <span>{Math.round(state.fraction * 100)}%</span>
          </label>
          <button type="button" className="secondary" onClick={cancel}>
            Cancel
          </button>
        </section>
      );
    case 'question': {
      const { question } = state;
      if (question.kind === 'needs-mapping')
        return <MappingWizard key={question.fileName} question={question} />;
      if (question.kind === 'needs-date-order') return <DateOrderQuestion question={question} />;
      if (question.kind === 'needs-sheet')
        return <SheetQuestion key={question.fileName} question={question} />;
      return <InvoiceDetailsQuestion question={question} />;
    }
    case 'preview':
      return <ImportPreview state={state} />;
    case 'committing':
      return (
        <section className="panel import-panel" aria-labelledby="import-title">
          <h2 id="import-title" {...STEP_FOCUS}>
            Saving…
          </h2>
          <p role="status">Saving the invoices and their charge lines in one step.</p>
        </section>
      );
    case 'done':
      return (
        <section className="panel import-panel" aria-labelledby="import-title">
          <h2 id="import-title">Import complete</h2>
          <p role="status" {...STEP_FOCUS}>
            {state.invoices === 0 && state.outcome.attachedUsage > 0 ? (
              `Added the usage of ${attachedLines(state.outcome.attachedUsage)} to invoices imported earlier.`
            ) : (
              <>
                Imported {state.invoices.toLocaleString('en-US')} invoice
                {state.invoices === 1 ? '' : 's'} with {state.outcome.lines.toLocaleString('en-US')}{' '}
                charge lines
                {state.outcome.replacedInvoices > 0
                  ? `, replacing ${state.outcome.replacedInvoices} earlier`
                  : ''}
                {state.outcome.completedInvoices > 0
                  ? `, completing ${state.outcome.completedInvoices} stored invoice${state.outcome.completedInvoices === 1 ? '' : 's'} with ${state.outcome.completedInvoices === 1 ? 'its' : 'their'} other file`
                  : ''}
                {state.outcome.attachedUsage > 0
                  ? `, and the usage of ${attachedLines(state.outcome.attachedUsage)} added to their invoices`
                  : ''}
                .
              </>
            )}
          </p>
          <button type="button" onClick={cancel}>
            Close
          </button>
        </section>
      );
    case 'failed':
      return (
        <section className="panel import-panel" aria-labelledby="import-title">
          <h2 id="import-title" {...STEP_FOCUS}>
            Import stopped
          </h2>
          <p role="alert">{state.message}</p>
          <button type="button" onClick={cancel}>
            Close
          </button>
        </section>
      );
    default:
      return assertNever(state);
  }
}

/** `1 line`, `1,204 lines`. */
function attachedLines(count: number): string {
  return `${count.toLocaleString('en-US')} line${count === 1 ? '' : 's'}`;
}
