import { describe, expect, it } from 'vitest';
import { simpleCents } from '../../../shared/import/cells';
import { seededRandom } from '../../fixtures/generate/random';

/** The reading `simpleCents` replaced: a regular expression and its groups. */
function byRegex(text: string): number | null {
  const match = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text);
  if (match === null) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  const magnitude = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return sign === '-' ? -magnitude : magnitude;
}

describe('simpleCents reads the everyday amount as the regular expression did', () => {
  it.each([
    '12.34',
    '-5',
    '0.5',
    '0',
    '-0.01',
    '999999999999.99',
    '1234567890123',
    '12.',
    '.5',
    '12.345',
    '1,234.00',
    '+5',
    '--5',
    ' 5',
    '5 ',
    '',
    '-',
    '1e3',
    '١٢',
    '12.3a',
  ])('%j', (text) => {
    expect(simpleCents(text)).toBe(byRegex(text));
  });

  it('on 20,000 random texts of digits, signs and points', () => {
    const random = seededRandom(7);
    const alphabet = '0123456789.-,+ $';
    for (let i = 0; i < 20_000; i += 1) {
      let text = '';
      const length = Math.floor(random() * 16);
      for (let k = 0; k < length; k += 1) {
        // Mostly digits, so that many texts are amounts.
        text +=
          random() < 0.7
            ? String(Math.floor(random() * 10))
            : alphabet[Math.floor(random() * alphabet.length)];
      }
      expect([text, simpleCents(text)]).toEqual([text, byRegex(text)]);
    }
  });
});
