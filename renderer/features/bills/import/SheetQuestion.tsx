import { useState } from 'react';
import { useImport } from './ImportContext';
import { STEP_FOCUS } from './useStepFocus';
import { QuestionButtons, RadioChoices } from './QuestionParts';
import type { Question } from './session';

/**
 * Asked when an Excel workbook holds two sheets that could be the bill (or only hidden ones): the
 * user chooses, TEM Desk never guesses. Hidden sheets are listed apart and only read when chosen.
 */
export function SheetQuestion({
  question,
}: {
  question: Extract<Question, { kind: 'needs-sheet' }>;
}) {
  const { answer } = useImport();
  const [sheet, setSheet] = useState<string | null>(null);
  const [showHidden, setShowHidden] = useState(question.sheets.length === 0);
  const choices = [
    ...question.sheets.map((name) => ({ value: name, label: name })),
    ...(showHidden
      ? question.hidden.map((name) => ({ value: name, label: `${name} (hidden sheet)` }))
      : []),
  ];
  return (
    <section className="panel import-panel" aria-labelledby="import-title">
      <h2 id="import-title" {...STEP_FOCUS}>
        Which sheet of {question.fileName} is the bill?
      </h2>
      <p>
        {question.sheets.length > 1
          ? `${question.sheets.length} sheets of this workbook hold a table that could be the bill. Choose the one to import; the others are not read.`
          : 'No visible sheet of this workbook holds a bill table. Hidden sheets are never imported unless you choose one.'}
      </p>
      <RadioChoices
        legend="Sheet to import"
        name="sheet"
        choices={choices}
        selected={sheet}
        onSelect={setSheet}
      />
      {!showHidden && question.hidden.length > 0 && (
        <button type="button" className="button-link" onClick={() => setShowHidden(true)}>
          Show {question.hidden.length} hidden sheet{question.hidden.length === 1 ? '' : 's'}
        </button>
      )}
      <QuestionButtons
        ready={sheet !== null}
        onContinue={() => sheet !== null && answer({ sheets: { [question.fileName]: sheet } })}
      />
    </section>
  );
}
