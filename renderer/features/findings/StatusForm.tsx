import { useId, useRef, useState, type FormEvent } from 'react';
import { isIsoDate, type IsoDate } from '../../../shared/dates';
import { isoDateOf } from '../../db/findings';
import { FINDING_STATUSES, type FindingStatus } from '../../../shared/model';
import { STATUS_LABELS } from './rows';

/** A status change as the user enters it: the new status, the day it happened and a note. */
export interface StatusChoice {
  status: FindingStatus;
  /** ISO 8601 timestamp (noon UTC of the chosen day). */
  at: string;
  note: string;
}

/** Today's date (UTC), the default of every date field here. */
export function todayIso(): IsoDate {
  return isoDateOf(new Date().toISOString());
}

/** Status, date and note, for one finding or a selection (`legend` says which). */
export function StatusForm({
  legend,
  submitLabel,
  initial = 'disputed',
  onSubmit,
}: {
  legend: string;
  submitLabel: string;
  initial?: FindingStatus;
  onSubmit: (choice: StatusChoice) => Promise<void>;
}) {
  const id = useId();
  const [status, setStatus] = useState<FindingStatus>(initial);
  const [date, setDate] = useState<string>(todayIso);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState('');
  const dateInput = useRef<HTMLInputElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isIsoDate(date)) {
      setProblem('Choose the date of the change.');
      dateInput.current?.focus();
      return;
    }
    setProblem('');
    void onSubmit({ status, at: `${date}T12:00:00.000Z`, note }).then(() => setNote(''));
  };
  return (
    <form className="inline-form status-form" onSubmit={submit} aria-labelledby={`${id}-legend`}>
      <span id={`${id}-legend`} className="status-form__legend">
        {legend}
      </span>
      <label className="inline">
        New status
        <select
          value={status}
          onChange={(e) => setStatus(FINDING_STATUSES.find((s) => s === e.target.value) ?? 'open')}
        >
          {FINDING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        Date
        <input
          ref={dateInput}
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          aria-invalid={problem !== ''}
          aria-describedby={problem ? `${id}-problem` : undefined}
        />
      </label>
      <label className="inline">
        Note
        <input type="text" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit">{submitLabel}</button>
      {problem && (
        <span role="alert" id={`${id}-problem`}>
          {problem}
        </span>
      )}
    </form>
  );
}
