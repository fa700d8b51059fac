import { describe, expect, it } from 'vitest';
import { simpleCents } from '../../../shared/import/cell-scan';
import { cents, centsFromText } from '../../../shared/money/cents';
import { seededRandom } from '../../fixtures/generate/random';
import { mostlyDigits } from '../../helpers/random-text';

/** The shape `simpleCents` reads, as a regular expression (see its comment). */
const EVERYDAY = /^(?:-?|\()\$?(\d{0,12})(?:\.(\d{0,2}))?\)?$/;

/** The reading by the shape: null for any other text. */
function byRegex(text: string): number | null {
  const match = EVERYDAY.exec(text);
  if (match === null) return null;
  const [, whole = '', fraction = ''] = match;
  if (whole === '' && fraction === '') return null;
  // Parentheses come in pairs, around the whole amount.
  if (text.startsWith('(') !== text.endsWith(')')) return null;
  const negative = text.startsWith('-') || text.startsWith('(');
  const magnitude = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return negative ? -magnitude : magnitude;
}

/** The general reader's cents; undefined when it does not read the text. */
function byGeneralReader(text: string): number | null | undefined {
  const read = centsFromText(text);
  return read.ok ? read.value : undefined;
}

/**
 * Whether the text could be decimal evidence (`CellReader` notes a thousands separator or a bare
 * group of three decimals): `simpleCents` must never read such a text, or the note would be lost.
 */
function couldBeEvidence(text: string): boolean {
  return text.includes(',') || /\.\d{3}/.test(text);
}

describe('simpleCents reads everyday amounts as the general reader does', () => {
  it.each([
    ['12.34', 1234],
    ['-5', -500],
    ['0.5', 50],
    ['0', 0],
    ['-0.01', -1],
    ['999999999999.99', 99999999999999],
    ['12.', 1200],
    ['.5', 50],
    ['$.30', 30],
    ['$80.17', 8017],
    ['-$5.00', -500],
    ['($10.00)', -1000],
    ['(10)', -1000],
    ['007.5', 750],
  ])('%j → %d', (text, expected) => {
    expect(simpleCents(text)).toBe(expected);
    expect(byGeneralReader(text)).toBe(expected);
  });

  it.each([
    '1234567890123',
    '12.345',
    '1,234.00',
    '+5',
    '--5',
    ' 5',
    '5 ',
    '',
    '-',
    '.',
    '$',
    '()',
    '($)',
    '(5',
    '5)',
    '$-5',
    '-(5)',
    '(-5)',
    '$$5',
    '5$',
    '1e3',
    '١٢',
    '12.3a',
  ])('%j is left to the general reader', (text) => {
    expect(simpleCents(text)).toBeNull();
  });

  it('on 50,000 random texts of digits, signs, symbols, parentheses and points', () => {
    const random = seededRandom(7);
    const alphabet = '0123456789.-,+ $()';
    let read = 0;
    for (let i = 0; i < 50_000; i += 1) {
      const text = mostlyDigits(random, 15, alphabet, 0.7);
      const simple = simpleCents(text);
      expect([text, simple]).toEqual([text, byRegex(text)]);
      if (simple === null) continue;
      read += 1;
      expect([text, cents(simple)]).toEqual([text, byGeneralReader(text)]);
      expect([text, couldBeEvidence(text)]).toEqual([text, false]);
    }
    expect(read).toBeGreaterThan(5_000);
  });
});
