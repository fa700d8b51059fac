/**
 * A run whose finding carries on a stored one (an earlier month imported later moved its first
 * month back) stores the run's evidence under the stored finding's id: its charge lines and
 * claims are this run's, April's included, never the previous run's.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import { findingsTable, saveAuditRun, setFindingStatus } from '../../renderer/db/findings';
import { runAudit } from '../../shared/audit/run';
import { ALL_RULES } from '../../shared/audit/rules';
import { billed, line, makeInvoice, snapshotOf } from '../unit/audit/helpers';

const T1 = '2026-07-01T10:00:00.000Z';
const T2 = '2026-07-02T10:00:00.000Z';
const MAY_ID = 'rate-mismatch|lumen|A-1|+15550100001|2026-05';
let db: TemDeskDatabase;
let counter = 0;

function audit(months: string[]) {
  const bills = months.map((month) => billed(makeInvoice({ month }), [line('recurring', 50_00)]));
  return runAudit(
    snapshotOf({ bills }),
    ALL_RULES.filter((rule) => rule.id === 'rate-mismatch'),
  );
}

beforeEach(async () => {
  db = new TemDeskDatabase(`findings-continued-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

it('a dismissed finding found again from an earlier month keeps its id, with this run’s evidence', async () => {
  await saveAuditRun(db, audit(['2026-05', '2026-06']), T1);
  expect(await setFindingStatus(db, [MAY_ID], 'dismissed', T1, 'Agreed price')).toBe(1);
  const summary = await saveAuditRun(db, audit(['2026-04', '2026-05', '2026-06']), T2);
  expect(summary.added).toBe(0);
  const stored = await findingsTable(db).toArray();
  expect(stored.map((f) => [f.id, f.status, f.impact])).toEqual([[MAY_ID, 'dismissed', 15_00]]);
  expect(stored[0]?.evidence?.invoiceId).toBe('inv-2026-04');
  expect(stored[0]?.evidence?.chargeRefs?.map((ref) => ref.invoiceId)).toEqual([
    'inv-2026-04',
    'inv-2026-05',
    'inv-2026-06',
  ]);
});
