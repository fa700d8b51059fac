import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { DisputeChoice } from '../../../shared/audit/dispute-claim';
import { expectedCreditOf } from '../../../shared/audit/dispute-credit';
import { isIsoDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money/cents';
import { useDatabase } from '../../db/DatabaseContext';
import { createDispute } from '../../db/disputes';
import type { FindingRecord } from '../../db/findings';
import type { FindingRow } from './rows';
import { useFieldProblem } from './useFieldProblem';

/**
 * Opens a dispute for the chosen findings of one carrier account: it claims their money at stake,
 * each cent once, and says which selected findings it leaves out and why.
 */
export function NewDisputeForm({
  choice,
  rows,
  onDone,
}: {
  choice: DisputeChoice<FindingRecord>;
  /** The selected findings as grid rows (names for the title and the left-out list). */
  rows: readonly FindingRow[];
  onDone: (message: string | null) => void;
}) {
  const db = useDatabase();
  const [ticket, setTicket] = useState('');
  const [filed, setFiled] = useState('');
  const [contact, setContact] = useState('');
  const [expected, setExpected] = useState('');
  const [notes, setNotes] = useState('');
  const problem = useFieldProblem<'filed' | 'expected'>();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form opens below the grid: focus goes to its heading, so a keyboard user starts on it.
  useEffect(() => heading.current?.focus(), []);
  const claim = choice.total;
  const count = choice.claimed.length;
  const rowOf = (id: string) => rows.find((row) => row.id === id);
  const first = rowOf(choice.claimed[0]?.finding.id ?? '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (filed !== '' && !isIsoDate(filed))
      return problem.say('The filed date is not a date.', 'filed');
    const amount = expectedCreditOf(expected, claim);
    if (typeof amount === 'string') return problem.say(amount, 'expected');
    // clock: when the dispute opened, for its date and the history of its findings.
    const now = new Date().toISOString();
    const outcome = await createDispute(
      db,
      {
        findingIds: choice.claimed.map((c) => c.finding.id),
        carrierReference: ticket,
        ...(isIsoDate(filed) ? { submittedOn: filed } : {}),
        contact,
        notes,
        ...(amount === undefined ? {} : { expectedCredit: amount }),
      },
      `dispute-${crypto.randomUUID()}`,
      now,
    );
    if (!outcome.ok) return problem.say(outcome.errors.map((e) => e.message).join(' '));
    onDone(`Disputed ${count} finding${count === 1 ? '' : 's'} (${formatCents(claim)}).`);
  };

  return (
    <form
      className="panel dispute-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="new-dispute"
    >
      <h2 id="new-dispute" ref={heading} tabIndex={-1}>
        New dispute: {first ? `${first.carrier} ${first.accountNumber}` : ''} — {count} finding
        {count === 1 ? '' : 's'}, {formatCents(claim)} claimed
      </h2>
      {choice.leftOut.length > 0 && (
        <div className="notice">
          <p id="new-dispute-left-out">
            {choice.leftOut.length} selected finding{choice.leftOut.length === 1 ? ' is' : 's are'}{' '}
            left out: the claim asks the carrier only for money at stake, each cent once.
          </p>
          <ul aria-labelledby="new-dispute-left-out">
            {choice.leftOut.map(({ finding, reason }) => {
              const row = rowOf(finding.id);
              return (
                <li key={finding.id}>
                  {row?.rule ?? finding.ruleId}
                  {row?.serviceIdRaw ? ` (${row.serviceIdRaw})` : ''}, {formatCents(finding.impact)}
                  : {reason}.
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <div className="form-grid">
        <label>
          Carrier ticket number
          <input type="text" value={ticket} onChange={(e) => setTicket(e.target.value)} />
        </label>
        <label>
          Filed on
          <input
            type="date"
            value={filed}
            onChange={(e) => setFiled(e.target.value)}
            {...problem.field('filed')}
          />
        </label>
        <label>
          Contact at the carrier
          <input type="text" value={contact} onChange={(e) => setContact(e.target.value)} />
        </label>
        <label>
          Expected credit (blank = the claim)
          <input
            type="text"
            inputMode="decimal"
            value={expected}
            placeholder={formatCents(claim)}
            onChange={(e) => setExpected(e.target.value)}
            {...problem.field('expected')}
          />
        </label>
        <label className="wide">
          Notes
          <textarea value={notes} rows={2} onChange={(e) => setNotes(e.target.value)} />
        </label>
      </div>
      {problem.message && (
        <p role="alert" id={problem.problemId}>
          {problem.message}
        </p>
      )}
      <div className="button-row">
        <button type="submit">Open dispute</button>
        <button type="button" className="secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
