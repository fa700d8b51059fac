import {
  NO_DASHBOARD_FILTER,
  UNASSIGNED,
  type DashboardFilter,
} from '../../../shared/billing/dashboard-view';
import { isIsoMonth, type IsoMonth } from '../../../shared/dates';
import type { Carrier, CostCenter, Site } from '../../../shared/model';
import { SPEND_TYPES } from '../../../shared/billing/dimensions';
import {
  COST_CENTER_BASIS,
  costCenterLabel,
  shortMonth,
  siteLabel,
  spendTypeLabel,
} from './filter';
import { FilterSelect } from '../../components/FilterField';

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
  /** A change of some filters (Clear filters: every one), to apply to the filter in force. */
  onChange: (patch: Partial<DashboardFilter>) => void;
}) {
  const set = onChange;
  const active = Object.values(filter).some((value) => value !== '');
  const siteOptions = sites
    .map((site) => ({ value: site.id, text: siteLabel(site, site.id) }))
    .sort(byText);
  const monthOptions = months.map((m) => ({ value: m, text: shortMonth(m) }));
  const costCenterOptions = costCenters
    .map((cc) => ({ value: cc.id, text: costCenterLabel(cc, cc.id) }))
    .sort(byText);
  return (
    <fieldset className="filter-bar">
      <legend>Filter the dashboard</legend>
      <FilterSelect
        label="From"
        value={filter.from || (shown[0] ?? '')}
        onChange={(month) => isIsoMonth(month) && set({ from: month })}
        options={monthOptions}
      />
      <FilterSelect
        label="To"
        value={filter.to || (shown.at(-1) ?? '')}
        onChange={(month) => isIsoMonth(month) && set({ to: month })}
        options={monthOptions}
      />
      <FilterSelect
        label="Carrier"
        value={filter.carrierId}
        onChange={(carrierId) => set({ carrierId })}
        all="All carriers"
        options={carriers.map((c) => ({ value: c.id, text: c.name })).sort(byText)}
      />
      <FilterSelect
        label="Site"
        value={filter.siteId}
        onChange={(siteId) => set({ siteId })}
        all="All sites"
        options={[...siteOptions, { value: UNASSIGNED, text: 'No site' }]}
      />
      <FilterSelect
        label="Cost center"
        hint={COST_CENTER_BASIS}
        value={filter.costCenterId}
        onChange={(costCenterId) => set({ costCenterId })}
        all="All cost centers"
        options={[...costCenterOptions, { value: UNASSIGNED, text: 'No cost center' }]}
      />
      <FilterSelect
        label="Service type"
        value={filter.serviceType}
        onChange={(serviceType) => set({ serviceType })}
        all="All service types"
        options={SPEND_TYPES.map((type) => ({ value: type, text: spendTypeLabel(type) }))}
      />
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
