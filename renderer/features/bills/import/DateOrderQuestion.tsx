import { useState } from 'react';
import type { DateOrder } from '../../../../shared/dates';
import { useImport } from './ImportContext';
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
  const { answer, cancel } = useImport();
  const [order, setOrder] = useState<DateOrder | null>(null);
  return (
    <section className="panel import-panel" aria-labelledby="import-title">
      <h2 id="import-title">Which way are the dates in {question.fileName} written?</h2>
      <p>
        Every date in this file reads correctly more than one way, for example{' '}
        {question.examples.slice(0, 4).map((example, i) => (
          <code key={i}>{example} </code>
        ))}
        . Choose the order the carrier uses; TEM Desk will not guess.
      </p>
      <fieldset>
        <legend>Date order</legend>
        {question.candidates.map((candidate) => (
          <label key={candidate} className="radio">
            <input
              type="radio"
              name="date-order"
              checked={order === candidate}
              onChange={() => setOrder(candidate)}
            />
            {DATE_ORDER_LABELS[candidate]}
          </label>
        ))}
      </fieldset>
      <div className="button-row">
        <button
          type="button"
          disabled={!order}
          onClick={() => order && answer({ dateOrder: order })}
        >
          Continue
        </button>
        <button type="button" className="secondary" onClick={cancel}>
          Cancel import
        </button>
      </div>
    </section>
  );
}
