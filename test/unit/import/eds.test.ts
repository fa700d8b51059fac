/**
 * AT&T Billing Consolidator EDS files (FORMATS.md: pipe-delimited ASCII, a two-character record
 * type first, dates MMDDYYYY) are named for what they are, never offered as columns to map.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeEds } from '../../../shared/import/eds';
import { readBill } from '../../helpers/read-bill';

const EDS = [
  '00|1946176|12|12252014|AT&T|PO BOX 9011||Carol Stream|IL|60197-9011',
  '01|1946176|9391031234|STATE AGENCY|12252014|1234.56',
  '10|9391031234|3105550100|Monthly Service|45.00',
  '10|9391031234|3105550101|Monthly Service|45.00',
].join('\r\n');

describe('AT&T Billing Consolidator EDS', () => {
  it('is refused with a sentence naming the layout, not a column mapping', () => {
    const outcome = readBill([{ name: 'eds-20141225.txt', bytes: new TextEncoder().encode(EDS) }]);
    expect(outcome.kind).toBe('unreadable');
    expect(outcome.kind === 'unreadable' && outcome.message).toMatch(
      /^"eds-20141225\.txt" looks like an AT&T Billing Consolidator EDS file .* which TEM Desk does not read\./,
    );
  });

  it('is told by its records, even without the 00 header first', () => {
    expect(looksLikeEds(EDS.split('\r\n').slice(1).join('\n'))).toBe(true);
    expect(looksLikeEds(`\uFEFF${EDS}`)).toBe(true);
  });

  it('leaves pipe files with a header row, and headerless Rogers call files, alone', () => {
    const fixture = (path: string) =>
      readFileSync(new URL(`../../fixtures/carriers/${path}`, import.meta.url), 'utf8');
    expect(looksLikeEds(fixture('att-raw-data-output.synthetic.txt'))).toBe(false);
    expect(looksLikeEds(fixture('rogers/ALL_CALLS-Voice.txt'))).toBe(false);
    expect(looksLikeEds('Account|Amount\n12|3.00\n13|4.00\n')).toBe(false);
    // One record type only: a two-column file of numbers, not EDS.
    expect(looksLikeEds('12|3.00\n12|4.00\n12|5.00\n')).toBe(false);
  });
});
