/**
 * Percentages as the user types them (`60`, `33.33`, `5%`) ↔ basis points (`6000`, `3333`, `500`),
 * read as text so no float ever rounds a share.
 */

/** Basis points from a percentage with at most two decimals; null when the text is not one. */
export function basisPointsFromPercentText(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text);
  if (match === null) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  return whole * 100 + fraction;
}

/** `6000` → `60`, `3333` → `33.33`, `550` → `5.5`. */
export function percentTextFromBasisPoints(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const fraction = basisPoints % 100;
  if (fraction === 0) return String(whole);
  return `${whole}.${String(fraction).padStart(2, '0').replace(/0$/, '')}`;
}
