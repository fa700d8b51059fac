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
  const at = new Map<string, number>();
  const keys: string[] = [];
  const categories: number[] = [];
  const amounts: number[] = [];
  for (const block of blocks) {
    for (let i = 0; i < block.count; i++) {
      const key = block.serviceKey[i] ?? '';
      const category = block.category[i] ?? 0;
      const id = `${category}|${key}`;
      const index = at.get(id);
      if (index === undefined) {
        at.set(id, keys.length);
        keys.push(key);
        categories.push(category);
        amounts.push(block.amount[i] ?? 0);
      } else {
        amounts[index] = (amounts[index] ?? 0) + (block.amount[i] ?? 0);
      }
    }
  }
  return {
    invoiceId,
    keys,
    categories: Uint8Array.from(categories),
    amounts: Float64Array.from(amounts),
  };
}
