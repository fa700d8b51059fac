import { useState, type FormEvent } from 'react';
import { isIsoDate } from '../../../shared/dates';
import { centsFromText, formatCents, sumCents, type Cents } from '../../../shared/money/cents';
import { useDatabase } from '../../db/DatabaseContext';
import { createDispute } from '../../db/disputes';
import type { FindingRow } from './rows';

/** Opens a dispute for the chosen findings of one carrier account. */
export function NewDisputeForm({
  rows,
  onDone,
}: {
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
  const claim = sumCents(rows.map((r) => r.impact));
  const first = rows[0];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (filed !== '' && !isIsoDate(filed)) return setProblem('The filed date is not a date.');
    let expectedCredit: Cents | undefined;
    if (expected.trim() !== '') {
      const parsed = centsFromText(expected);
      if (!parsed.ok) return setProblem(`Expected credit: ${parsed.errors[0]?.message ?? ''}`);
      if (parsed.value !== null) expectedCredit = parsed.value;
    }
    const now = new Date().toISOString();
    const outcome = await createDispute(
      db,
      {
        findingIds: rows.map((r) => r.id),
        carrierReference: ticket,
        ...(isIsoDate(filed) ? { submittedOn: filed } : {}),
        contact,
        notes,
        ...(expectedCredit === undefined ? {} : { expectedCredit }),
      },
      `dispute-${crypto.randomUUID()}`,
      now,
    );
    if (!outcome.ok) return setProblem(outcome.errors.map((e) => e.message).join(' '));
    onDone(`Disputed ${rows.length} findings (${formatCents(claim)}).`);
  };

  return (
    <form
      className="panel dispute-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="new-dispute"
    >
      <h2 id="new-dispute">
        New dispute: {first ? `${first.carrier} ${first.accountNumber}` : ''} — {rows.length}{' '}
        findings, {formatCents(claim)}
      </h2>
      <div className="form-grid">
        <label>
          Carrier ticket number
          <input type="text" value={ticket} onChange={(e) => setTicket(e.target.value)} />
        </label>
        <label>
          Filed on
          <input type="date" value={filed} onChange={(e) => setFiled(e.target.value)} />
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
          />
        </label>
        <label className="wide">
          Notes
          <textarea value={notes} rows={2} onChange={(e) => setNotes(e.target.value)} />
        </label>
      </div>
      {problem && <p role="alert">{problem}</p>}
      <div className="button-row">
        <button type="submit">Open dispute</button>
        <button type="button" className="secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
