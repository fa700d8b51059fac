import { lineAccountOf, type ChargeBlock } from './charge-blocks';

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
  /**
   * The billing account each entry's lines are billed on, as printed, where it is not the
   * invoice's own (`''`: the invoice's): a foundation account's invoice (AT&T FAN, an EDI 811
   * master account) bills each line on its BAN or sub-account, and a contract naming one of those
   * spends what was billed on it (see `shared/contracts/spend.ts`). Absent when no line says.
   */
  accounts?: string[];
}

/** FNV-1a multiplier: a cheap hash of a service key's characters and a category. */
const FNV_PRIME = 0x01000193;
const FNV_OFFSET = 0x811c9dc5;

/** Sums an invoice's packed lines per service key and category, in first-seen order. */
export function serviceTotalsOfBlocks(
  invoiceId: string,
  blocks: readonly ChargeBlock[],
): ServiceTotals {
  // An open-addressing table of entry indexes, hashed here from the key's characters, instead of a
  // Map: a Map hashes each key string the first time it sees it, and for keys fresh from a bill
  // (every key of an import) that cost 70 to 300 ms per 100,000 distinct keys in Chromium, against
  // 5 to 40 ms for this loop. Half empty at most (sized for every line being its own entry).
  let lineCount = 0;
  let billedElsewhere = false;
  for (const block of blocks) {
    lineCount += block.count;
    if (!billedElsewhere) billedElsewhere = hasLineAccounts(block);
  }
  if (billedElsewhere) return serviceTotalsByAccount(invoiceId, blocks, lineCount);
  let capacity = 16;
  while (capacity < lineCount * 2) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity).fill(-1);
  const keys: string[] = [];
  const categories: number[] = [];
  const amounts: number[] = [];
  // Consecutive lines of one service and category skip even the lookup.
  let lastKey: string | undefined = undefined;
  let lastCategory = -1;
  let lastIndex = -1;
  for (const block of blocks) {
    for (let i = 0; i < block.count; i++) {
      const key = block.serviceKey[i] ?? '';
      const category = block.category[i] ?? 0;
      const amount = block.amount[i] ?? 0;
      if (key !== lastKey || category !== lastCategory) {
        lastKey = key;
        lastCategory = category;
        let slot = entryHash(category, key, '') & mask;
        let index = slots[slot] ?? -1;
        while (index >= 0 && (categories[index] !== category || keys[index] !== key)) {
          slot = (slot + 1) & mask;
          index = slots[slot] ?? -1;
        }
        if (index < 0) {
          lastIndex = keys.length;
          slots[slot] = lastIndex;
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

/** FNV-1a of an entry's category, key and (when not '') account, its high bits folded in. */
function entryHash(category: number, key: string, account: string): number {
  let hash = Math.imul(FNV_OFFSET ^ category, FNV_PRIME);
  for (let c = 0; c < key.length; c++) hash = Math.imul(hash ^ key.charCodeAt(c), FNV_PRIME);
  if (account !== '') {
    hash = Math.imul(hash ^ 0x1f, FNV_PRIME);
    for (let c = 0; c < account.length; c++)
      hash = Math.imul(hash ^ account.charCodeAt(c), FNV_PRIME);
  }
  return hash ^ (hash >>> 15);
}

/** Whether a block holds a line billed on an account of its own (see `ServiceTotals.accounts`). */
function hasLineAccounts(block: ChargeBlock): boolean {
  const accounts = block.accountNumber;
  if (accounts === undefined) return false;
  for (let i = 0; i < block.count; i++) if (lineAccountOf(block, i) !== undefined) return true;
  return false;
}

/**
 * {@link serviceTotalsOfBlocks} for an invoice whose lines name their own billing accounts: an
 * entry per account, service key and category, in first-seen order.
 */
function serviceTotalsByAccount(
  invoiceId: string,
  blocks: readonly ChargeBlock[],
  lineCount: number,
): ServiceTotals {
  let capacity = 16;
  while (capacity < lineCount * 2) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity).fill(-1);
  const keys: string[] = [];
  const accounts: string[] = [];
  const categories: number[] = [];
  const amounts: number[] = [];
  for (const block of blocks) {
    for (let i = 0; i < block.count; i++) {
      const key = block.serviceKey[i] ?? '';
      const account = lineAccountOf(block, i) ?? '';
      const category = block.category[i] ?? 0;
      let slot = entryHash(category, key, account) & mask;
      let index = slots[slot] ?? -1;
      while (
        index >= 0 &&
        (categories[index] !== category || keys[index] !== key || accounts[index] !== account)
      ) {
        slot = (slot + 1) & mask;
        index = slots[slot] ?? -1;
      }
      if (index < 0) {
        slots[slot] = keys.length;
        keys.push(key);
        accounts.push(account);
        categories.push(category);
        amounts.push(block.amount[i] ?? 0);
        continue;
      }
      amounts[index] = (amounts[index] ?? 0) + (block.amount[i] ?? 0);
    }
  }
  return {
    invoiceId,
    keys,
    categories: Uint8Array.from(categories),
    amounts: Float64Array.from(amounts),
    accounts,
  };
}
