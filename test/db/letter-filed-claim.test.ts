/**
 * A dispute's letter asks for the claim as filed: when a finding in it is found again with other
 * money after the dispute was opened (it keeps its status; the Findings page flags the change),
 * the letter's items are what the findings say now, and one more item, labelled, brings them back
 * to the claim, so the letter, its CSV and the dispute's "Disputed" figure agree to the cent.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import { disputesTable, findingsTable, type DisputeRecord } from '../../renderer/db/findings';
import {
  FILED_CLAIM_LABEL,
  OPENED_CLAIM_LABEL,
  letterClaim,
  letterCsv,
  loadLetterItems,
} from '../../renderer/features/findings/letter';
import { isoDate, isoMonth } from '../../shared/dates';
import { cents } from '../../shared/money/cents';

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`letter-filed-claim-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const dispute: DisputeRecord = {
  id: 'd-1',
  carrierId: 'lumen',
  accountNumber: '5-ACME-001',
  findingIds: ['f-1', 'f-2'],
  // As filed: $33.33 + $21.67.
  claimedAmount: cents(55_00),
  creditedAmount: cents(0),
  status: 'submitted',
  openedOn: isoDate(2026, 10, 5),
  submittedOn: isoDate(2026, 10, 6),
  credits: [],
};

async function storeFindings(impacts: [number, number]): Promise<void> {
  await findingsTable(db).bulkPut(
    impacts.map((impact, i) => ({
      id: `f-${i + 1}`,
      ruleId: 'late-fee',
      severity: 'warning' as const,
      subject: { carrierId: 'lumen', accountNumber: '5-ACME-001', period: isoMonth(2026, 9) },
      impact: cents(impact),
      message: `Late fee ${i + 1}.`,
      status: 'disputed' as const,
      statusHistory: [],
      firstSeenAt: '2026-10-05T09:00:00.000Z',
      lastSeenAt: '2026-11-05T09:00:00.000Z',
      disputeId: 'd-1',
    })),
  );
  await disputesTable(db).put(dispute);
}

describe('the letter of a dispute whose findings changed after it was filed', () => {
  it('asks for the claim as filed, the change on a labelled item', async () => {
    // The second finding was found again at $43.34 (it was $21.67).
    await storeFindings([33_33, 43_34]);
    const items = await loadLetterItems(db, dispute);
    expect(items.map((item) => [item.rule, item.difference])).toEqual([
      ['Late fee', 33_33],
      ['Late fee', 43_34],
      [FILED_CLAIM_LABEL, -21_67],
    ]);
    expect(letterClaim(dispute, items).claimed).toBe(dispute.claimedAmount);
    const csv = new TextDecoder().decode(letterCsv(dispute, 'Lumen', items));
    expect(csv.trimEnd().split('\r\n').at(-1)).toBe('Total,,,,,,,,,,,55.00');
  });

  it('says of a draft, not filed yet, that its claim is as the dispute was opened', async () => {
    await storeFindings([33_33, 43_34]);
    const { submittedOn: _filed, ...opened } = dispute;
    const draft: DisputeRecord = { ...opened, status: 'draft' };
    const items = await loadLetterItems(db, draft);
    const last = items.at(-1);
    expect([last?.rule, last?.difference]).toEqual([OPENED_CLAIM_LABEL, -21_67]);
    expect(last?.explanation).toBe(
      'The items above now come to $76.67; this dispute claims $55.00, as opened on 2026-10-05.',
    );
    expect(letterClaim(draft, items).claimed).toBe(draft.claimedAmount);
  });

  it('has no such item while the findings still add up to the claim', async () => {
    await storeFindings([33_33, 21_67]);
    const items = await loadLetterItems(db, dispute);
    expect(items.map((item) => item.rule)).not.toContain(FILED_CLAIM_LABEL);
    expect(letterClaim(dispute, items).claimed).toBe(55_00);
  });
});
