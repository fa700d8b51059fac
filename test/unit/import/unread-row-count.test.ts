/**
 * The preview's "N rows could not be read" counts rows: a row with a bad date and a bad category
 * is one row (two problems listed), as invoice-math counts it.
 */
import { describe, expect, it } from 'vitest';
import { draftTotals } from '../../../renderer/features/bills/import/session';
import { problemCount, unreadRowCount } from '../../../shared/import/draft';
import { readBill } from '../../helpers/read-bill';

const BILL = [
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount',
  'Lumen,5-KE4X-001,754240482,2026-10-01,555-010-0001,MRC,850.00',
  'Lumen,5-KE4X-001,754240482,notadate,555-010-0001,Bogus,12.34',
  'Lumen,5-KE4X-001,754240482,2026-10-01,555-010-0001,Bogus,1.00',
  '',
].join('\n');

describe('rows that could not be read', () => {
  it('counts a row with two bad cells once', () => {
    const outcome = readBill([{ name: 'lumen.csv', bytes: new TextEncoder().encode(BILL) }]);
    if (outcome.kind !== 'draft') throw new Error(`not read: ${outcome.kind}`);
    expect(problemCount(outcome.draft)).toBe(3);
    expect(unreadRowCount(outcome.draft)).toBe(2);
    expect(draftTotals([outcome.draft]).errors).toBe(2);
  });
});
