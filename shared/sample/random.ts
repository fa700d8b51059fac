/**
 * Seeded randomness for generated data: the same seed always gives the same data set, in Node,
 * in the renderer and in workers alike (no `Math.random`).
 */

/** A small seeded PRNG (mulberry32): a function returning numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One item of a non-empty list, chosen uniformly. Throws on an empty list (programmer error). */
export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick() from an empty list');
  return item;
}

/** A whole number from `min` to `max`, both included. */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/**
 * A seed for one part of the data set (`'verizon'`, `'sites'`…), so that adding rows to one part
 * never shifts the random numbers of another.
 */
export function deriveSeed(seed: number, label: string): number {
  // FNV-1a over the label, mixed with the seed.
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i += 1) {
    hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}

/** A seeded PRNG for one part of the data set; see {@link deriveSeed}. */
export function partRandom(seed: number, label: string): () => number {
  return seededRandom(deriveSeed(seed, label));
}
