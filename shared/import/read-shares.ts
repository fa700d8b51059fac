/** Joining the two parts of a read two workers shared (see `readBillsPart` in read-bill.ts). */

/**
 * The outcomes of a read two workers shared, in the order one worker reading it all gives: shard
 * 1's outcomes at the places shard 0 left for them. Values of `T` travel with their outcome (the
 * worker's packed lines), so the same function joins both lists.
 */
export function joinShares<T>(
  first: readonly T[],
  elsewhere: readonly number[],
  second: readonly T[],
): T[] {
  if (elsewhere.length !== second.length)
    throw new Error('The two parts of the read do not fit together.');
  const joined: T[] = [];
  const places = new Set(elsewhere);
  let a = 0;
  let b = 0;
  const total = first.length + second.length;
  for (let i = 0; i < total; i++) {
    const next = places.has(i) ? second[b++] : first[a++];
    if (next === undefined) throw new Error('The two parts of the read do not fit together.');
    joined.push(next);
  }
  return joined;
}
