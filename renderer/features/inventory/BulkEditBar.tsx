import { useId, useState } from 'react';
import type { ServicePatch } from '../../../shared/inventory/edits';
import { SERVICE_STATUS_LABELS } from '../../../shared/inventory/rows';
import {
  SERVICE_STATUSES,
  type Account,
  type Carrier,
  type Contract,
  type CostCenter,
} from '../../../shared/model';

const FIELDS = ['status', 'costCenterId', 'contractId', 'accountId'] as const;
type Field = (typeof FIELDS)[number];

/** Change one field on every selected service at once. */
export function BulkEditBar({
  count,
  costCenters,
  contracts,
  accounts,
  carriers,
  onApply,
}: {
  count: number;
  costCenters: CostCenter[];
  contracts: Contract[];
  accounts: Account[];
  carriers: Carrier[];
  onApply: (patch: ServicePatch) => void;
}) {
  const ids = useId();
  const [field, setField] = useState<Field>('status');
  const [value, setValue] = useState('');
  const options: { value: string; label: string }[] =
    field === 'status'
      ? SERVICE_STATUSES.map((s) => ({ value: s, label: SERVICE_STATUS_LABELS[s] }))
      : field === 'costCenterId'
        ? [
            { value: '', label: 'Follow the site / account' },
            ...costCenters
              .filter((c) => c.active)
              .map((c) => ({ value: c.id, label: `${c.code} ${c.name}` })),
          ]
        : field === 'contractId'
          ? [
              { value: '', label: 'No contract' },
              ...contracts.map((c) => ({ value: c.id, label: c.name })),
            ]
          : accounts.map((a) => ({
              value: a.id,
              label: `${a.accountNumber} (${carriers.find((c) => c.id === a.carrierId)?.name ?? 'unknown carrier'})`,
            }));

  const apply = () => {
    if (field === 'status') {
      const status = SERVICE_STATUSES.find((s) => s === value);
      if (status) onApply({ status });
    } else onApply({ [field]: value });
  };

  return (
    <div className="bulk-bar" role="group" aria-label={`Bulk edit ${count} selected services`}>
      <strong>{count} selected</strong>
      <label htmlFor={`${ids}-field`}>Change</label>
      <select
        id={`${ids}-field`}
        value={field}
        onChange={(e) => {
          setField(FIELDS.find((f) => f === e.target.value) ?? 'status');
          setValue('');
        }}
      >
        <option value="status">Status</option>
        <option value="costCenterId">Cost center</option>
        <option value="contractId">Contract</option>
        <option value="accountId">Account</option>
      </select>
      <label htmlFor={`${ids}-value`}>to</label>
      <select id={`${ids}-value`} value={value} onChange={(e) => setValue(e.target.value)}>
        <option value="" disabled={field === 'status' || field === 'accountId'}>
          {field === 'status' || field === 'accountId' ? 'Choose…' : options[0]?.label}
        </option>
        {options
          .filter((o) => o.value !== '')
          .map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
      </select>
      <button
        type="button"
        onClick={apply}
        disabled={(field === 'status' || field === 'accountId') && value === ''}
      >
        Apply to {count} services
      </button>
      {field === 'accountId' && (
        <span className="hint">The services take the carrier of the account you choose.</span>
      )}
    </div>
  );
}
