import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { DisputeChoice } from '../../../shared/audit/dispute-claim';
import { isIsoDate } from '../../../shared/dates';
import { centsFromText, formatCents, type Cents } from '../../../shared/money/cents';
import { useDatabase } from '../../db/DatabaseContext';
import { createDispute } from '../../db/disputes';
import type { FindingRecord } from '../../db/findings';
import type { FindingRow } from './rows';

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
  const [problem, setProblem] = useState('');
  // The field a problem is about: it is marked invalid, described by the problem and focused.
  const [invalid, setInvalid] = useState<'filed' | 'expected' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const filedInput = useRef<HTMLInputElement>(null);
  const expectedInput = useRef<HTMLInputElement>(null);
  // The form opens below the grid: focus goes to its heading, so a keyboard user starts on it.
  useEffect(() => heading.current?.focus(), []);
  const refuse = (field: 'filed' | 'expected' | null, message: string) => {
    setProblem(message);
    setInvalid(field);
    if (field === 'filed') filedInput.current?.focus();
    if (field === 'expected') expectedInput.current?.focus();
  };
  const fieldProps = (field: 'filed' | 'expected') =>
    invalid === field
      ? { 'aria-invalid': true, 'aria-describedby': 'new-dispute-problem' }
      : { 'aria-invalid': false };
  const claim = choice.total;
  const count = choice.claimed.length;
  const rowOf = (id: string) => rows.find((row) => row.id === id);
  const first = rowOf(choice.claimed[0]?.finding.id ?? '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (filed !== '' && !isIsoDate(filed)) return refuse('filed', 'The filed date is not a date.');
    let expectedCredit: Cents | undefined;
    if (expected.trim() !== '') {
      // Money typed by the user is to the cent: `12.345` is refused, never silently rounded.
      const parsed = centsFromText(expected, { subCent: 'reject' });
      if (!parsed.ok)
        return refuse('expected', `Expected credit: ${parsed.errors[0]?.message ?? ''}`);
      if (parsed.value !== null) expectedCredit = parsed.value;
    }
    const now = new Date().toISOString();
    const outcome = await createDispute(
      db,
      {
        findingIds: choice.claimed.map((c) => c.finding.id),
        carrierReference: ticket,
        ...(isIsoDate(filed) ? { submittedOn: filed } : {}),
        contact,
        notes,
        ...(expectedCredit === undefined ? {} : { expectedCredit }),
      },
      `dispute-${crypto.randomUUID()}`,
      now,
    );
    if (!outcome.ok) return refuse(null, outcome.errors.map((e) => e.message).join(' '));
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
            ref={filedInput}
            type="date"
            value={filed}
            onChange={(e) => setFiled(e.target.value)}
            {...fieldProps('filed')}
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
            ref={expectedInput}
            value={expected}
            placeholder={formatCents(claim)}
            onChange={(e) => setExpected(e.target.value)}
            {...fieldProps('expected')}
          />
        </label>
        <label className="wide">
          Notes
          <textarea value={notes} rows={2} onChange={(e) => setNotes(e.target.value)} />
        </label>
      </div>
      {problem && (
        <p role="alert" id="new-dispute-problem">
          {problem}
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
