import type { ChargeBlock } from './charge-blocks';

/**
 * What one invoice billed per service and charge category, as parallel columns (entry i of every
 * column is one service × category sum). The dashboard filters by site, cost center and service
 * type through these — a few thousand entries per invoice — and never loads a charge line.
 *
 * Only the service's match key is kept: which site, cost center and type a service belongs to is
 * looked up in the inventory when the dashboard opens, so moving a line to another site moves its
 * history too, exactly as the chargeback does.
 */
export interface ServiceTotals {
  invoiceId: string;
  /** Service match key; `''` for account-level charges and unreadable identifiers. */
  keys: string[];
  /** Index into `CHARGE_CATEGORIES`. */
  categories: Uint8Array;
  /** Sum in integer cents (Float64 holds every safe integer exactly). */
  amounts: Float64Array;
}

/** Sums an invoice's packed lines per service key and category, in first-seen order. */
export function serviceTotalsOfBlocks(
  invoiceId: string,
  blocks: readonly ChargeBlock[],
): ServiceTotals {
  // One map per category, from service key to its entry: one lookup per line, nothing allocated
  // per line or per service (consecutive lines of one service and category skip even that).
  const at: Map<string, number>[] = [];
  const keys: string[] = [];
  const categories: number[] = [];
  const amounts: number[] = [];
  let lastKey: string | undefined = undefined;
  let lastCategory = -1;
  let lastIndex = -1;
  for (const block of blocks) {
    for (let i = 0; i < block.count; i++) {
      const key = block.serviceKey[i] ?? '';
      const category = block.category[i] ?? 0;
      const amount = block.amount[i] ?? 0;
      if (key !== lastKey || category !== lastCategory) {
        const byKey = (at[category] ??= new Map<string, number>());
        const index = byKey.get(key);
        lastKey = key;
        lastCategory = category;
        if (index === undefined) {
          lastIndex = keys.length;
          byKey.set(key, lastIndex);
          keys.push(key);
          categories.push(category);
          amounts.push(amount);
          continue;
        }
        lastIndex = index;
      }
      amounts[lastIndex] = (amounts[lastIndex] ?? 0) + amount;
    }
  }
  return {
    invoiceId,
    keys,
    categories: Uint8Array.from(categories),
    amounts: Float64Array.from(amounts),
  };
}
