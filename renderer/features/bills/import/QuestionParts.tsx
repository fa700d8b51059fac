import type { ReactNode } from 'react';
import { useImport } from './ImportContext';

/** One choice of a {@link RadioChoices} list. */
export interface RadioChoice<T extends string> {
  value: T;
  label: ReactNode;
}

/** A question's list of exclusive choices (date orders, sheets), one radio button each. */
export function RadioChoices<T extends string>({
  legend,
  name,
  choices,
  selected,
  onSelect,
}: {
  legend: string;
  name: string;
  choices: readonly RadioChoice<T>[];
  selected: T | null;
  onSelect: (value: T) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className="radio">
          <input
            type="radio"
            name={name}
            checked={selected === choice.value}
            onChange={() => onSelect(choice.value)}
          />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}

/** A question's buttons: Continue (when the answer is complete) and Cancel import. */
export function QuestionButtons({ ready, onContinue }: { ready: boolean; onContinue: () => void }) {
  const { cancel } = useImport();
  return (
    <div className="button-row">
      <button type="button" disabled={!ready} onClick={onContinue}>
        Continue
      </button>
      <button type="button" className="secondary" onClick={cancel}>
        Cancel import
      </button>
    </div>
  );
}
