import { useId } from 'react';
import type { ContractsData } from '../../db/contracts';
import type { ContractFormValues } from './form-values';

/** The carrier's accounts and services this contract covers. */
export function CoverageFields({
  data,
  values,
  onChange,
}: {
  data: ContractsData;
  values: ContractFormValues;
  onChange: (patch: Partial<ContractFormValues>) => void;
}) {
  const ids = useId();
  const accounts = data.accounts.filter((a) => a.carrierId === values.carrierId);
  const services = data.services
    .filter((s) => s.carrierId === values.carrierId)
    .sort((a, b) => a.serviceIdRaw.localeCompare(b.serviceIdRaw));
  const toggleAccount = (id: string, on: boolean) =>
    onChange({
      accountIds: on ? [...values.accountIds, id] : values.accountIds.filter((a) => a !== id),
    });
  return (
    <fieldset>
      <legend>Accounts and services covered</legend>
      {values.carrierId === '' ? (
        <p className="hint">Choose the carrier first.</p>
      ) : (
        <>
          <fieldset className="checkbox-list">
            <legend>Accounts</legend>
            {accounts.length === 0 && <p className="hint">This carrier has no account yet.</p>}
            {accounts.map((account) => (
              <label key={account.id} className="inline">
                <input
                  type="checkbox"
                  checked={values.accountIds.includes(account.id)}
                  onChange={(e) => toggleAccount(account.id, e.target.checked)}
                />
                {account.accountNumber}
                {account.name ? ` — ${account.name}` : ''}
              </label>
            ))}
          </fieldset>
          <div className="form-grid">
            <label htmlFor={`${ids}-services`}>Services</label>
            <div className="field-with-hint">
              <select
                id={`${ids}-services`}
                multiple
                size={Math.min(8, Math.max(3, services.length))}
                value={values.serviceIds}
                aria-describedby={`${ids}-services-hint`}
                onChange={(e) =>
                  onChange({ serviceIds: [...e.target.selectedOptions].map((o) => o.value) })
                }
              >
                {services.map((service) => (
                  <option key={service.id} value={service.id}>
                    {service.serviceIdRaw}
                    {service.plan ? ` — ${service.plan}` : ''}
                  </option>
                ))}
              </select>
              <span id={`${ids}-services-hint`} className="hint">
                {values.serviceIds.length} selected. Ctrl-click or Shift+arrows to pick several.
              </span>
            </div>
          </div>
        </>
      )}
    </fieldset>
  );
}
