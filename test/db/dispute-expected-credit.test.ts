import { beforeEach, describe, expect, it } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import { createDispute, recordCredit, updateDispute } from '../../renderer/db/disputes';
import { disputesTable, findingsTable } from '../../renderer/db/findings';
import { FOUND_AT, LUMEN_FINDING } from '../helpers/dispute-finding';
import { expectedCreditOf } from '../../shared/audit/dispute-credit';
import { isoDate } from '../../shared/dates';
import { cents, type Cents } from '../../shared/money/cents';

let db: TemDeskDatabase;
let counter = 0;
const T1 = FOUND_AT;
const T2 = '2026-11-20T09:00:00.000Z';

const FINDING = LUMEN_FINDING;

beforeEach(async () => {
  db = new TemDeskDatabase(`dispute-expected-credit-test-${++counter}`);
  await db.open();
  await findingsTable(db).add(FINDING);
  return () => db.delete();
});

/** Opens dispute-1 for the finding, expecting `expected` back. */
async function openExpecting(expected: Cents): Promise<void> {
  const created = await createDispute(
    db,
    { findingIds: [FINDING.id], expectedCredit: expected },
    'dispute-1',
    T1,
  );
  if (!created.ok) throw new Error(created.errors.map((e) => e.message).join(' '));
}

describe('a dispute’s expected credit', () => {
  it.each([
    ['0', 'Expected credit: A credit is a positive amount, e.g. 32.00; found "0".'],
    ['-5', 'Expected credit: A credit is a positive amount, e.g. 32.00; found "-5".'],
    ['12.345', 'Expected credit: "12.345" has fractions of a cent'],
  ])('typed as %s is refused, saying why, on the form', (typed, said) => {
    const read = expectedCreditOf(typed, cents(49_99));
    expect(typeof read).toBe('string');
    expect(read).toContain(said);
  });

  it('blank is the claim; an amount is read to the cent', () => {
    expect(expectedCreditOf('  ', cents(49_99))).toBeUndefined();
    expect(expectedCreditOf('$40.00', cents(49_99))).toBe(40_00);
    expect(expectedCreditOf('49.99', cents(49_99))).toBe(49_99);
  });

  it('of zero is refused by the repository too: no dispute opens and the finding stays open', async () => {
    const outcome = await createDispute(
      db,
      { findingIds: [FINDING.id], expectedCredit: cents(0) },
      'dispute-1',
      T1,
    );
    expect(outcome.ok).toBe(false);
    expect(await disputesTable(db).count()).toBe(0);
    expect((await findingsTable(db).get(FINDING.id))?.status).toBe('open');
  });

  it('below the claim: the dispute is credited once that much has come back', async () => {
    await openExpecting(cents(40_00));
    const credit = await recordCredit(
      db,
      'dispute-1',
      { on: isoDate(2026, 11, 20), amount: cents(40_00) },
      T2,
    );
    expect(credit).toMatchObject({ ok: true, value: { status: 'credited' } });
    expect((await findingsTable(db).get(FINDING.id))?.status).toBe('credited');
  });

  it('edited to zero or less is refused, and the dispute keeps what it had', async () => {
    await openExpecting(cents(40_00));
    const saved = await updateDispute(
      db,
      'dispute-1',
      { expectedCredit: cents(-5_00), carrierReference: 'TKT-1' },
      T2,
    );
    expect(saved.ok).toBe(false);
    expect(await disputesTable(db).get('dispute-1')).toMatchObject({
      expectedCredit: 40_00,
      status: 'draft',
    });
    expect((await disputesTable(db).get('dispute-1'))?.carrierReference).toBeUndefined();
  });

  it('above the claim is refused on the form, naming the field and both amounts', () => {
    // A digit too many: $499.90 for a $49.99 claim.
    expect(expectedCreditOf('499.90', cents(49_99))).toBe(
      'Expected credit: $499.90 is more than the $49.99 this dispute claims. Enter at most $49.99, ' +
        'or leave it blank to expect the claim.',
    );
  });

  it('above the claim is refused by the repository too, opening and editing', async () => {
    const opened = await createDispute(
      db,
      { findingIds: [FINDING.id], expectedCredit: cents(499_90) },
      'dispute-1',
      T1,
    );
    expect(opened).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('$499.90 is more than the $49.99') }],
    });
    expect(await disputesTable(db).count()).toBe(0);
    expect((await findingsTable(db).get(FINDING.id))?.status).toBe('open');

    await openExpecting(cents(40_00));
    const saved = await updateDispute(
      db,
      'dispute-1',
      { expectedCredit: cents(50_00), carrierReference: 'TKT-1' },
      T2,
    );
    expect(saved).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('$50.00 is more than the $49.99') }],
    });
    expect(await disputesTable(db).get('dispute-1')).toMatchObject({ expectedCredit: 40_00 });
    expect((await disputesTable(db).get('dispute-1'))?.carrierReference).toBeUndefined();
  });

  it('stays within the claim as filed when the findings shrink after: saving and filing still work', async () => {
    await openExpecting(cents(49_99));
    // The finding is found again at $10.00 (a line removed, an invoice deleted): the claim stays.
    const found = await findingsTable(db).get(FINDING.id);
    if (found === undefined) throw new Error('no finding');
    await findingsTable(db).put({ ...found, impact: cents(10_00) });
    const saved = await updateDispute(
      db,
      'dispute-1',
      { expectedCredit: cents(49_99), submittedOn: isoDate(2026, 11, 21), carrierReference: 'T' },
      T2,
    );
    expect(saved).toMatchObject({
      ok: true,
      value: { status: 'submitted', claimedAmount: 49_99, expectedCredit: 49_99 },
    });
  });
});
