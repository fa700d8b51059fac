import { deserialize, serialize } from 'node:v8';
import { expect } from 'vitest';
import type { ChargeBlock } from '../../shared/storage/charge-blocks';

/** The tag after V8's structured clone header (0xFF, version): a dense array, a sparse one. */
const DENSE_ARRAY = 'A'.charCodeAt(0);
const SPARSE_ARRAY = 'a'.charCodeAt(0);

const STRING_COLUMNS = [
  'serviceIdRaw',
  'serviceKey',
  'description',
  'periodStart',
  'periodEnd',
  'files',
  'accountNumber',
] as const;

/** What IndexedDB keeps of a value, as V8's structured clone (the one the browser uses) reads it back. */
function stored(value: unknown): unknown {
  return deserialize(serialize(value));
}

/**
 * Checks that `block`'s string columns are cloned densely (as arrays without holes), and that
 * the block stored is exactly the one stored before they were, when each column was made with
 * `new Array(count)` and then set (an array with holes, cloned as a sparse one).
 */
export function expectClonedDenselyAsBefore(block: ChargeBlock): void {
  const before: Record<string, unknown> = { ...block };
  for (const name of STRING_COLUMNS) {
    const column = block[name];
    if (column === undefined) continue;
    expect(serialize(column)[2], name).toBe(DENSE_ARRAY);
    const holey = Object.assign(new Array<string>(column.length), column);
    expect(serialize(holey)[2]).toBe(SPARSE_ARRAY);
    before[name] = holey;
  }
  expect(stored(block)).toStrictEqual(stored(before));
}
