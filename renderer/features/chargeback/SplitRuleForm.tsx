import { useId, useState, type FormEvent } from 'react';
import type { AllocationInput } from '../../../shared/allocation';
import { isIsoMonth } from '../../../shared/dates/iso-date';
import type { AllocationRule, AllocationTarget } from '../../../shared/model';
import { useDatabase } from '../../db/DatabaseContext';
import { saveRule } from '../../db/chargeback';
import { basisPointsFromPercentText, percentTextFromBasisPoints } from './percent';

/** The inventory the rule forms choose from. */
export type Inventory = Pick<AllocationInput, 'services' | 'sites' | 'accounts' | 'costCenters'>;

type Kind = AllocationTarget['kind'];

function targetOf(kind: Kind, id: string): AllocationTarget {
  if (kind === 'service') return { kind, serviceId: id };
  if (kind === 'site') return { kind, siteId: id };
  return { kind, accountId: id };
}

function targetId(target: AllocationTarget): string {
  if (target.kind === 'service') return target.serviceId;
  if (target.kind === 'site') return target.siteId;
  return target.accountId;
}

/** Add or edit one split rule; percentages are typed, stored as basis points. */
export function SplitRuleForm({
  initial,
  inventory,
  onDone,
}: {
  initial: AllocationRule;
  inventory: Inventory;
  onDone: (message: string) => void;
}) {
  const db = useDatabase();
  const ids = useId();
  const [name, setName] = useState(initial.name);
  const [kind, setKind] = useState<Kind>(initial.target.kind);
  const initialId = targetId(initial.target);
  const [serviceText, setServiceText] = useState(
    inventory.services.find((s) => s.id === initialId)?.serviceIdRaw ?? '',
  );
  const [chosenId, setChosenId] = useState(initial.target.kind === 'service' ? '' : initialId);
  const [shares, setShares] = useState(
    initial.splits.map((s) => ({
      costCenterId: s.costCenterId,
      percent: percentTextFromBasisPoints(s.basisPoints),
    })),
  );
  const [from, setFrom] = useState<string>(initial.effectiveFrom);
  const [to, setTo] = useState<string>(initial.effectiveTo ?? '');
  const [error, setError] = useState('');
  const active = inventory.costCenters.filter((c) => c.active);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const id =
      kind === 'service'
        ? inventory.services.find((s) => s.serviceIdRaw === serviceText.trim())?.id
        : chosenId || undefined;
    if (id === undefined) return setError(`Choose the ${kind} the split applies to.`);
    const splits = shares.map((share) => ({
      costCenterId: share.costCenterId,
      basisPoints: basisPointsFromPercentText(share.percent),
    }));
    const bad = splits.find((split) => split.basisPoints === null);
    if (bad !== undefined) return setError('Write each share as a percentage, e.g. 60 or 33.33.');
    if (!isIsoMonth(from)) return setError('Choose the first month the rule applies.');
    if (to !== '' && !isIsoMonth(to)) return setError('The last month is not a month.');
    const rule: AllocationRule = {
      id: initial.id,
      name: name.trim(),
      target: targetOf(kind, id),
      splits: splits.map((split) => ({
        costCenterId: split.costCenterId,
        basisPoints: split.basisPoints ?? 0,
      })),
      effectiveFrom: from,
      ...(isIsoMonth(to) ? { effectiveTo: to } : {}),
    };
    const outcome = await saveRule(db, rule);
    if (outcome.ok) onDone(`Saved ${rule.name}.`);
    else setError(outcome.errors.map((e) => e.message).join(' '));
  };

  return (
    <form className="split-form" aria-labelledby={`${ids}-title`} onSubmit={(e) => void submit(e)}>
      <h3 id={`${ids}-title`}>{initial.name ? `Edit ${initial.name}` : 'New split'}</h3>
      <div className="form-grid">
        <label htmlFor={`${ids}-name`}>Rule name</label>
        <input id={`${ids}-name`} value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor={`${ids}-kind`}>Applies to</label>
        <select
          id={`${ids}-kind`}
          value={kind}
          onChange={(e) =>
            setKind(
              e.target.value === 'site'
                ? 'site'
                : e.target.value === 'account'
                  ? 'account'
                  : 'service',
            )
          }
        >
          <option value="service">A service</option>
          <option value="site">A site</option>
          <option value="account">An account</option>
        </select>
        <label htmlFor={`${ids}-target`}>
          {kind === 'service' ? 'Service ID' : kind === 'site' ? 'Site' : 'Account'}
        </label>
        {kind === 'service' ? (
          <>
            <input
              id={`${ids}-target`}
              list={`${ids}-services`}
              value={serviceText}
              onChange={(e) => setServiceText(e.target.value)}
            />
            <datalist id={`${ids}-services`}>
              {inventory.services.map((s) => (
                <option key={s.id} value={s.serviceIdRaw}>
                  {s.description ?? s.userName ?? ''}
                </option>
              ))}
            </datalist>
          </>
        ) : (
          <select
            id={`${ids}-target`}
            value={chosenId}
            onChange={(e) => setChosenId(e.target.value)}
          >
            <option value="">Choose…</option>
            {(kind === 'site'
              ? inventory.sites.map((s) => ({ id: s.id, label: `${s.code} ${s.name}` }))
              : inventory.accounts.map((a) => ({
                  id: a.id,
                  label: `${a.accountNumber} ${a.name ?? ''}`,
                }))
            ).map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        )}
        <label htmlFor={`${ids}-from`}>First month</label>
        <input
          id={`${ids}-from`}
          type="month"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <label htmlFor={`${ids}-to`}>Last month (optional)</label>
        <input id={`${ids}-to`} type="month" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <fieldset>
        <legend>Shares</legend>
        {shares.map((share, index) => (
          <div className="inline-form" key={index}>
            <select
              aria-label={`Cost center of share ${index + 1}`}
              value={share.costCenterId}
              onChange={(e) =>
                setShares(
                  shares.map((s, j) => (j === index ? { ...s, costCenterId: e.target.value } : s)),
                )
              }
            >
              <option value="">Choose a cost center…</option>
              {active.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.code} {c.name}
                </option>
              ))}
            </select>
            <input
              aria-label={`Percent of share ${index + 1}`}
              inputMode="decimal"
              className="percent-input"
              value={share.percent}
              onChange={(e) =>
                setShares(
                  shares.map((s, j) => (j === index ? { ...s, percent: e.target.value } : s)),
                )
              }
            />
            %
            <button
              type="button"
              aria-label={`Remove share ${index + 1}`}
              disabled={shares.length <= 2}
              onClick={() => setShares(shares.filter((_, j) => j !== index))}
            >
              Remove
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => setShares([...shares, { costCenterId: '', percent: '0' }])}
        >
          Add a share
        </button>
      </fieldset>
      {error && (
        <p role="alert" className="money-mismatch">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit">Save split</button>
        <button type="button" onClick={() => onDone('')}>
          Cancel
        </button>
      </div>
    </form>
  );
}
