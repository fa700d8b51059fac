import { useState } from 'react';
import type { Account } from '../../../shared/model';
import { centsToDecimalString, formatCents } from '../../../shared/money/cents';
import { monthlyCostFromText } from '../../../shared/inventory/edits';
import { useDatabase } from '../../db/DatabaseContext';
import type { InventoryData } from '../../db/inventory';
import { updateAccount } from '../../db/inventory';

/** Carrier accounts with their defaults: site, cost center, bill cycle day, expected monthly total. */
export function AccountsPanel({ data }: { data: InventoryData }) {
  const carriers = new Map(data.carriers.map((c) => [c.id, c.name]));
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section aria-labelledby="accounts-title">
      <h2 id="accounts-title">Carrier accounts ({data.accounts.length})</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Carrier</th>
            <th scope="col">Account number</th>
            <th scope="col">Default site</th>
            <th scope="col">Default cost center</th>
            <th scope="col" className="numeric">
              Bill cycle day
            </th>
            <th scope="col" className="numeric">
              Expected monthly
            </th>
            <th scope="col">Edit</th>
          </tr>
        </thead>
        <tbody>
          {data.accounts.map((account) =>
            editing === account.id ? (
              <AccountEditor
                key={account.id}
                account={account}
                data={data}
                onDone={() => setEditing(null)}
              />
            ) : (
              <tr key={account.id}>
                <td>{carriers.get(account.carrierId)}</td>
                <th scope="row">{account.accountNumber}</th>
                <td>{data.sites.find((s) => s.id === account.defaultSiteId)?.code ?? '—'}</td>
                <td>
                  {data.costCenters.find((c) => c.id === account.defaultCostCenterId)?.code ?? '—'}
                </td>
                <td className="numeric">{account.billCycleDay ?? '—'}</td>
                <td className="numeric">
                  {account.expectedMonthlyCents === undefined
                    ? '—'
                    : formatCents(account.expectedMonthlyCents)}
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Edit account ${account.accountNumber}`}
                    onClick={() => setEditing(account.id)}
                  >
                    Edit
                  </button>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </section>
  );
}

function AccountEditor({
  account,
  data,
  onDone,
}: {
  account: Account;
  data: InventoryData;
  onDone: () => void;
}) {
  const db = useDatabase();
  const [siteId, setSiteId] = useState(account.defaultSiteId ?? '');
  const [costCenterId, setCostCenterId] = useState(account.defaultCostCenterId ?? '');
  const [cycleDay, setCycleDay] = useState(
    account.billCycleDay === undefined ? '' : String(account.billCycleDay),
  );
  const [monthly, setMonthly] = useState(
    account.expectedMonthlyCents === undefined
      ? ''
      : centsToDecimalString(account.expectedMonthlyCents),
  );
  const [problem, setProblem] = useState('');
  const save = async () => {
    const day = cycleDay.trim() === '' ? undefined : Number(cycleDay);
    if (day !== undefined && (!Number.isInteger(day) || day < 1 || day > 31))
      return setProblem('The bill cycle day is a day of the month, 1 to 31.');
    const cost = monthlyCostFromText(monthly);
    if (!cost.ok)
      return setProblem(`Expected monthly: ${cost.errors.map((e) => e.message).join(' ')}`);
    await updateAccount(db, account.id, {
      defaultSiteId: siteId || undefined,
      defaultCostCenterId: costCenterId || undefined,
      billCycleDay: day,
      expectedMonthlyCents: cost.value,
    });
    onDone();
  };
  return (
    <tr>
      <td>{data.carriers.find((c) => c.id === account.carrierId)?.name}</td>
      <th scope="row">{account.accountNumber}</th>
      <td>
        <select
          aria-label="Default site"
          value={siteId}
          onChange={(e) => setSiteId(e.target.value)}
        >
          <option value="">None</option>
          {data.sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.code} {s.name}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label="Default cost center"
          value={costCenterId}
          onChange={(e) => setCostCenterId(e.target.value)}
        >
          <option value="">None</option>
          {data.costCenters
            .filter((c) => c.active)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.code} {c.name}
              </option>
            ))}
        </select>
      </td>
      <td>
        <input
          aria-label="Bill cycle day"
          value={cycleDay}
          onChange={(e) => setCycleDay(e.target.value)}
          inputMode="numeric"
          size={3}
        />
      </td>
      <td>
        <input
          aria-label="Expected monthly ($)"
          value={monthly}
          onChange={(e) => setMonthly(e.target.value)}
          inputMode="decimal"
          size={10}
        />
      </td>
      <td>
        <button type="button" onClick={() => void save()}>
          Save
        </button>{' '}
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
        {problem && <span role="alert"> {problem}</span>}
      </td>
    </tr>
  );
}
