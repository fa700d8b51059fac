import { useId, useState, type FormEvent } from 'react';
import type { SiteSummary } from '../../../shared/inventory/sites';
import { useDatabase } from '../../db/DatabaseContext';
import { addCostCenter, addSite, type InventoryData } from '../../db/inventory';
import { SetupFromFilesButton } from '../setup/SetupButton';
import { AccountsPanel } from './AccountsPanel';
import { CostCentersPanel } from './CostCentersPanel';
import { SiteRow } from './SiteRow';
import { SiteFiles } from './SiteFiles';

/** Sites and cost centers: the lists, and forms to add one. */
export function SitesPanel({ data, summaries }: { data: InventoryData; summaries: SiteSummary[] }) {
  const db = useDatabase();
  const ids = useId();
  const [site, setSite] = useState({ code: '', name: '', city: '', region: '', costCenterId: '' });
  const [costCenter, setCostCenter] = useState({ code: '', name: '', glAccount: '' });
  const [message, setMessage] = useState('');

  const saveSite = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await addSite(db, {
      id: `site-${crypto.randomUUID()}`,
      code: site.code,
      name: site.name,
      city: site.city || undefined,
      region: site.region || undefined,
      country: 'US',
      costCenterId: site.costCenterId || undefined,
      status: 'active',
    });
    setMessage(
      outcome.ok ? `Site ${site.code} added.` : outcome.errors.map((e) => e.message).join(' '),
    );
    if (outcome.ok) setSite({ code: '', name: '', city: '', region: '', costCenterId: '' });
  };
  const saveCostCenter = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await addCostCenter(db, {
      id: `cc-${crypto.randomUUID()}`,
      code: costCenter.code,
      name: costCenter.name,
      glAccount: costCenter.glAccount || undefined,
      active: true,
    });
    setMessage(
      outcome.ok
        ? `Cost center ${costCenter.code} added.`
        : outcome.errors.map((e) => e.message).join(' '),
    );
    if (outcome.ok) setCostCenter({ code: '', name: '', glAccount: '' });
  };

  return (
    <div className="sites-panel">
      <SiteFiles data={data} onMessage={setMessage} />
      <p className="hint">
        Have all your files at hand? <SetupFromFilesButton /> takes cost centers, sites, contracts,
        inventory and rates together.
      </p>
      <p role="status">{message}</p>
      <div className="detail-grid">
        <form className="panel" onSubmit={(e) => void saveSite(e)} aria-labelledby={`${ids}-site`}>
          <h2 id={`${ids}-site`}>Add a site</h2>
          <div className="form-grid">
            <label htmlFor={`${ids}-code`}>Site code</label>
            <input
              id={`${ids}-code`}
              value={site.code}
              onChange={(e) => setSite({ ...site, code: e.target.value })}
            />
            <label htmlFor={`${ids}-name`}>Site name</label>
            <input
              id={`${ids}-name`}
              value={site.name}
              onChange={(e) => setSite({ ...site, name: e.target.value })}
            />
            <label htmlFor={`${ids}-city`}>City</label>
            <input
              id={`${ids}-city`}
              value={site.city}
              onChange={(e) => setSite({ ...site, city: e.target.value })}
            />
            <label htmlFor={`${ids}-region`}>State or region</label>
            <input
              id={`${ids}-region`}
              value={site.region}
              onChange={(e) => setSite({ ...site, region: e.target.value })}
            />
            <label htmlFor={`${ids}-cc`}>Site cost center</label>
            <select
              id={`${ids}-cc`}
              value={site.costCenterId}
              onChange={(e) => setSite({ ...site, costCenterId: e.target.value })}
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
          </div>
          <button type="submit">Add site</button>
        </form>
        <form
          className="panel"
          onSubmit={(e) => void saveCostCenter(e)}
          aria-labelledby={`${ids}-cc-title`}
        >
          <h2 id={`${ids}-cc-title`}>Add a cost center</h2>
          <div className="form-grid">
            <label htmlFor={`${ids}-cc-code`}>Cost center code</label>
            <input
              id={`${ids}-cc-code`}
              value={costCenter.code}
              onChange={(e) => setCostCenter({ ...costCenter, code: e.target.value })}
            />
            <label htmlFor={`${ids}-cc-name`}>Cost center name</label>
            <input
              id={`${ids}-cc-name`}
              value={costCenter.name}
              onChange={(e) => setCostCenter({ ...costCenter, name: e.target.value })}
            />
            <label htmlFor={`${ids}-gl`}>GL account</label>
            <input
              id={`${ids}-gl`}
              value={costCenter.glAccount}
              onChange={(e) => setCostCenter({ ...costCenter, glAccount: e.target.value })}
            />
          </div>
          <button type="submit">Add cost center</button>
        </form>
      </div>
      <CostCentersPanel costCenters={data.costCenters} onMessage={setMessage} />
      <AccountsPanel data={data} />
      <table className="data-table">
        <caption>Sites ({summaries.length})</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Name</th>
            <th scope="col">Region</th>
            <th scope="col">Cost center</th>
            <th scope="col">Status</th>
            <th scope="col" className="numeric">
              Services
            </th>
            <th scope="col" className="numeric">
              Monthly
            </th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {summaries.map((summary) => (
            <SiteRow
              key={`${summary.site.id}|${summary.site.code}|${summary.site.name}|${summary.site.status}|${summary.site.costCenterId ?? ''}`}
              summary={summary}
              costCenters={data.costCenters}
              onMessage={setMessage}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
