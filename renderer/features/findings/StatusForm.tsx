import { useId, useState, type FormEvent } from 'react';
import { statusChangeProblem } from '../../../shared/audit/next-status';
import { isIsoDate, type IsoDate } from '../../../shared/dates';
import { isoDateOf } from '../../db/findings';
import { FINDING_STATUSES, type FindingStatus } from '../../../shared/model';
import { STATUS_LABELS } from './rows';
import { useFieldProblem } from './useFieldProblem';

/** A status change as the user enters it: the new status, the day it happened and a note. */
export interface StatusChoice {
  status: FindingStatus;
  /** ISO 8601 timestamp (noon UTC of the chosen day). */
  at: string;
  note: string;
}

/** Today's date (UTC), the default of every date field here. */
export function todayIso(): IsoDate {
  // clock: the day a form's date fields start at.
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
  const problem = useFieldProblem<'date' | 'note'>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isIsoDate(date)) return problem.say('Choose the date of the change.', 'date');
    const refused = statusChangeProblem(status, note);
    if (refused !== null) return problem.say(refused, 'note');
    problem.say('');
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
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          {...problem.field('date')}
        />
      </label>
      <label className="inline">
        Note
        <input
          type="text"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          {...problem.field('note')}
        />
      </label>
      <button type="submit">{submitLabel}</button>
      {problem.message && (
        <span role="alert" id={problem.problemId}>
          {problem.message}
        </span>
      )}
    </form>
  );
}
