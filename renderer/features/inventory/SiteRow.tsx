import { useState } from 'react';
import { isIsoDate } from '../../../shared/dates/iso-date';
import { withoutUndefined } from '../../../shared/ledger/records';
import type { SiteSummary } from '../../../shared/inventory/sites';
import type { CostCenter, Site } from '../../../shared/model';
import { formatCents } from '../../../shared/money/cents';
import { updateSite } from '../../db/cost-centers';
import { useDatabase } from '../../db/DatabaseContext';

interface SiteDraft {
  code: string;
  name: string;
  city: string;
  region: string;
  costCenterId: string;
  status: Site['status'];
  closedOn: string;
}

function draftOf(site: Site): SiteDraft {
  return {
    code: site.code,
    name: site.name,
    city: site.city ?? '',
    region: site.region ?? '',
    costCenterId: site.costCenterId ?? '',
    status: site.status,
    closedOn: site.closedOn ?? '',
  };
}

/** One site in the Sites table, with an Edit button that turns the row into its form. */
export function SiteRow({
  summary,
  costCenters,
  onMessage,
}: {
  summary: SiteSummary;
  costCenters: readonly CostCenter[];
  onMessage: (message: string) => void;
}) {
  const db = useDatabase();
  const { site, serviceCount, monthlyCents } = summary;
  const [draft, setDraft] = useState<SiteDraft | null>(null);
  const costCenterCode = costCenters.find((c) => c.id === site.costCenterId)?.code ?? '';

  const save = async () => {
    if (!draft) return;
    if (draft.closedOn !== '' && !isIsoDate(draft.closedOn))
      return onMessage(`Closed on: expected a date like 2026-10-31 but found "${draft.closedOn}".`);
    const outcome = await updateSite(
      db,
      withoutUndefined<Site>({
        ...site,
        code: draft.code,
        name: draft.name,
        city: draft.city.trim() || undefined,
        region: draft.region.trim() || undefined,
        costCenterId: draft.costCenterId || undefined,
        status: draft.status,
        closedOn:
          draft.status === 'closed' && isIsoDate(draft.closedOn) ? draft.closedOn : undefined,
      }),
    );
    if (!outcome.ok) return onMessage(outcome.errors.map((e) => e.message).join(' '));
    setDraft(null);
    onMessage(`Site ${outcome.value.code} saved.`);
  };

  if (!draft) {
    return (
      <tr>
        <th scope="row">{site.code}</th>
        <td>{site.name}</td>
        <td>{[site.city, site.region].filter(Boolean).join(', ')}</td>
        <td>{costCenterCode}</td>
        <td>{site.status === 'closed' ? `Closed ${site.closedOn ?? ''}` : 'Open'}</td>
        <td className="numeric">{serviceCount}</td>
        <td className="numeric">{formatCents(monthlyCents)}</td>
        <td>
          <button
            type="button"
            className="secondary"
            aria-label={`Edit site ${site.code}`}
            onClick={() => setDraft(draftOf(site))}
          >
            Edit
          </button>
        </td>
      </tr>
    );
  }
  const text = (key: 'code' | 'name' | 'city' | 'region', label: string) => (
    <input
      aria-label={`${label} of site ${site.code}`}
      value={draft[key]}
      onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
    />
  );
  return (
    <tr>
      <td>{text('code', 'Code')}</td>
      <td>{text('name', 'Name')}</td>
      <td>
        {text('city', 'City')} {text('region', 'State or region')}
      </td>
      <td>
        <select
          aria-label={`Cost center of site ${site.code}`}
          value={draft.costCenterId}
          onChange={(e) => setDraft({ ...draft, costCenterId: e.target.value })}
        >
          <option value="">None</option>
          {costCenters
            .filter((c) => c.active || c.id === site.costCenterId)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.code} {c.name}
              </option>
            ))}
        </select>
      </td>
      <td>
        <select
          aria-label={`Status of site ${site.code}`}
          value={draft.status}
          onChange={(e) =>
            setDraft({ ...draft, status: e.target.value === 'closed' ? 'closed' : 'active' })
          }
        >
          <option value="active">Open</option>
          <option value="closed">Closed</option>
        </select>
        {draft.status === 'closed' && (
          <input
            aria-label={`Closed on (YYYY-MM-DD) of site ${site.code}`}
            value={draft.closedOn}
            onChange={(e) => setDraft({ ...draft, closedOn: e.target.value })}
          />
        )}
      </td>
      <td className="numeric">{serviceCount}</td>
      <td className="numeric">{formatCents(monthlyCents)}</td>
      <td>
        <div className="button-row">
          <button type="button" onClick={() => void save()}>
            Save site
          </button>
          <button type="button" className="secondary" onClick={() => setDraft(null)}>
            Cancel
          </button>
        </div>
      </td>
    </tr>
  );
}
