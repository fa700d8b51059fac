import { ALL_RULES } from '../../../shared/audit/rules';
import { FINDING_STATUSES, SEVERITIES, type Carrier } from '../../../shared/model';
import { FilterField } from '../../components/FilterField';
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
      <FilterField label="Rule">
        <select value={filters.ruleId} onChange={(e) => set({ ruleId: e.target.value })}>
          <option value="">All rules</option>
          {ALL_RULES.map((rule) => (
            <option key={rule.id} value={rule.id}>
              {rule.title}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField label="Severity">
        <select value={filters.severity} onChange={(e) => set({ severity: e.target.value })}>
          <option value="">All severities</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField label="Status">
        <select value={filters.status} onChange={(e) => set({ status: e.target.value })}>
          <option value="">All statuses</option>
          <option value={OPEN_OR_DISPUTED}>Open or disputed</option>
          {FINDING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField label="Carrier">
        <select
          value={filters.carrierId}
          onChange={(e) => set({ carrierId: e.target.value, accountNumber: '' })}
        >
          <option value="">All carriers</option>
          {carriers
            .filter((c) => carrierIds.has(c.id))
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
        </select>
      </FilterField>
      <FilterField label="Account">
        <select
          value={filters.accountNumber}
          onChange={(e) => set({ accountNumber: e.target.value })}
        >
          <option value="">All accounts</option>
          {accounts.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField label="Site">
        <select value={filters.site} onChange={(e) => set({ site: e.target.value })}>
          <option value="">All sites</option>
          {sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </FilterField>
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
