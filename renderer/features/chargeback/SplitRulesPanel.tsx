import { useState } from 'react';
import type { IsoMonth } from '../../../shared/dates/iso-date';
import type { AllocationRule, AllocationTarget } from '../../../shared/model';
import { useDatabase } from '../../db/DatabaseContext';
import { useLiveQuery } from '../../app/useLiveQuery';
import { deleteRule } from '../../db/chargeback';
import { percentTextFromBasisPoints } from './percent';
import { SplitRuleForm, type Inventory } from './SplitRuleForm';

/** How a rule's target reads: `Service 555-010-0001`, `Site HQ`, `Account 5-ACME-001`. */
export function targetLabel(target: AllocationTarget, inventory: Inventory): string {
  switch (target.kind) {
    case 'service':
      return `Service ${inventory.services.find((s) => s.id === target.serviceId)?.serviceIdRaw ?? target.serviceId}`;
    case 'site':
      return `Site ${inventory.sites.find((s) => s.id === target.siteId)?.code ?? target.siteId}`;
    case 'account':
      return `Account ${inventory.accounts.find((a) => a.id === target.accountId)?.accountNumber ?? target.accountId}`;
  }
}

/** Percentage splits (e.g. 60/40) per service, site or account, effective from a month on. */
export function SplitRulesPanel({ inventory, month }: { inventory: Inventory; month: IsoMonth }) {
  const db = useDatabase();
  const rules = useLiveQuery(() => db.allocationRules.toArray(), [db]);
  const [editing, setEditing] = useState<AllocationRule | null>(null);
  const [message, setMessage] = useState('');
  const codes = new Map(inventory.costCenters.map((c) => [c.id, c.code]));
  const list = rules.status === 'ready' ? rules.value : [];
  return (
    <section className="panel" aria-labelledby="split-rules-title">
      <h2 id="split-rules-title">Percentage splits</h2>
      <p className="hint">
        A split sends a share of every charge to each cost center, by largest remainder so the parts
        add up to the cent. The most specific rule wins: service, then site, then account.
      </p>
      <p role="status">{message}</p>
      {list.length > 0 && (
        <table className="data-table">
          <caption>Split rules</caption>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Applies to</th>
              <th scope="col">Shares</th>
              <th scope="col">Months</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.map((rule) => (
              <tr key={rule.id}>
                <th scope="row">{rule.name}</th>
                <td>{targetLabel(rule.target, inventory)}</td>
                <td>
                  {rule.splits
                    .map(
                      (split) =>
                        `${codes.get(split.costCenterId) ?? split.costCenterId} ${percentTextFromBasisPoints(split.basisPoints)}%`,
                    )
                    .join(' / ')}
                </td>
                <td>
                  {rule.effectiveFrom} – {rule.effectiveTo ?? 'on'}
                </td>
                <td>
                  <div className="button-row">
                    <button
                      type="button"
                      aria-label={`Edit ${rule.name}`}
                      onClick={() => setEditing(rule)}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      aria-label={`Delete ${rule.name}`}
                      onClick={() =>
                        void deleteRule(db, rule.id).then(() => setMessage(`Deleted ${rule.name}.`))
                      }
                    >
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing === null ? (
        <button
          type="button"
          onClick={() =>
            setEditing({
              id: `rule-${crypto.randomUUID()}`,
              name: '',
              target: { kind: 'service', serviceId: '' },
              splits: [
                { costCenterId: '', basisPoints: 5000 },
                { costCenterId: '', basisPoints: 5000 },
              ],
              effectiveFrom: month,
            })
          }
        >
          Add a split…
        </button>
      ) : (
        <SplitRuleForm
          key={editing.id}
          initial={editing}
          inventory={inventory}
          onDone={(note) => {
            setEditing(null);
            setMessage(note);
          }}
        />
      )}
    </section>
  );
}
