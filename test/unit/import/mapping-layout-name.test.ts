import { describe, expect, it } from 'vitest';
import { applyMapping, guessMapping } from '../../../shared/import/mapping';

const header = ['Vendor', 'Account', 'Bill Date', 'Circuit', 'Description', 'Amount'];
const row = (line: number, vendor: string) => ({
  line,
  cells: [vendor, 'Z-55', '02/13/2024', 'ZY/ETH/000123', 'Wave 10G', '4,200.00'],
});

describe('the name of a file read with the user’s own column mapping', () => {
  it.each<[string, string, string[], string]>([
    [
      'the carrier typed in the wizard',
      'Zayo Group',
      ['', ''],
      'Your column mapping for Zayo Group',
    ],
    ['the one carrier its rows name', '', ['Zayo', 'Zayo'], 'Your column mapping for Zayo'],
    ['no carrier when its rows name two', '', ['Zayo', 'Lumen'], 'Your column mapping'],
  ])('names %s, never the mapping’s id', (_case, carrierName, vendors, expected) => {
    const guess = guessMapping(header);
    const mapping = {
      ...guess,
      carrierName,
      columns: { ...guess.columns, Vendor: carrierName === '' ? 'carrier' : 'ignore' },
    } as const;
    const result = applyMapping(
      { header, rows: vendors.map((vendor, i) => row(i + 2, vendor)) },
      mapping,
      'zayo-bad2.csv',
      'MDY',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.layoutName).toBe(expected);
    // The id stays internal: the draft's profile, for the import record.
    expect(result.value.profileId).toBe(`mapping:${guess.id}`);
  });
});
