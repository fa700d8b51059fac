/**
 * The dispute letter's closing rows add up: total disputed − credits received (+ what the carrier
 * credited beyond the claim) = still requested, to the cent, in the CSV and on the letter.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../shared/dates';
import { cents } from '../../../shared/money/cents';
import type { DisputeRecord } from '../../../renderer/db/findings';
import {
  BEYOND_CLAIM_LABEL,
  letterClaim,
  letterCsv,
  type LetterItem,
} from '../../../renderer/features/findings/letter';
import { centsOfText } from '../../helpers/chargeback-csv';

const item = (findingId: string, difference: number): LetterItem => ({
  findingId,
  rule: 'Rate above contract',
  invoiceNumber: 'INV-1',
  invoiceDate: '2026-09-05',
  lines: '12',
  service: '555-010-0001',
  explanation: 'Billed above the contract rate.',
  billed: cents(difference + 45_00),
  expected: cents(45_00),
  difference: cents(difference),
});
// $100.00 claimed in three items that do not split evenly.
const items = [item('f-1', 33_33), item('f-2', 33_33), item('f-3', 33_34)];

function dispute(credits: number[]): DisputeRecord {
  return {
    id: 'd-1',
    carrierId: 'vz',
    accountNumber: 'A-1',
    findingIds: ['f-1', 'f-2', 'f-3'],
    claimedAmount: cents(100_00),
    creditedAmount: cents(credits.reduce((a, b) => a + b, 0)),
    status: 'credited',
    openedOn: isoDate(2026, 9, 10),
    credits: credits.map((amount) => ({ on: isoDate(2026, 10, 5), amount: cents(amount) })),
  };
}

/** The summary rows of the CSV: label → cents in the Difference column. */
function summaryOf(credits: number[]): Map<string, number> {
  const text = new TextDecoder().decode(letterCsv(dispute(credits), 'Verizon', items));
  const rows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
  return new Map(
    rows
      .filter((row) => row['Account'] === '')
      .map((row) => [row['Carrier'] ?? '', centsOfText(row['Difference'] ?? '')]),
  );
}

describe('the dispute letter after credits', () => {
  it.each([
    ['a partial credit', [40_00], 60_00, undefined],
    ['the claim in full, in two credits', [50_00, 50_00], 0, undefined],
    ['more than claimed (a whole month, the taxes too)', [80_00, 45_17], 0, 25_17],
  ])('%s: the closing rows add up to what is still requested', (_, credits, due, beyond) => {
    const summary = summaryOf(credits);
    expect(summary.get('Total disputed')).toBe(100_00);
    expect(summary.get('Still requested')).toBe(due);
    expect(summary.get(BEYOND_CLAIM_LABEL)).toBe(beyond);
    expect(
      (summary.get('Total disputed') ?? 0) +
        (summary.get('Credits received') ?? 0) +
        (summary.get(BEYOND_CLAIM_LABEL) ?? 0),
    ).toBe(summary.get('Still requested'));
    const claim = letterClaim(dispute(credits), items);
    expect(claim.claimed - claim.credited + claim.beyondClaim).toBe(claim.stillDue);
  });
});
