import { useState, type FormEvent } from 'react';
import { useDatabase } from '../../db/DatabaseContext';
import { saveChargebackSetting } from '../../db/chargeback';
import { basisPointsFromPercentText, percentTextFromBasisPoints } from './percent';
import type { Inventory } from './SplitRuleForm';

/** Optional mark-up per cost center, in percent; shown and exported apart from the amounts. */
export function MarkupsPanel({
  inventory,
  markups,
}: {
  inventory: Inventory;
  markups: Readonly<Record<string, number>>;
}) {
  const db = useDatabase();
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      Object.entries(markups).map(([id, bp]) => [id, percentTextFromBasisPoints(bp)]),
    ),
  );
  const [message, setMessage] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, number> = {};
    for (const [id, text] of Object.entries(draft)) {
      if (text.trim() === '') continue;
      const bp = basisPointsFromPercentText(text);
      const code = inventory.costCenters.find((c) => c.id === id)?.code ?? id;
      if (bp === null)
        return setMessage(`${code}: write the mark-up as a percentage, e.g. 5 or 2.5.`);
      if (bp !== 0) next[id] = bp;
    }
    await saveChargebackSetting(db, 'markups', next);
    setMessage(`Saved mark-ups for ${Object.keys(next).length} cost centers.`);
  };
  return (
    <form className="panel" aria-labelledby="markups-title" onSubmit={(e) => void submit(e)}>
      <h2 id="markups-title">Mark-up per cost center</h2>
      <p className="hint">
        Leave blank for none. The mark-up is reported in its own column and never changes the
        reconciled totals.
      </p>
      <p role="status">{message}</p>
      <div className="markup-grid">
        {inventory.costCenters.map((c) => (
          <label key={c.id} className="inline">
            <span>
              {c.code} {c.name}
            </span>
            <input
              className="percent-input"
              inputMode="decimal"
              aria-label={`Mark-up % for ${c.code}`}
              value={draft[c.id] ?? ''}
              onChange={(e) => setDraft({ ...draft, [c.id]: e.target.value })}
            />
            %
          </label>
        ))}
      </div>
      <button type="submit">Save mark-ups</button>
    </form>
  );
}
