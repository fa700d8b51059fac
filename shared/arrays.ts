/**
 * Appends every item to `target`, in order. `target.push(...items)` passes each item as an argument
 * of one call, and past about 120,000 of them (a large bill's lines, rows or findings) the call
 * overflows the stack: lists whose length follows from the data are appended with this instead.
 */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** Keeps the items `keep` accepts, in order, in the array itself (a `splice(…, ...kept)` without the spread). */
export function keepOnly<T>(target: T[], keep: (item: T) => boolean): T[] {
  let kept = 0;
  for (const item of target) if (keep(item)) target[kept++] = item;
  target.length = kept;
  return target;
}
