import { cloneElement, useId, type ReactElement } from 'react';
import { ALL_RULES } from '../../../shared/audit/rules';
import { FINDING_STATUSES, SEVERITIES, type Carrier } from '../../../shared/model';
import {
  AGE_BUCKETS,
  NO_FILTERS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  type AgeBucket,
  type FindingFilters,
  type FindingRow,
} from './rows';

/** A label above its select, tied by id (not wrapping, so the name is the label alone). */
function Field({ label, children }: { label: string; children: ReactElement<{ id?: string }> }) {
  const id = useId();
  return (
    <div className="finding-filter">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id })}
    </div>
  );
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)].filter((v) => v !== '').sort((a, b) => a.localeCompare(b));
}

/** The grid's filters as labelled selects (rule, severity, status, carrier, account, site, age). */
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
    <fieldset className="finding-filters">
      <legend>Filter findings</legend>
      <Field label="Rule">
        <select value={filters.ruleId} onChange={(e) => set({ ruleId: e.target.value })}>
          <option value="">All rules</option>
          {ALL_RULES.map((rule) => (
            <option key={rule.id} value={rule.id}>
              {rule.title}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Severity">
        <select value={filters.severity} onChange={(e) => set({ severity: e.target.value })}>
          <option value="">All severities</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Status">
        <select value={filters.status} onChange={(e) => set({ status: e.target.value })}>
          <option value="">All statuses</option>
          {FINDING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Carrier">
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
      </Field>
      <Field label="Account">
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
      </Field>
      <Field label="Site">
        <select value={filters.site} onChange={(e) => set({ site: e.target.value })}>
          <option value="">All sites</option>
          {sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Age">
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
      </Field>
      <button type="button" className="secondary" onClick={() => onChange(NO_FILTERS)}>
        Clear filters
      </button>
    </fieldset>
  );
}
