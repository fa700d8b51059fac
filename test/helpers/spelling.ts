/**
 * The same name or number written another way, as carriers' exports, contracts files and users
 * write it: other case, and spaces or punctuation between any two characters. Safe in a CSV cell
 * (no comma, quote, semicolon, tab or pipe), so a file can carry it.
 */
import fc from 'fast-check';

const GAPS = ['', '', ' ', '  ', '-', '.', '/', '_'] as const;

export function spellingOf(text: string): fc.Arbitrary<string> {
  const chars = [...text];
  return fc
    .tuple(
      fc.array(fc.constantFrom(...GAPS), {
        minLength: chars.length + 1,
        maxLength: chars.length + 1,
      }),
      fc.array(fc.boolean(), { minLength: chars.length, maxLength: chars.length }),
    )
    .map(([gaps, upper]) =>
      chars
        .map((char, i) => `${gaps[i] ?? ''}${upper[i] ? char.toUpperCase() : char.toLowerCase()}`)
        .join('')
        .concat(gaps[chars.length] ?? ''),
    )
    .filter((spelling) => spelling.trim() !== '');
}
