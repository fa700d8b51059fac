import {
  NO_DASHBOARD_FILTER,
  UNASSIGNED,
  type DashboardFilter,
} from '../../../shared/billing/dashboard-view';
import type { IsoMonth } from '../../../shared/dates';
import type { Carrier, CostCenter, Site } from '../../../shared/model';
import { costCenterLabel, shortMonth, siteLabel, SPEND_TYPES, spendTypeLabel } from './filter';
import { FilterField } from '../../components/FilterField';

const byText = (a: { text: string }, b: { text: string }) => a.text.localeCompare(b.text);

/** The filters of the whole dashboard, as labelled selects; every change lands in the URL. */
export function DashboardFilters({
  filter,
  months,
  shown,
  carriers,
  sites,
  costCenters,
  onChange,
}: {
  filter: DashboardFilter;
  /** Every month with bills, oldest first. */
  months: readonly IsoMonth[];
  /** The months the dashboard shows now (the default range when none is chosen). */
  shown: readonly IsoMonth[];
  carriers: readonly Carrier[];
  sites: readonly Site[];
  costCenters: readonly CostCenter[];
  onChange: (filter: DashboardFilter) => void;
}) {
  const set = (patch: Partial<DashboardFilter>) => onChange({ ...filter, ...patch });
  const active = Object.values(filter).some((value) => value !== '');
  const siteOptions = sites
    .map((site) => ({ value: site.id, text: siteLabel(site, site.id) }))
    .sort(byText);
  const costCenterOptions = costCenters
    .map((cc) => ({ value: cc.id, text: costCenterLabel(cc, cc.id) }))
    .sort(byText);
  return (
    <fieldset className="filter-bar">
      <legend>Filter the dashboard</legend>
      <FilterField label="From">
        <select
          value={filter.from || (shown[0] ?? '')}
          onChange={(e) => set({ from: e.target.value as IsoMonth })}
        >
          {months.map((m) => (
            <option key={m} value={m}>
              {shortMonth(m)}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField label="To">
        <select
          value={filter.to || (shown.at(-1) ?? '')}
          onChange={(e) => set({ to: e.target.value as IsoMonth })}
        >
          {months.map((m) => (
            <option key={m} value={m}>
              {shortMonth(m)}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField label="Carrier">
        <select value={filter.carrierId} onChange={(e) => set({ carrierId: e.target.value })}>
          <option value="">All carriers</option>
          {[...carriers]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
        </select>
      </FilterField>
      <FilterField label="Site">
        <select value={filter.siteId} onChange={(e) => set({ siteId: e.target.value })}>
          <option value="">All sites</option>
          {siteOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.text}
            </option>
          ))}
          <option value={UNASSIGNED}>No site</option>
        </select>
      </FilterField>
      <FilterField label="Cost center">
        <select value={filter.costCenterId} onChange={(e) => set({ costCenterId: e.target.value })}>
          <option value="">All cost centers</option>
          {costCenterOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.text}
            </option>
          ))}
          <option value={UNASSIGNED}>No cost center</option>
        </select>
      </FilterField>
      <FilterField label="Service type">
        <select value={filter.serviceType} onChange={(e) => set({ serviceType: e.target.value })}>
          <option value="">All service types</option>
          {SPEND_TYPES.map((type) => (
            <option key={type} value={type}>
              {spendTypeLabel(type)}
            </option>
          ))}
        </select>
      </FilterField>
      <button
        type="button"
        className="secondary"
        disabled={!active}
        onClick={() => onChange(NO_DASHBOARD_FILTER)}
      >
        Clear filters
      </button>
    </fieldset>
  );
}
