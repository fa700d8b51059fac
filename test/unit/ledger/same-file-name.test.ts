import { describe, expect, it } from 'vitest';
import { sameFileName, uniqueFileNames } from '../../../shared/ledger/file-names';

describe('sameFileName', () => {
  it.each<[string, string, boolean]>([
    ['Account & Wireless Summary.txt', 'Account & Wireless Summary.txt (2)', true],
    ['bill.csv (3)', 'bill.csv', true],
    ['bill.csv', 'bill.csv', true],
    ['verizon-aug.txt', 'Account & Wireless Summary.txt', false],
    ['bill (2).csv', 'bill.csv', false],
  ])('%s and %s: %s', (a, b, same) => {
    expect(sameFileName(a, b)).toBe(same);
  });

  it('sees through the number uniqueFileNames adds', () => {
    const [first, second] = uniqueFileNames(['bill.csv', 'bill.csv']);
    expect(second).toBe('bill.csv (2)');
    expect(sameFileName(first ?? '', second ?? '')).toBe(true);
  });
});
