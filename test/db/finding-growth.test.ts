/**
 * A finding the user decided about, found again the next month with more (or less) money: the
 * decision covers only the money decided on (October's $55.00); November's is open on its own.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import { createDispute } from '../../renderer/db/disputes';
import {
  disputesTable,
  findingsTable,
  runAndSaveAudit,
  setFindingStatus,
} from '../../renderer/db/findings';
import { commitImport } from '../../renderer/db/import-commit';
import { atStakeCents, countOnce } from '../../shared/audit/claims';
import { isoDate } from '../../shared/dates';
import { sumCents } from '../../shared/money/cents';
import { makeDraft, makeDraftInvoice, makeDraftLine, oneFileUpload } from '../helpers/drafts';

let db: TemDeskDatabase;
let counter = 0;
const OCT_RUN = '2026-11-05T09:00:00.000Z';
const NOV_RUN = '2026-12-05T09:00:00.000Z';
const DEC_RUN = '2027-01-05T09:00:00.000Z';

/** One Lumen bill of `month` (2026) billing line 555-010-0001 `thirdParty` cents of premium SMS. */
async function importBill(month: number, thirdParty: number): Promise<void> {
  const number = `INV-${month}`;
  const invoice = makeDraftInvoice({
    invoiceNumber: number,
    invoiceDate: isoDate(2026, month, 28),
    periodStart: isoDate(2026, month, 1),
    periodEnd: isoDate(2026, month, 28),
    sourceFile: `${number}.csv`,
  });
  const lines = [
    makeDraftLine(invoice, 'recurring', 45_00),
    makeDraftLine(invoice, 'third-party', thirdParty, {
      description: 'Premium SMS subscription',
      sourceRow: 3,
    }),
  ];
  await commitImport(db, {
    uploads: [oneFileUpload(number)],
    drafts: [makeDraft([invoice], lines)],
  });
}

async function thirdPartyFindings() {
  const all = await findingsTable(db).where('ruleId').equals('third-party').toArray();
  return all.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Status and impact of each third-party finding, oldest part first. */
async function thirdPartyParts(): Promise<[string, number][]> {
  return (await thirdPartyFindings()).map((f) => [f.status, f.impact]);
}

beforeEach(async () => {
  db = new TemDeskDatabase(`finding-growth-test-${++counter}`);
  await db.open();
  await importBill(10, 55_00);
  await runAndSaveAudit(db, OCT_RUN);
});
afterEach(async () => {
  await db.delete();
});

describe('a disputed finding found again with the next bill', () => {
  it('keeps the disputed $55.00 and its claim; November’s $55.00 is open on its own', async () => {
    const [october] = await thirdPartyFindings();
    expect(october?.impact).toBe(55_00);
    const opened = await createDispute(
      db,
      { findingIds: [october?.id ?? ''], carrierReference: 'LUM-88121' },
      'dispute-1',
      OCT_RUN,
    );
    expect(opened.ok).toBe(true);

    await importBill(11, 55_00);
    await runAndSaveAudit(db, NOV_RUN);

    const [disputed, more, ...others] = await thirdPartyFindings();
    expect(others).toEqual([]);
    expect(disputed).toMatchObject({
      id: october?.id,
      status: 'disputed',
      impact: 55_00,
      disputeId: 'dispute-1',
      lastSeenAt: NOV_RUN,
      message: october?.message,
    });
    expect(disputed?.statusHistory.at(-1)).toEqual({
      status: 'disputed',
      at: NOV_RUN,
      note: '$55.00 more found on invoice INV-11: not part of this disputed $55.00, which its dispute still claims; it is open on its own',
    });
    expect(more).toMatchObject({
      id: `${october?.id ?? ''}|more-2`,
      status: 'open',
      impact: 55_00,
      subject: { invoiceNumber: 'INV-11' },
      firstSeenAt: NOV_RUN,
    });
    expect(more?.disputeId).toBeUndefined();
    // Selected again, it is refused as already in its dispute, named by its ticket.
    expect(await createDispute(db, { findingIds: [october?.id ?? ''] }, 'again', NOV_RUN)).toEqual({
      ok: false,
      errors: [
        {
          message:
            'A dispute asks the carrier for money at stake; this finding is already in a dispute, so it claims nothing more: ' +
            'Third-party charges (555-010-0001), $55.00: already in the dispute with ticket LUM-88121, which claims it.',
        },
      ],
    });
    expect(disputed?.statusHistory.map((e) => `${e.status}: ${e.note ?? ''}`)).toContain(
      'disputed: Dispute opened, ticket LUM-88121',
    );
    // The dispute still claims what it claimed.
    expect((await disputesTable(db).get('dispute-1'))?.claimedAmount).toBe(55_00);
    // Each dollar once: the disputed part and the open part add up to what was overbilled.
    const all = await findingsTable(db).toArray();
    const counted = countOnce(all);
    const mine = [disputed, more].filter((f) => f !== undefined);
    expect(sumCents(mine.map((f) => atStakeCents(counted, f)))).toBe(110_00);
    if (more !== undefined) expect(atStakeCents(counted, more)).toBe(55_00);

    // The open part can be disputed on its own.
    const second = await createDispute(db, { findingIds: [more?.id ?? ''] }, 'dispute-2', NOV_RUN);
    expect(second).toMatchObject({ ok: true, value: { claimedAmount: 55_00 } });

    // December overcharges again: a third part, open; the two disputed parts stay as they are.
    await importBill(12, 55_00);
    await runAndSaveAudit(db, DEC_RUN);
    expect(await thirdPartyParts()).toEqual([
      ['disputed', 55_00],
      ['disputed', 55_00],
      ['open', 55_00],
    ]);
  });

  it('does the same for a finding the user set to Disputed by hand', async () => {
    const [october] = await thirdPartyFindings();
    await setFindingStatus(db, [october?.id ?? ''], 'disputed', OCT_RUN, 'Called Lumen');
    await importBill(11, 55_00);
    await runAndSaveAudit(db, NOV_RUN);
    const found = await thirdPartyFindings();
    expect(await thirdPartyParts()).toEqual([
      ['disputed', 55_00],
      ['open', 55_00],
    ]);
    // Run again with nothing new: nothing more opens, no further history.
    await runAndSaveAudit(db, DEC_RUN);
    expect(await thirdPartyParts()).toEqual([
      ['disputed', 55_00],
      ['open', 55_00],
    ]);
    const again = await thirdPartyFindings();
    expect(again[0]?.statusHistory).toHaveLength(found[0]?.statusHistory.length ?? 0);
  });
});

describe('a disputed finding found at less', () => {
  it('says so in its history, keeping its status and its dispute’s claim', async () => {
    await importBill(11, 55_00);
    await runAndSaveAudit(db, NOV_RUN);
    const [both] = await thirdPartyFindings();
    expect(both?.impact).toBe(110_00);
    await createDispute(db, { findingIds: [both?.id ?? ''] }, 'dispute-1', NOV_RUN);
    // December's bill gives $55.00 back.
    await importBill(12, -55_00);
    await runAndSaveAudit(db, DEC_RUN);
    const [after, ...others] = await thirdPartyFindings();
    expect(others).toEqual([]);
    expect(after).toMatchObject({ status: 'disputed', impact: 55_00 });
    expect(after?.statusHistory.at(-1)).toEqual({
      status: 'disputed',
      at: DEC_RUN,
      note: 'Now $55.00 (was $110.00): the checks find $55.00 less (a credit on a bill, or a bill removed); its dispute still claims what it claimed',
    });
    expect((await disputesTable(db).get('dispute-1'))?.claimedAmount).toBe(110_00);
  });
});
