import { useState, type FormEvent } from 'react';
import type { GlMapping } from '../../../shared/allocation';
import { CATEGORY_LABELS } from '../../../shared/export';
import {
  CHARGE_CATEGORIES,
  SERVICE_TYPES,
  type ChargeCategory,
  type ServiceType,
} from '../../../shared/model';
import { useDatabase } from '../../db/DatabaseContext';
import { saveChargebackSetting } from '../../db/chargeback';

interface Override {
  category: ChargeCategory;
  serviceType: ServiceType;
  glAccount: string;
}

function overridesOf(mapping: GlMapping): Override[] {
  return CHARGE_CATEGORIES.flatMap((category) =>
    SERVICE_TYPES.flatMap((serviceType) => {
      const glAccount = mapping.byCategoryAndServiceType[category]?.[serviceType];
      return glAccount === undefined ? [] : [{ category, serviceType, glAccount }];
    }),
  );
}

/** GL account by charge category and service type, then by category, cost center, fallback. */
export function GlMappingPanel({ mapping }: { mapping: GlMapping }) {
  const db = useDatabase();
  const [fallback, setFallback] = useState(mapping.fallback ?? '');
  const [byCategory, setByCategory] = useState<Partial<Record<ChargeCategory, string>>>(
    mapping.byCategory,
  );
  const [overrides, setOverrides] = useState<Override[]>(() => overridesOf(mapping));
  const [message, setMessage] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: GlMapping = { byCategory: {}, byCategoryAndServiceType: {} };
    for (const category of CHARGE_CATEGORIES) {
      const value = byCategory[category]?.trim() ?? '';
      if (value !== '') next.byCategory[category] = value;
    }
    for (const { category, serviceType, glAccount } of overrides) {
      if (glAccount.trim() === '') continue;
      next.byCategoryAndServiceType[category] = {
        ...next.byCategoryAndServiceType[category],
        [serviceType]: glAccount.trim(),
      };
    }
    if (fallback.trim() !== '') next.fallback = fallback.trim();
    await saveChargebackSetting(db, 'glMapping', next);
    setMessage('GL mapping saved.');
  };
  const setOverride = (index: number, patch: Partial<Override>) =>
    setOverrides(overrides.map((o, j) => (j === index ? { ...o, ...patch } : o)));
  return (
    <form className="panel" aria-labelledby="gl-title" onSubmit={(e) => void submit(e)}>
      <h2 id="gl-title">GL accounts</h2>
      <p className="hint">
        Most specific first: category and service type, then category, then the cost center’s own GL
        account, then the default. Leave blank to skip a level.
      </p>
      <p role="status">{message}</p>
      <div className="markup-grid">
        {CHARGE_CATEGORIES.map((category) => (
          <label key={category} className="inline">
            <span>{CATEGORY_LABELS[category]}</span>
            <input
              aria-label={`GL account for ${CATEGORY_LABELS[category]}`}
              value={byCategory[category] ?? ''}
              onChange={(e) => setByCategory({ ...byCategory, [category]: e.target.value })}
            />
          </label>
        ))}
        <label className="inline">
          <span>Default (when nothing else applies)</span>
          <input value={fallback} onChange={(e) => setFallback(e.target.value)} />
        </label>
      </div>
      <h3>By category and service type</h3>
      {overrides.map((override, index) => (
        <div className="inline-form" key={index} role="group" aria-label={`Override ${index + 1}`}>
          <select
            aria-label="Category"
            value={override.category}
            onChange={(e) => {
              const category = CHARGE_CATEGORIES.find((c) => c === e.target.value);
              if (category) setOverride(index, { category });
            }}
          >
            {CHARGE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
          <select
            aria-label="Service type"
            value={override.serviceType}
            onChange={(e) => {
              const serviceType = SERVICE_TYPES.find((t) => t === e.target.value);
              if (serviceType) setOverride(index, { serviceType });
            }}
          >
            {SERVICE_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <input
            aria-label="GL account"
            value={override.glAccount}
            onChange={(e) => setOverride(index, { glAccount: e.target.value })}
          />
          <button
            type="button"
            onClick={() => setOverrides(overrides.filter((_, j) => j !== index))}
          >
            Remove
          </button>
        </div>
      ))}
      <div className="button-row">
        <button
          type="button"
          onClick={() =>
            setOverrides([
              ...overrides,
              { category: 'recurring', serviceType: 'mobile-line', glAccount: '' },
            ])
          }
        >
          Add a category × service type
        </button>
        <button type="submit">Save GL mapping</button>
      </div>
    </form>
  );
}
