/**
 * Small wording helpers for sentences built from figures, so the screens never read "1 disputes",
 * "0 found" or "Inc..".
 */

/** `1 dispute`, `2 disputes`, `1,500 services`; `many` for irregular plurals. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** Like {@link plural}, but `none` when the count is 0: "none found", "1 dispute". */
export function pluralOrNone(count: number, one: string, many = `${one}s`): string {
  return count === 0 ? 'none' : plural(count, one, many);
}

/**
 * The first `most` names joined with commas, then `and 1,990 more`: a crafted file can hold
 * thousands of sheet or column names, and a message lists a few.
 */
export function someOf(names: readonly string[], most: number): string {
  const listed = names.slice(0, most).join(', ');
  const rest = names.length - most;
  return rest > 0 ? `${listed} and ${rest.toLocaleString('en-US')} more` : listed;
}

/** Ends a sentence with one period: `Acme Retail Inc.` stays as is, `Acme Retail` gets one. */
export function endSentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * A long label broken at spaces into lines of at most `width` characters (a word longer than that
 * is cut with `…` only when it alone exceeds the width), at most `maxLines` lines, the last ending
 * with `…` when the label goes on. Chart axes draw each line, so a rule or cost-center name stays
 * readable; the full label stays in the tooltip and the table.
 */
export function wrapLabel(label: string, width: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const piece = word.length > width ? `${word.slice(0, width - 1)}…` : word;
    if (current === '') current = piece;
    else if (current.length + 1 + piece.length <= width) current = `${current} ${piece}`;
    else {
      lines.push(current);
      current = piece;
    }
  }
  if (current !== '') lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  return kept;
}
