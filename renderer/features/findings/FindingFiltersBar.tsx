import { ALL_RULES } from '../../../shared/audit/rules';
import { FINDING_STATUSES, SEVERITIES, type Carrier } from '../../../shared/model';
import { FilterField, FilterSelect } from '../../components/FilterField';
import {
  AGE_BUCKETS,
  NO_FILTERS,
  OPEN_OR_DISPUTED,
  SEVERITY_LABELS,
  STATUS_LABELS,
  type AgeBucket,
  type FindingFilters,
  type FindingRow,
} from './rows';

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)].filter((v) => v !== '').sort((a, b) => a.localeCompare(b));
}

/** The grid's filters as labelled fields (rule, severity, status, carrier, account, site, age, period range). */
export function FindingFiltersBar({
  rows,
  carriers,
  filters,
  onChange,
}: {
  rows: readonly FindingRow[];
  carriers: readonly Carrier[];
  filters: FindingFilters;
  onChange: (filters: FindingFilters) => void;
}) {
  const set = (patch: Partial<FindingFilters>) => onChange({ ...filters, ...patch });
  const accounts = unique(
    rows
      .filter((r) => filters.carrierId === '' || r.carrierId === filters.carrierId)
      .map((r) => r.accountNumber),
  );
  const sites = unique(rows.map((r) => r.site));
  const carrierIds = new Set(rows.map((r) => r.carrierId));
  return (
    <fieldset className="filter-bar">
      <legend>Filter findings</legend>
      <FilterSelect
        label="Rule"
        value={filters.ruleId}
        onChange={(ruleId) => set({ ruleId })}
        all="All rules"
        options={ALL_RULES.map((rule) => ({ value: rule.id, text: rule.title }))}
      />
      <FilterSelect
        label="Severity"
        value={filters.severity}
        onChange={(severity) => set({ severity })}
        all="All severities"
        options={SEVERITIES.map((s) => ({ value: s, text: SEVERITY_LABELS[s] }))}
      />
      <FilterSelect
        label="Status"
        value={filters.status}
        onChange={(status) => set({ status })}
        all="All statuses"
        options={[
          { value: OPEN_OR_DISPUTED, text: 'Open or disputed' },
          ...FINDING_STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s] })),
        ]}
      />
      <FilterSelect
        label="Carrier"
        value={filters.carrierId}
        onChange={(carrierId) => set({ carrierId, accountNumber: '' })}
        all="All carriers"
        options={carriers
          .filter((c) => carrierIds.has(c.id))
          .map((c) => ({ value: c.id, text: c.name }))}
      />
      <FilterSelect
        label="Account"
        value={filters.accountNumber}
        onChange={(accountNumber) => set({ accountNumber })}
        all="All accounts"
        options={accounts.map((a) => ({ value: a, text: a }))}
      />
      <FilterSelect
        label="Site"
        value={filters.site}
        onChange={(site) => set({ site })}
        all="All sites"
        options={sites.map((s) => ({ value: s, text: s }))}
      />
      <FilterField label="Age">
        <select
          value={filters.age}
          onChange={(e) =>
            set({
              age: AGE_BUCKETS.find((b) => b.id === e.target.value)?.id ?? ('any' as AgeBucket),
            })
          }
        >
          {AGE_BUCKETS.map((b) => (
            <option key={b.id} value={b.id}>
              {b.label}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField label="Period from">
        <input
          type="month"
          value={filters.periodFrom}
          max={filters.periodTo || undefined}
          onChange={(e) => set({ periodFrom: e.target.value })}
        />
      </FilterField>
      <FilterField label="Period to">
        <input
          type="month"
          value={filters.periodTo}
          min={filters.periodFrom || undefined}
          onChange={(e) => set({ periodTo: e.target.value })}
        />
      </FilterField>
      <button type="button" className="secondary" onClick={() => onChange(NO_FILTERS)}>
        Clear filters
      </button>
    </fieldset>
  );
}
