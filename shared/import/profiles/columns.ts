/**
 * Matching a file's header against a profile's layouts: which columns are where, how well a header
 * fits, and what changed when a known carrier renamed its columns.
 */
import { ABSENT } from '../cells';
import { headerKey } from '../table';
import type { CarrierProfile, TableLayout } from './types';

/** How one header fits one layout. */
export interface LayoutFit {
  profile: CarrierProfile;
  layout: TableLayout;
  /** Index of each logical field in the header, ABSENT when missing. */
  columns: Record<string, number>;
  /** Required fields the header lacks (named by their first alias). */
  missingRequired: string[];
  /** Fields of the layout the header lacks, required or not (named by their first alias). */
  missing: string[];
  /** Header cells no field of the layout claims. */
  added: string[];
  /** Share of the layout's fields present, 0–1. */
  coverage: number;
  /**
   * Fields for which the header holds more than one of their aliases: the column read (the first
   * alias the layout lists) and the others, in the layout's order, which are not read.
   */
  choices: FieldChoice[];
}

/** A field of which the header holds several aliases, and which column was read. */
export interface FieldChoice {
  /** The field's name: its first alias, e.g. `Amount`. */
  field: string;
  /** The column read, as written in the header. */
  used: string;
  /** The field's other columns, as written, not read. */
  notUsed: string[];
}

/** Alias keys of every layout, computed once per layout object. */
const aliasKeyCache = new WeakMap<TableLayout, Map<string, readonly string[]>>();

function aliasKeys(layout: TableLayout): Map<string, readonly string[]> {
  let keys = aliasKeyCache.get(layout);
  if (keys === undefined) {
    keys = new Map(
      Object.entries(layout.columns).map(([field, spec]) => [field, spec.aliases.map(headerKey)]),
    );
    aliasKeyCache.set(layout, keys);
  }
  return keys;
}

/** Where each field of `layout` sits in `header` (first matching alias wins), and what is missing. */
export function fitLayout(
  profile: CarrierProfile,
  layout: TableLayout,
  header: readonly string[],
): LayoutFit {
  const keys = header.map(headerKey);
  const claimed = new Set<number>();
  const columns: Record<string, number> = {};
  const missing: string[] = [];
  const missingRequired: string[] = [];
  let present = 0;
  for (const [field, aliases] of aliasKeys(layout)) {
    let index = ABSENT;
    for (const alias of aliases) {
      index = keys.findIndex((key, i) => key === alias && !claimed.has(i));
      if (index !== ABSENT) break;
    }
    columns[field] = index;
    const spec = layout.columns[field];
    const name = spec?.aliases[0] ?? field;
    if (index === ABSENT) {
      missing.push(name);
      if (spec?.required === true) missingRequired.push(name);
    } else {
      claimed.add(index);
      present += 1;
    }
  }
  const added = header.filter((name, i) => !claimed.has(i) && name !== '');
  const fieldCount = Object.keys(layout.columns).length;
  return {
    profile,
    layout,
    columns,
    missing,
    missingRequired,
    added,
    coverage: fieldCount === 0 ? 0 : present / fieldCount,
    choices: fieldChoices(layout, header, keys, columns, claimed),
  };
}

/** The fields whose aliases name more than one column no other field read (see {@link FieldChoice}). */
function fieldChoices(
  layout: TableLayout,
  header: readonly string[],
  keys: readonly string[],
  columns: Readonly<Record<string, number>>,
  claimed: ReadonlySet<number>,
): FieldChoice[] {
  const choices: FieldChoice[] = [];
  for (const [field, aliases] of aliasKeys(layout)) {
    const index = columns[field] ?? ABSENT;
    if (index === ABSENT) continue;
    const notUsed: number[] = [];
    for (const alias of aliases) {
      keys.forEach((key, i) => {
        if (key === alias && !claimed.has(i) && !notUsed.includes(i)) notUsed.push(i);
      });
    }
    if (notUsed.length === 0) continue;
    choices.push({
      field: layout.columns[field]?.aliases[0] ?? field,
      used: header[index] ?? '',
      notUsed: notUsed.map((i) => header[i] ?? ''),
    });
  }
  return choices;
}

/** Share of a layout's fields that must be present for a header to count as "that carrier, drifted". */
export const DRIFT_COVERAGE = 0.6;

/**
 * The best fit of a header among all profiles: `match` when every required column is there (the
 * best coverage wins), else `drift` for the closest layout covering at least
 * {@link DRIFT_COVERAGE} of its fields, else null.
 */
export function bestFit(
  profiles: readonly CarrierProfile[],
  header: readonly string[],
): { kind: 'match'; fit: LayoutFit } | { kind: 'drift'; fit: LayoutFit } | null {
  let match: LayoutFit | null = null;
  let drift: LayoutFit | null = null;
  for (const profile of profiles) {
    for (const layout of profile.layouts) {
      const fit = fitLayout(profile, layout, header);
      if (fit.missingRequired.length === 0) {
        if (match === null || fit.coverage > match.coverage) match = fit;
      } else if (
        fit.coverage >= DRIFT_COVERAGE &&
        (drift === null || fit.coverage > drift.coverage)
      ) {
        drift = fit;
      }
    }
  }
  if (match !== null) return { kind: 'match', fit: match };
  if (drift !== null) return { kind: 'drift', fit: drift };
  return null;
}

/** The fields of a layout that identify a row (for summary-row detection), as column indexes present. */
export function presentIndexes(
  columns: Readonly<Record<string, number>>,
  fields: readonly string[],
): number[] {
  const indexes: number[] = [];
  for (const field of fields) {
    const index = columns[field];
    if (index !== undefined && index !== ABSENT) indexes.push(index);
  }
  return indexes;
}

/** The column index of a field (ABSENT when the layout or the file lacks it). */
export function col(columns: Readonly<Record<string, number>>, field: string): number {
  return columns[field] ?? ABSENT;
}

/**
 * Why a file's columns cannot be read unambiguously: a column the reader uses has a twin of the
 * same name (case, spaces and punctuation aside), and reading the first would silently ignore the
 * second. Null when every used column's name is unique.
 */
export function duplicateColumnProblem(
  header: readonly string[],
  usedIndexes: Iterable<number>,
): string | null {
  const keys = header.map(headerKey);
  for (const index of usedIndexes) {
    if (index === ABSENT) continue;
    const key = keys[index];
    if (key === undefined || key === '') continue;
    const twin = keys.findIndex((other, i) => i !== index && other === key);
    if (twin === ABSENT) continue;
    const [first, second] = index < twin ? [index, twin] : [twin, index];
    return `The file has two columns named "${header[first] ?? ''}" (columns ${first + 1} and ${second + 1}), and TEM Desk would read only one of them. Rename or remove one of the two and import the file again.`;
  }
  return null;
}
