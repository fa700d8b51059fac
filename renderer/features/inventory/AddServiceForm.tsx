import { useId, useState, type FormEvent } from 'react';
import { serviceMatchKey } from '../../../shared/ids/identifiers';
import { monthlyCostFromText } from '../../../shared/inventory/edits';
import { SERVICE_TYPE_LABELS } from '../../../shared/inventory/rows';
import { siteOptionLabel } from '../../../shared/inventory/sites';
import { SERVICE_TYPES, type Service } from '../../../shared/model';
import { useDatabase } from '../../db/DatabaseContext';
import { addService, type InventoryData } from '../../db/inventory';

/** A new circuit, line or seat: identifier, type, account, site, plan and expected monthly cost. */
export function AddServiceForm({
  data,
  defaultSiteId,
  onDone,
}: {
  data: InventoryData;
  defaultSiteId: string | null;
  onDone: () => void;
}) {
  const db = useDatabase();
  const ids = useId();
  const carriers = new Map(data.carriers.map((c) => [c.id, c.name]));
  const [serviceIdRaw, setServiceIdRaw] = useState('');
  const [type, setType] = useState<Service['type']>('circuit');
  const [accountId, setAccountId] = useState(data.accounts[0]?.id ?? '');
  const [siteId, setSiteId] = useState(defaultSiteId ?? data.sites[0]?.id ?? '');
  const [plan, setPlan] = useState('');
  const [monthly, setMonthly] = useState('');
  const [message, setMessage] = useState('');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const account = data.accounts.find((a) => a.id === accountId);
    if (!serviceIdRaw.trim()) return setMessage('Type the circuit ID or phone number.');
    if (!account) return setMessage('Choose the carrier account that bills this service.');
    const cost = monthlyCostFromText(monthly);
    if (!cost.ok) return setMessage(`Monthly cost: ${cost.errors.map((e) => e.message).join(' ')}`);
    const outcome = await addService(db, {
      id: `service-${crypto.randomUUID()}`,
      type,
      status: 'active',
      carrierId: account.carrierId,
      accountId: account.id,
      siteId: siteId || undefined,
      serviceIdRaw: serviceIdRaw.trim(),
      serviceKey: serviceMatchKey(serviceIdRaw),
      aliasKeys: [],
      plan: plan.trim() || undefined,
      expectedMonthlyCents: cost.value,
    });
    if (outcome.ok) onDone();
    else setMessage(outcome.errors.map((e) => e.message).join(' '));
  };

  return (
    <form
      className="panel add-service"
      onSubmit={(e) => void save(e)}
      aria-labelledby={`${ids}-title`}
    >
      <h2 id={`${ids}-title`}>Add a service</h2>
      <div className="form-grid">
        <label htmlFor={`${ids}-id`}>Circuit ID or phone number</label>
        <input
          id={`${ids}-id`}
          value={serviceIdRaw}
          onChange={(e) => setServiceIdRaw(e.target.value)}
        />
        <label htmlFor={`${ids}-type`}>Type</label>
        <select
          id={`${ids}-type`}
          value={type}
          onChange={(e) => setType(SERVICE_TYPES.find((t) => t === e.target.value) ?? 'other')}
        >
          {SERVICE_TYPES.map((t) => (
            <option key={t} value={t}>
              {SERVICE_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-account`}>Carrier account</label>
        <select
          id={`${ids}-account`}
          value={accountId}
          onChange={(e) => setAccountId(e.target.value)}
        >
          {data.accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {carriers.get(a.carrierId)} — {a.accountNumber}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-site`}>Site</label>
        <select id={`${ids}-site`} value={siteId} onChange={(e) => setSiteId(e.target.value)}>
          {data.sites.map((site) => (
            <option key={site.id} value={site.id}>
              {siteOptionLabel(site)}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-plan`}>Plan or bandwidth</label>
        <input id={`${ids}-plan`} value={plan} onChange={(e) => setPlan(e.target.value)} />
        <label htmlFor={`${ids}-monthly`}>Expected monthly cost ($)</label>
        <input
          id={`${ids}-monthly`}
          value={monthly}
          onChange={(e) => setMonthly(e.target.value)}
          inputMode="decimal"
        />
      </div>
      <div className="button-row">
        <button type="submit">Add service</button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
      <p role="alert">{message}</p>
    </form>
  );
}
