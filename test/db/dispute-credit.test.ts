import { beforeEach, describe, expect, it } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import { createDispute, recordCredit } from '../../renderer/db/disputes';
import { disputesTable, findingsTable } from '../../renderer/db/findings';
import { FOUND_AT, LUMEN_FINDING } from '../helpers/dispute-finding';
import { isoDate } from '../../shared/dates';
import { cents } from '../../shared/money/cents';

let db: TemDeskDatabase;
let counter = 0;
const T1 = FOUND_AT;
const T2 = '2026-11-20T09:00:00.000Z';
const ON = isoDate(2026, 11, 20);

const FINDING = LUMEN_FINDING;

beforeEach(async () => {
  db = new TemDeskDatabase(`dispute-credit-test-${++counter}`);
  await db.open();
  await findingsTable(db).add(FINDING);
  const created = await createDispute(db, { findingIds: [FINDING.id] }, 'dispute-1', T1);
  if (!created.ok) throw new Error('not created');
  return () => db.delete();
});

describe('a credit above what the claim still waits for', () => {
  it('is refused, saying by how much, until the user confirms it (carriers do over-credit)', async () => {
    const outcome = await recordCredit(db, 'dispute-1', { on: ON, amount: cents(4_999_00) }, T2);
    expect(outcome).toEqual({
      ok: false,
      errors: [
        {
          message:
            'A credit of $4,999.00 is $4,949.01 more than the $49.99 still outstanding on this ' +
            '$49.99 claim. If the bill really shows it, record it anyway.',
        },
      ],
    });
    expect(await disputesTable(db).get('dispute-1')).toMatchObject({
      status: 'draft',
      creditedAmount: 0,
      credits: [],
    });
    // Confirmed: recorded, and the finding credited.
    const confirmed = await recordCredit(db, 'dispute-1', { on: ON, amount: cents(60_00) }, T2, {
      aboveClaimConfirmed: true,
    });
    expect(confirmed).toMatchObject({
      ok: true,
      value: { status: 'credited', creditedAmount: 60_00 },
    });
    expect((await findingsTable(db).get(FINDING.id))?.status).toBe('credited');
  });

  it('counts the credits already recorded', async () => {
    await recordCredit(db, 'dispute-1', { on: ON, amount: cents(40_00) }, T2);
    const second = await recordCredit(db, 'dispute-1', { on: ON, amount: cents(10_00) }, T2);
    expect(second.ok).toBe(false);
    expect((await disputesTable(db).get('dispute-1'))?.creditedAmount).toBe(40_00);
  });
});
