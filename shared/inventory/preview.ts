/**
 * What the inventory import screen says before anything is saved: rows ready, rows that cannot be
 * read, rows to fix, counted once per row however many of its cells are wrong.
 */
import { plural } from '../text/wording';

export interface InventoryPreview {
  /** Rows that would be imported. */
  ready: number;
  /** The status sentence: `3 services ready · 1 row cannot be read and is left out`. */
  status: string;
  /** The import button's label: `Import 1 service`. */
  button: string;
}

/**
 * `drafts`: the rows read; `readErrors`: the cells that could not be read (several may share a
 * row); `refusals`: the rows read that the commit would refuse (an unknown cost center, contract);
 * `skipped`: the Total rows read past, named with their row numbers.
 */
export function inventoryPreview(
  drafts: number,
  readErrors: readonly { row: number }[],
  refusals: readonly { row: number }[],
  skipped: readonly { row: number }[] = [],
): InventoryPreview {
  const unreadable = new Set(readErrors.map((error) => error.row)).size;
  const refused = new Set(refusals.map((refusal) => refusal.row)).size;
  const ready = drafts - refused;
  const parts = [`${plural(ready, 'service')} ready`];
  if (unreadable > 0)
    parts.push(
      `${plural(unreadable, 'row')} cannot be read and ${unreadable === 1 ? 'is' : 'are'} left out`,
    );
  if (refused > 0) parts.push(`${plural(refused, 'row')} to fix before anything is imported`);
  if (skipped.length > 0)
    parts.push(
      `${plural(skipped.length, 'Total row')} skipped (row${skipped.length === 1 ? '' : 's'} ${skipped.map(({ row }) => row).join(', ')})`,
    );
  return { ready, status: parts.join(' · '), button: `Import ${plural(ready, 'service')}` };
}
