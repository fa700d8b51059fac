import { useState, type FormEvent } from 'react';
import {
  creditAboveClaim,
  creditAboveClaimMessage,
  creditAmountFromText,
  expectedCreditOf,
} from '../../../shared/audit/dispute-credit';
import { disputeStatusOnSave } from '../../../shared/audit/dispute-status';
import { isIsoDate } from '../../../shared/dates';
import { DISPUTE_STATUSES, type DisputeStatus } from '../../../shared/model';
import { formatCents, type Cents } from '../../../shared/money/cents';
import { useDatabase } from '../../db/DatabaseContext';
import { recordCredit, updateDispute } from '../../db/disputes';
import type { DisputeRecord } from '../../db/findings';
import { DISPUTE_STATUS_LABELS } from './rows';
import { todayIso } from './StatusForm';
import { useFieldProblem } from './useFieldProblem';

/** The dispute's ticket, filed date, contact, expected credit, status and notes. */
export function DisputeEditForm({ dispute }: { dispute: DisputeRecord }) {
  const db = useDatabase();
  const [ticket, setTicket] = useState(dispute.carrierReference ?? '');
  const [filed, setFiled] = useState<string>(dispute.submittedOn ?? '');
  const [contact, setContact] = useState(dispute.contact ?? '');
  const [expected, setExpected] = useState(
    dispute.expectedCredit === undefined ? '' : (dispute.expectedCredit / 100).toFixed(2),
  );
  // Null until the user picks a status: the select then follows the dispute as it is now (a credit
  // recorded meanwhile moves it) and proposes `submitted` for a draft given a filed date.
  const [picked, setPicked] = useState<DisputeStatus | null>(null);
  const status = disputeStatusOnSave(
    dispute.status,
    isIsoDate(filed) ? filed : undefined,
    picked ?? undefined,
  );
  const [notes, setNotes] = useState(dispute.notes ?? '');
  const problem = useFieldProblem<'filed' | 'expected'>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const amount = expectedCreditOf(expected, dispute.claimedAmount);
    if (typeof amount === 'string') return problem.say(amount, 'expected');
    if (filed !== '' && !isIsoDate(filed))
      return problem.say('The filed date is not a date.', 'filed');
    const saved = await updateDispute(
      db,
      dispute.id,
      {
        carrierReference: ticket,
        ...(isIsoDate(filed) ? { submittedOn: filed } : {}),
        contact,
        notes,
        // Only a status the user chose is written: the stored one may have moved since the form opened.
        ...(picked === null ? {} : { status: picked }),
        ...(amount === undefined ? {} : { expectedCredit: amount }),
      },
      // clock: when the status changed, for the history of the findings that follow it.
      new Date().toISOString(),
    );
    if (!saved.ok) return problem.say(saved.errors.map((e) => e.message).join(' '));
    setPicked(null);
    problem.say('Dispute saved.');
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Dispute details">
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
          Expected credit
          <input
            type="text"
            inputMode="decimal"
            value={expected}
            placeholder={formatCents(dispute.claimedAmount)}
            onChange={(e) => setExpected(e.target.value)}
            {...problem.field('expected')}
          />
        </label>
        <label>
          Dispute status
          <select
            value={status}
            onChange={(e) => setPicked(DISPUTE_STATUSES.find((s) => s === e.target.value) ?? null)}
          >
            {DISPUTE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {DISPUTE_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="wide">
          Notes
          <textarea rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </label>
      </div>
      <div className="button-row">
        <button type="submit">Save dispute</button>
        <span role="status" className="hint" id={problem.problemId}>
          {problem.message}
        </span>
      </div>
    </form>
  );
}

/** Records money the carrier gave back for this dispute. */
export function CreditForm({ dispute }: { dispute: DisputeRecord }) {
  const db = useDatabase();
  const [on, setOn] = useState<string>(todayIso);
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const problem = useFieldProblem<'on' | 'amount'>();
  // A credit larger than the claim still waits for, shown with by how much, until confirmed.
  const [aboveClaim, setAboveClaim] = useState<Cents | null>(null);
  const record = async (confirmed: boolean) => {
    const read = creditAmountFromText(amount);
    if (!read.ok) return problem.say(`Credit amount: ${read.errors[0]?.message ?? ''}`, 'amount');
    if (!isIsoDate(on))
      return problem.say('Choose the date of the bill the credit appeared on.', 'on');
    const value = read.value;
    if (!confirmed && creditAboveClaim(dispute, value) > 0) {
      setAboveClaim(value);
      return problem.say(creditAboveClaimMessage(dispute, value));
    }
    const outcome = await recordCredit(
      db,
      dispute.id,
      { on, amount: value, ...(note.trim() ? { note: note.trim() } : {}) },
      // clock: when the credit was recorded, for the history of the findings it credits.
      new Date().toISOString(),
      { aboveClaimConfirmed: confirmed },
    );
    if (!outcome.ok) return problem.say(outcome.errors.map((e) => e.message).join(' '));
    setAmount('');
    setNote('');
    setAboveClaim(null);
    problem.say(`Recorded a credit of ${formatCents(value)}.`);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void record(false);
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Record a credit">
      <label className="inline">
        Date of the bill with the credit
        <input
          type="date"
          value={on}
          onChange={(e) => setOn(e.target.value)}
          {...problem.field('on')}
        />
      </label>
      <label className="inline">
        Credit amount
        <input
          type="text"
          inputMode="decimal"
          value={amount}
          onChange={(e) => {
            setAmount(e.target.value);
            setAboveClaim(null);
          }}
          {...problem.field('amount')}
        />
      </label>
      <label className="inline">
        Credit note
        <input type="text" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit">Record credit</button>
      {aboveClaim !== null && (
        <button type="button" className="secondary" onClick={() => void record(true)}>
          Record {formatCents(aboveClaim)} anyway
        </button>
      )}
      <span role="status" className="hint" id={problem.problemId}>
        {problem.message}
      </span>
    </form>
  );
}
