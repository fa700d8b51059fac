/**
 * Mark-up: a cost center's rate applied to its month, rounded once, then shared out so every
 * row that shows a mark-up adds up to that figure to the cent.
 *
 * Decisions:
 * - **One rounding per cost center and rate**: the cost center's mark-up is rate × its allocated
 *   amount for the month (credits net against charges), rounded half away from zero to the cent —
 *   the figure a finance user gets with a calculator from the screen. Rounding each charge line
 *   first would drift by up to half a cent per line (dollars over a thousand lines).
 * - **Shared out by largest remainder, in two levels**: first over the cost center's GL accounts
 *   (the rows of a GL journal), then each GL account's part over its charge lines (the rows of a
 *   detail). Every part is its exact share (rate × amount) rounded down or up, never further; the
 *   cents left over go to the largest remainders, ties to the first row, so the split is
 *   deterministic and the rows of any export add up exactly to the cost center's mark-up.
 * - A cost center whose amount nets to zero has no mark-up; its rows' mark-ups net to zero too.
 * - Exact integer arithmetic (BigInt): no amount or rate is ever too large to split exactly.
 */
import { cents, FULL_BASIS_POINTS } from '../money/cents';
import type { AllocatedCharge } from './types';

const DENOMINATOR = BigInt(FULL_BASIS_POINTS);

/**
 * Mark-up on an amount at `basisPoints`, rounded half away from zero to the cent. Throws on a rate
 * that is not a whole number of basis points (the settings screen validates it).
 */
export function markupOf(amount: number, basisPoints: number): number {
  assertBasisPoints(basisPoints);
  return Number(roundedQuotient(BigInt(amount) * BigInt(basisPoints)));
}

/**
 * The mark-up of each row of one cost center at one rate: `amounts` are the rows' amounts in
 * cents, `groups` each row's GL account (or any key the rows are totalled by). The parts sum to
 * `markupOf(sum of amounts, basisPoints)`, each group's parts to its own share of that total, and
 * every part is within a cent of rate × its amount.
 */
export function markupShares(
  amounts: readonly number[],
  groups: readonly string[],
  basisPoints: number,
): number[] {
  assertBasisPoints(basisPoints);
  if (amounts.length !== groups.length) {
    throw new RangeError('markupShares() needs one group per amount.');
  }
  const rate = BigInt(basisPoints);
  const exact = amounts.map((amount) => {
    if (!Number.isSafeInteger(amount)) {
      throw new RangeError(`Amounts must be whole cents, got ${amount}.`);
    }
    return BigInt(amount) * rate;
  });
  const members = new Map<string, number[]>();
  groups.forEach((group, index) => {
    const list = members.get(group);
    if (list === undefined) members.set(group, [index]);
    else list.push(index);
  });
  const groupLists = [...members.values()];
  const groupExact = groupLists.map((list) => list.reduce((sum, i) => sum + (exact[i] ?? 0n), 0n));
  const total = roundedQuotient(groupExact.reduce((sum, value) => sum + value, 0n));
  const groupParts = distribute(total, groupExact);
  const parts = amounts.map(() => 0);
  groupLists.forEach((list, g) => {
    const lineParts = distribute(
      groupParts[g] ?? 0n,
      list.map((i) => exact[i] ?? 0n),
    );
    list.forEach((i, k) => {
      parts[i] = Number(lineParts[k] ?? 0n);
    });
  });
  return parts;
}

/**
 * Splits `target` cents over parts whose exact values are `numerators` / 10,000 cents: each part
 * is its exact value rounded down, and the cents still missing go one each to the largest
 * remainders (ties to the lower index). `target` must lie between the sum rounded down and up.
 */
function distribute(target: bigint, numerators: readonly bigint[]): bigint[] {
  const floors = numerators.map((value) => floorDiv(value));
  const remainders = numerators.map((value, i) => value - (floors[i] ?? 0n) * DENOMINATOR);
  const leftover = target - floors.reduce((sum, value) => sum + value, 0n);
  if (leftover < 0n || leftover > BigInt(numerators.length)) {
    throw new RangeError(`Cannot share ${target} over parts worth ${numerators.join(', ')}.`);
  }
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
  const parts = [...floors];
  for (let k = 0; k < Number(leftover); k += 1) {
    const index = order[k]?.index;
    if (index !== undefined) parts[index] = (parts[index] ?? 0n) + 1n;
  }
  return parts;
}

/** `value` / 10,000 rounded toward minus infinity. */
function floorDiv(value: bigint): bigint {
  const quotient = value / DENOMINATOR;
  return value < 0n && quotient * DENOMINATOR !== value ? quotient - 1n : quotient;
}

/** `value` / 10,000 rounded half away from zero. */
function roundedQuotient(value: bigint): bigint {
  const magnitude = value < 0n ? -value : value;
  const rounded = (magnitude + DENOMINATOR / 2n) / DENOMINATOR;
  return value < 0n ? -rounded : rounded;
}

function assertBasisPoints(basisPoints: number): void {
  if (!Number.isSafeInteger(basisPoints)) {
    throw new RangeError(`Mark-up must be whole basis points, got ${basisPoints}.`);
  }
}

/**
 * Sets every row's mark-up: per cost center, its rate × its rows' amounts rounded once, shared
 * over its GL accounts and then their rows by largest remainder (see `markupShares`).
 */
export function applyMarkups(
  rows: AllocatedCharge[],
  markups: Readonly<Record<string, number>>,
): void {
  const byCostCenter = new Map<string, AllocatedCharge[]>();
  for (const row of rows) {
    const list = byCostCenter.get(row.costCenterId);
    if (list === undefined) byCostCenter.set(row.costCenterId, [row]);
    else list.push(row);
  }
  for (const [costCenterId, list] of byCostCenter) {
    const basisPoints = markups[costCenterId] ?? 0;
    if (basisPoints === 0) continue;
    const shares = markupShares(
      list.map((row) => row.amount),
      list.map((row) => row.glAccount),
      basisPoints,
    );
    list.forEach((row, i) => {
      row.markup = cents(shares[i] ?? 0);
    });
  }
}
