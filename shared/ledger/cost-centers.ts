/**
 * Cost centers, decided once for both doors: how a cell names one (its code, or its name) and what
 * a cost centers file changes (a code already stored is updated, a new code is added).
 */
import { textKey } from '../ids/keys';
import type { CostCenterDraft } from '../inventory/cost-centers-file';
import type { CostCenter } from '../model';
import type { NewRecordId, RecordUpdate } from './records';
import { withoutUndefined } from './records';

/**
 * Finds the cost center a cell names: its code as written, else its code or its name compared by
 * `textKey` (any case, spacing or punctuation). A code wins over a name.
 */
export function costCenterFinder(
  costCenters: readonly CostCenter[],
): (text: string) => CostCenter | undefined {
  const byCode = new Map<string, CostCenter>();
  const byCodeKey = new Map<string, CostCenter>();
  const byNameKey = new Map<string, CostCenter>();
  for (const costCenter of costCenters) {
    if (!byCode.has(costCenter.code)) byCode.set(costCenter.code, costCenter);
    const codeKey = textKey(costCenter.code);
    if (codeKey !== '' && !byCodeKey.has(codeKey)) byCodeKey.set(codeKey, costCenter);
    const nameKey = textKey(costCenter.name);
    if (nameKey !== '' && !byNameKey.has(nameKey)) byNameKey.set(nameKey, costCenter);
  }
  return (text) => {
    const exact = byCode.get(text.trim());
    if (exact !== undefined) return exact;
    const key = textKey(text);
    return key === '' ? undefined : (byCodeKey.get(key) ?? byNameKey.get(key));
  };
}

/** What a cost centers file changes. */
export interface CostCenterPlan {
  /** New cost centers, in file order. */
  added: CostCenter[];
  /** Stored cost centers the file updates (name, GL account, status). */
  updated: RecordUpdate<CostCenter>[];
}

/** Plans a cost centers file against the stored cost centers: matched by code, else added. */
export function planCostCenters(
  drafts: readonly CostCenterDraft[],
  stored: readonly CostCenter[],
  newId: NewRecordId,
): CostCenterPlan {
  const byCode = new Map(stored.map((costCenter) => [costCenter.code, costCenter]));
  // A code written another way (`41-00`, `br 12`) is the cost center every other door finds by it.
  const byCodeKey = new Map<string, CostCenter>();
  for (const costCenter of stored) {
    const key = textKey(costCenter.code);
    if (key !== '' && !byCodeKey.has(key)) byCodeKey.set(key, costCenter);
  }
  // A stored cost center a row names exactly is that row's; another spelling takes it only when
  // no other row names it (a file listing `4100` and `41-00` where both are stored, as the app's
  // own export of them does, updates each, and never one twice).
  const taken = new Set(drafts.map((draft) => byCode.get(draft.code)?.id));
  const added: CostCenter[] = [];
  const updated: RecordUpdate<CostCenter>[] = [];
  for (const draft of drafts) {
    const spelled = byCodeKey.get(textKey(draft.code));
    const before =
      byCode.get(draft.code) ??
      (spelled === undefined || taken.has(spelled.id) ? undefined : spelled);
    if (before !== undefined) taken.add(before.id);
    // A known cost center keeps what a column the file does not have says.
    const kept = (field: 'glAccount' | 'status') =>
      before !== undefined && draft.absentColumns?.includes(field) === true;
    const after = withoutUndefined<CostCenter>({
      ...before,
      id: before?.id ?? newId('cost-center'),
      code: draft.code,
      name: draft.name,
      glAccount: kept('glAccount') ? before?.glAccount : draft.glAccount || undefined,
      active: kept('status') ? (before?.active ?? draft.active) : draft.active,
    });
    if (before === undefined) added.push(after);
    else updated.push({ before, after });
  }
  return { added, updated };
}

/** The cost centers once a plan is applied: stored ones updated in place, new ones after them. */
export function costCentersAfter(
  stored: readonly CostCenter[],
  plan: CostCenterPlan,
): CostCenter[] {
  const updates = new Map(plan.updated.map(({ after }) => [after.id, after]));
  return [...stored.map((costCenter) => updates.get(costCenter.id) ?? costCenter), ...plan.added];
}
