import { beforeEach, describe, expect, it } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import { createDispute, recordCredit, updateDispute } from '../../renderer/db/disputes';
import {
  disputesTable,
  findingsTable,
  setFindingStatus,
  type FindingRecord,
} from '../../renderer/db/findings';
import { isoDate, isoMonth } from '../../shared/dates';
import type { DisputeStatus } from '../../shared/model';
import { cents } from '../../shared/money/cents';

let db: TemDeskDatabase;
let counter = 0;
const T1 = '2026-10-05T09:00:00.000Z';
const T2 = '2026-11-02T09:00:00.000Z';
const T3 = '2026-11-20T09:00:00.000Z';
const IDS = ['finding-a', 'finding-b'];

/** An open late-fee finding of Lumen account 100-200 for `impact` cents. */
function openFinding(id: string, impact: number): FindingRecord {
  return {
    id,
    ruleId: 'late-fee',
    severity: 'warning',
    subject: { carrierId: 'lumen', accountNumber: '100-200', period: isoMonth(2026, 9) },
    impact: cents(impact),
    message: 'Late payment charge.',
    status: 'open',
    statusHistory: [],
    firstSeenAt: T1,
    lastSeenAt: T1,
  };
}

/** Both findings in one filed dispute, `dispute-1`, claiming $25.00. */
async function fileDispute(): Promise<void> {
  await findingsTable(db).bulkAdd([
    openFinding('finding-a', 12_50),
    openFinding('finding-b', 12_50),
  ]);
  const created = await createDispute(
    db,
    { findingIds: IDS, carrierReference: 'TKT-9', submittedOn: isoDate(2026, 10, 5) },
    'dispute-1',
    T1,
  );
  if (!created.ok) throw new Error('not created');
}

/** Saves the dispute's details as the form does (ticket and filed date kept) with `status`. */
async function setStatus(status: DisputeStatus, at: string): Promise<void> {
  const details = { carrierReference: 'TKT-9', submittedOn: isoDate(2026, 10, 5) };
  await updateDispute(db, 'dispute-1', { ...details, status }, at);
}

/** Open again and in no dispute. */
const OPEN_OUT = ['open', undefined];

/** Expects each finding of the dispute at `[status, disputeId]`. */
async function expectBoth(state: readonly unknown[]): Promise<void> {
  const found = await findingsTable(db).bulkGet(IDS);
  expect(found.map((f) => [f?.status, f?.disputeId])).toEqual([state, state]);
}

beforeEach(async () => {
  db = new TemDeskDatabase(`dispute-status-test-${++counter}`);
  await db.open();
  await fileDispute();
  return () => db.delete();
});

describe('findings follow their dispute’s outcome', () => {
  it('a denied dispute’s findings are open again, out of it, and can be disputed again', async () => {
    await setStatus('denied', T2);
    expect((await disputesTable(db).get('dispute-1'))?.status).toBe('denied');
    await expectBoth(OPEN_OUT);
    expect((await findingsTable(db).get('finding-a'))?.statusHistory.at(-1)).toEqual({
      status: 'open',
      at: T2,
      note: 'Dispute denied by the carrier (ticket TKT-9)',
    });
    // Escalated in a new claim.
    expect(await createDispute(db, { findingIds: IDS }, 'dispute-2', T3)).toMatchObject({
      ok: true,
    });
    await expectBoth(['disputed', 'dispute-2']);
  });

  it('a denial recorded by mistake is undone by filing the dispute again', async () => {
    await setStatus('denied', T2);
    await expectBoth(OPEN_OUT);
    await setStatus('submitted', T3);
    await expectBoth(['disputed', 'dispute-1']);
  });

  it('a credit after a denial puts the findings back in the dispute', async () => {
    await setStatus('denied', T2);
    await expectBoth(OPEN_OUT);
    const partial = await recordCredit(
      db,
      'dispute-1',
      { on: isoDate(2026, 11, 20), amount: cents(5_00) },
      T3,
    );
    expect(partial).toMatchObject({ ok: true, value: { status: 'partially-credited' } });
    await expectBoth(['disputed', 'dispute-1']);
  });

  it('closed with nothing back, the findings are open; closed after a partial credit, credited', async () => {
    await setStatus('closed', T2);
    await expectBoth(OPEN_OUT);
    await setStatus('submitted', T2);
    await recordCredit(db, 'dispute-1', { on: isoDate(2026, 11, 20), amount: cents(5_00) }, T3);
    await setStatus('closed', T3);
    await expectBoth(['credited', 'dispute-1']);
  });

  it('a finding the user dismissed stays dismissed when the dispute is denied', async () => {
    await setFindingStatus(db, ['finding-b'], 'dismissed', T2, 'Waived');
    await setStatus('denied', T3);
    const [a, b] = await findingsTable(db).bulkGet(IDS);
    expect([a?.status, a?.disputeId]).toEqual(OPEN_OUT);
    expect([b?.status, b?.disputeId]).toEqual(['dismissed', 'dispute-1']);
  });
});
