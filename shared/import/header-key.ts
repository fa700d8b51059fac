/**
 * Header names compared as the importer compares them, kept apart from the table reader so that
 * the checks can compare a line's description (a column's header in many layouts) without
 * loading a CSV parser.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_ALPHANUMERIC = /[^a-z0-9]/g;

/**
 * The form of a header used for matching: case, accents, punctuation and spaces removed, `&` read
 * as "and". `Taxes, Governmental Surcharges, and Fees` ≡ `Taxes, Governmental Surcharges and Fees`,
 * `Account number` ≡ `Account Number`, `Taxes & Fees` ≡ `Taxes and Fees`.
 */
export function headerKey(name: string): string {
  let key = headerKeys.get(name);
  if (key === undefined) {
    key = name
      .normalize('NFD')
      .replace(COMBINING_MARKS, '')
      .toLowerCase()
      .replace(/&/g, 'and')
      .replace(NOT_ALPHANUMERIC, '');
    if (headerKeys.size >= HEADER_KEYS_KEPT) headerKeys.clear();
    headerKeys.set(name, key);
  }
  return key;
}

/**
 * Keys already made: the same few hundred header names are keyed for every profile tried on every
 * file (216 files of a million-line upload), and NFD normalisation is slow in Chromium.
 */
const headerKeys = new Map<string, string>();
const HEADER_KEYS_KEPT = 4_096;
