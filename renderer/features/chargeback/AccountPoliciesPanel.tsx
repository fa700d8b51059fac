import { useState } from 'react';
import type { AccountAllocationPolicy } from '../../../shared/allocation';
import { useDatabase } from '../../db/DatabaseContext';
import { saveChargebackSetting } from '../../db/chargeback';
import type { Inventory } from './SplitRuleForm';

const PRO_RATA = 'pro-rata';

/** Per account: account-level charges (taxes, fees) spread pro rata, or all to one cost center. */
export function AccountPoliciesPanel({
  inventory,
  policies,
}: {
  inventory: Inventory;
  policies: Readonly<Record<string, AccountAllocationPolicy>>;
}) {
  const db = useDatabase();
  const [message, setMessage] = useState('');
  const active = inventory.costCenters.filter((c) => c.active);
  const choose = async (accountId: string, accountNumber: string, value: string) => {
    const next: Record<string, AccountAllocationPolicy> = Object.fromEntries(
      Object.entries(policies).filter(([id]) => id !== accountId),
    );
    if (value !== PRO_RATA) next[accountId] = { accountLevel: { costCenterId: value } };
    await saveChargebackSetting(db, 'accountPolicies', next);
    const code = active.find((c) => c.id === value)?.code;
    setMessage(
      `Account ${accountNumber}: account-level charges ${code === undefined ? 'spread pro rata' : `go to ${code}`}.`,
    );
  };
  return (
    <section className="panel" aria-labelledby="account-policies-title">
      <h2 id="account-policies-title">Account-level charges</h2>
      <p className="hint">
        Taxes, surcharges and fees billed to the account rather than a service are spread pro rata
        over the invoice’s service charges, or sent to one cost center.
      </p>
      <p role="status">{message}</p>
      <table className="data-table">
        <caption>Account-level policy per account</caption>
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Account-level charges go to</th>
          </tr>
        </thead>
        <tbody>
          {inventory.accounts.map((account) => {
            const policy = policies[account.id]?.accountLevel;
            const value =
              policy === undefined || policy === PRO_RATA ? PRO_RATA : policy.costCenterId;
            return (
              <tr key={account.id}>
                <th scope="row">
                  {account.accountNumber} {account.name ?? ''}
                </th>
                <td>
                  <select
                    aria-label={`Account-level charges of ${account.accountNumber}`}
                    value={value}
                    onChange={(e) => void choose(account.id, account.accountNumber, e.target.value)}
                  >
                    <option value={PRO_RATA}>Spread pro rata over its services</option>
                    {active.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.code} {c.name}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
