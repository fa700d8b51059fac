import { useEffect, useId, useState } from 'react';
import './approvals.css';
import {
  formatPercent,
  type ApprovalLimit,
  type ApprovalPolicySettings,
} from '../../../../shared/billing/approval-policy';
import { centsFromText, centsToDecimalString, formatCents } from '../../../../shared/money/cents';
import type { Carrier } from '../../../../shared/model';
import { useLiveQuery } from '../../../app/useLiveQuery';
import { useDatabase } from '../../../db/DatabaseContext';
import { applyApprovalPolicy, loadApprovalPolicy, saveApprovalPolicy } from '../../../db/approvals';

/** Basis points from a percent typed by the user (`5`, `2.5`); null when it is not one. */
function basisPointsOf(text: string): number | null {
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text.trim())) return null;
  const value = Math.round(Number(text) * 100);
  return value <= 10_000 ? value : null;
}

/** The rules the approval policy applies, edited and saved; saving re-runs the policy at once. */
export function ApprovalPolicyPanel() {
  const db = useDatabase();
  const loaded = useLiveQuery(
    async () => ({ policy: await loadApprovalPolicy(db), carriers: await db.carriers.toArray() }),
    [db],
  );
  if (loaded.status !== 'ready') return null;
  return <PolicyForm initial={loaded.value.policy} carriers={loaded.value.carriers} />;
}

function PolicyForm({
  initial,
  carriers,
}: {
  initial: ApprovalPolicySettings;
  carriers: Carrier[];
}) {
  const db = useDatabase();
  const ids = useId();
  const [enabled, setEnabled] = useState(initial.enabled);
  const [percent, setPercent] = useState(String(initial.toleranceBasisPoints / 100));
  const [dollars, setDollars] = useState(centsToDecimalString(initial.toleranceCents));
  const [trailing, setTrailing] = useState(String(initial.trailingInvoices));
  const [limits, setLimits] = useState<ApprovalLimit[]>(initial.limits);
  const [limit, setLimit] = useState({ carrierId: carriers[0]?.id ?? '', account: '', amount: '' });
  const [message, setMessage] = useState('');
  useEffect(() => setLimits(initial.limits), [initial.limits]);
  const names = new Map(carriers.map((c) => [c.id, c.name]));

  const addLimit = () => {
    const amount = centsFromText(limit.amount);
    if (!limit.carrierId) return setMessage('Choose the carrier of the limit.');
    if (!amount.ok || amount.value === null || amount.value <= 0)
      return setMessage('Enter the limit as an amount in dollars, e.g. 10000.');
    const account = limit.account.trim();
    setLimits([
      ...limits.filter(
        (l) => !(l.carrierId === limit.carrierId && (l.accountNumber ?? '') === account),
      ),
      {
        carrierId: limit.carrierId,
        ...(account ? { accountNumber: account } : {}),
        limitCents: amount.value,
      },
    ]);
    setLimit({ ...limit, account: '', amount: '' });
    setMessage('');
  };

  const save = async () => {
    const basisPoints = basisPointsOf(percent);
    const cents = centsFromText(dollars);
    const count = Number(trailing);
    if (basisPoints === null)
      return setMessage('The percent tolerance must be a number from 0 to 100.');
    if (!cents.ok || cents.value === null || cents.value < 0)
      return setMessage('The dollar tolerance must be an amount, e.g. 25.00.');
    if (!Number.isInteger(count) || count < 1 || count > 24)
      return setMessage('The trailing average reads from 1 to 24 earlier invoices.');
    await saveApprovalPolicy(db, {
      enabled,
      toleranceBasisPoints: basisPoints,
      toleranceCents: cents.value,
      trailingInvoices: count,
      limits,
    });
    // clock: the policy's decisions are dated today
    const changed = await applyApprovalPolicy(db, new Date());
    setMessage(
      `Saved. The policy re-decided ${String(changed)} invoice${changed === 1 ? '' : 's'}.`,
    );
  };

  return (
    <details className="panel approval-policy">
      <summary>Approval policy</summary>
      <p className="hint">
        After every import and every checks run, invoices nobody has decided yet are approved when
        they have no open error finding, are not above a limit below, and are within the tolerance
        of their expected amount (the inventory’s expected monthly cost of the account’s services,
        compared with the recurring charges; else the account’s expected cost or the average of its
        last invoices, compared with the total). Everything else waits for review, with the reason.
        A person’s decision is never changed.
      </p>
      <label className="inline">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        Approve invoices automatically
      </label>
      <div className="form-row">
        <span className="field">
          <label htmlFor={`${ids}-percent`}>Tolerance (%)</label>
          <input
            id={`${ids}-percent`}
            inputMode="decimal"
            value={percent}
            onChange={(e) => setPercent(e.target.value)}
          />
        </span>
        <span className="field">
          <label htmlFor={`${ids}-dollars`}>or dollars, whichever is larger</label>
          <input
            id={`${ids}-dollars`}
            inputMode="decimal"
            value={dollars}
            onChange={(e) => setDollars(e.target.value)}
          />
        </span>
        <span className="field">
          <label htmlFor={`${ids}-trailing`}>Invoices in the trailing average</label>
          <input
            id={`${ids}-trailing`}
            inputMode="numeric"
            value={trailing}
            onChange={(e) => setTrailing(e.target.value)}
          />
        </span>
      </div>
      <h3>Amount limits (always review above)</h3>
      {limits.length === 0 ? (
        <p>No limits.</p>
      ) : (
        <ul aria-label="Amount limits">
          {limits.map((l) => (
            <li key={`${l.carrierId}|${l.accountNumber ?? ''}`}>
              {names.get(l.carrierId) ?? l.carrierId}
              {l.accountNumber ? `, account ${l.accountNumber}` : ''}: above{' '}
              {formatCents(l.limitCents)}{' '}
              <button
                type="button"
                className="secondary"
                onClick={() => setLimits(limits.filter((x) => x !== l))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="form-row">
        <span className="field">
          <label htmlFor={`${ids}-carrier`}>Carrier</label>
          <select
            id={`${ids}-carrier`}
            value={limit.carrierId}
            onChange={(e) => setLimit({ ...limit, carrierId: e.target.value })}
          >
            {carriers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </span>
        <span className="field">
          <label htmlFor={`${ids}-account`}>Account (optional)</label>
          <input
            id={`${ids}-account`}
            value={limit.account}
            onChange={(e) => setLimit({ ...limit, account: e.target.value })}
          />
        </span>
        <span className="field">
          <label htmlFor={`${ids}-limit`}>Limit ($)</label>
          <input
            id={`${ids}-limit`}
            inputMode="decimal"
            value={limit.amount}
            onChange={(e) => setLimit({ ...limit, amount: e.target.value })}
          />
        </span>
        <button type="button" className="secondary" onClick={addLimit}>
          Add limit
        </button>
      </div>
      <div className="button-row">
        <button type="button" onClick={() => void save()}>
          Save policy
        </button>
      </div>
      <p role="status">{message}</p>
      <p className="hint">
        Now: within {formatPercent(initial.toleranceBasisPoints)} or{' '}
        {formatCents(initial.toleranceCents)}.
      </p>
    </details>
  );
}
