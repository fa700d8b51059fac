import { useState } from 'react';
import type { DateOrder } from '../../../../shared/dates';
import { useImport } from './ImportContext';
import { STEP_FOCUS } from './useStepFocus';
import { QuestionButtons, RadioChoices } from './QuestionParts';
import type { Question } from './session';

export const DATE_ORDER_LABELS: Record<DateOrder, string> = {
  MDY: 'Month/day/year (US: 03/04/2026 is March 4)',
  DMY: 'Day/month/year (03/04/2026 is 3 April)',
  YMD: 'Year/month/day (2026/03/04)',
};

/** Asked when a file's dates read correctly in more than one order: never guessed. */
export function DateOrderQuestion({
  question,
}: {
  question: Extract<Question, { kind: 'needs-date-order' }>;
}) {
  const { answer } = useImport();
  const [order, setOrder] = useState<DateOrder | null>(null);
  return (
    <section className="panel import-panel" aria-labelledby="import-title">
      <h2 id="import-title" {...STEP_FOCUS}>
        Which way are the dates in {question.fileName} written?
      </h2>
      <p>
        Every date in this file reads correctly more than one way, for example{' '}
        {question.examples.slice(0, 4).map((example, i) => (
          <code key={i}>{example} </code>
        ))}
        . Choose the order the carrier uses; TEM Desk will not guess.
      </p>
      <RadioChoices
        legend="Date order"
        name="date-order"
        choices={question.candidates.map((candidate) => ({
          value: candidate,
          label: DATE_ORDER_LABELS[candidate],
        }))}
        selected={order}
        onSelect={setOrder}
      />
      <QuestionButtons
        ready={order !== null}
        onContinue={() => order && answer({ dateOrder: order })}
      />
    </section>
  );
}
