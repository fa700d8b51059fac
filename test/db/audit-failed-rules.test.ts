import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import { findingsTable, readLastRun, runAndSaveAudit } from '../../renderer/db/findings';
import { commitImport } from '../../renderer/db/import-commit';
import { isoDate, type IsoDate } from '../../shared/dates';
import { makeDraft, makeDraftInvoice, makeDraftLine, oneFileUpload } from '../helpers/drafts';
import { makeService } from '../helpers/inventory';

let db: TemDeskDatabase;
let counter = 0;
const T1 = '2026-10-05T09:00:00.000Z';
const T2 = '2026-11-02T09:00:00.000Z';

/** Lumen invoices for July and September 2026: August is missing. */
async function importJulyAndSeptember(): Promise<void> {
  for (const month of [7, 9]) {
    const number = `INV-${month}`;
    const invoice = makeDraftInvoice({
      invoiceNumber: number,
      invoiceDate: isoDate(2026, month, 1),
      // Each bills its own month (a bill's period is what missing-invoice goes by).
      periodStart: isoDate(2026, month, 1),
      periodEnd: isoDate(2026, month, month === 9 ? 30 : 31),
      sourceFile: `${number}.csv`,
    });
    await commitImport(db, {
      uploads: [oneFileUpload(number)],
      drafts: [makeDraft([invoice], [makeDraftLine(invoice, 'recurring', 45_00)])],
    });
  }
}

beforeEach(async () => {
  db = new TemDeskDatabase(`audit-failed-rules-${++counter}`);
  await db.open();
  await importJulyAndSeptember();
});
afterEach(async () => {
  await db.delete();
});

async function findingsOf(ruleId: string) {
  return findingsTable(db).where('ruleId').equals(ruleId).toArray();
}

describe('a checks run where one check could not run', () => {
  it('saves which check failed in the run summary and leaves its stored findings open', async () => {
    // The line both invoices bill was disconnected in June: billed-after-disconnect finds it.
    const [account] = await db.accounts.toArray();
    if (account === undefined) throw new Error('no account');
    await db.services.add(
      makeService({
        id: 'service-gone',
        carrierId: account.carrierId,
        accountId: account.id,
        serviceIdRaw: '555-010-0001',
        serviceKey: '+15550100001',
        status: 'disconnected',
        disconnectedOn: isoDate(2026, 6, 30),
      }),
    );
    await runAndSaveAudit(db, T1);
    const disconnected = await findingsOf('billed-after-disconnect');
    expect(disconnected.length).toBeGreaterThan(0);
    // A damaged stored record (a disconnect date with no month, written by no screen: thresholds
    // now have ranges) makes billed-after-disconnect throw on its dates.
    await db.services.update('service-gone', { disconnectedOn: '2026-00-30' as IsoDate });
    const summary = await runAndSaveAudit(db, T2);
    expect(summary.failedRules?.map((failure) => failure.ruleId)).toEqual([
      'billed-after-disconnect',
    ]);
    expect(summary.failedRules?.[0]?.ruleTitle).toBe('Billed after disconnect');
    expect(summary.byRule['late-fee']).toBeDefined();
    expect(summary.resolvedByAudit).toBe(0);
    expect((await readLastRun(db))?.failedRules).toEqual(summary.failedRules);
    expect(await findingsOf('billed-after-disconnect')).toEqual(disconnected);
  });

  it('a run where every check ran resolves what is no longer found', async () => {
    await runAndSaveAudit(db, T1);
    expect((await findingsOf('missing-invoice')).map((finding) => finding.status)).toEqual([
      'open',
    ]);
    // August arrives late: it is no longer missing.
    const late = makeDraftInvoice({
      invoiceNumber: 'INV-8',
      invoiceDate: isoDate(2026, 8, 1),
      periodStart: isoDate(2026, 8, 1),
      periodEnd: isoDate(2026, 8, 31),
      sourceFile: 'INV-8.csv',
    });
    await commitImport(db, {
      uploads: [oneFileUpload('INV-8')],
      drafts: [makeDraft([late], [makeDraftLine(late, 'recurring', 45_00)])],
    });
    const summary = await runAndSaveAudit(db, T2);
    expect(summary.failedRules).toEqual([]);
    const august = (await findingsOf('missing-invoice')).find(
      (finding) => finding.subject.period === '2026-08',
    );
    expect(august?.status).toBe('resolved');
  });
});
