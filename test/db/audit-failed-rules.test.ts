import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import {
  findingsTable,
  readLastRun,
  runAndSaveAudit,
  writeAuditSetting,
} from '../../renderer/db/findings';
import { commitImport } from '../../renderer/db/import-commit';
import { isoDate } from '../../shared/dates';
import { makeDraft, makeDraftInvoice, makeDraftLine, oneFileUpload } from '../helpers/drafts';

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

async function missingInvoiceFindings() {
  return findingsTable(db).where('ruleId').equals('missing-invoice').toArray();
}

describe('a checks run where one check could not run', () => {
  it('saves which check failed in the run summary and leaves its stored findings open', async () => {
    await runAndSaveAudit(db, T1);
    const [august] = await missingInvoiceFindings();
    expect(august?.subject.period).toBe('2026-08');
    // A grace period past the calendar's end makes the missing-invoice rule throw on its dates.
    await writeAuditSetting(db, 'missing-invoice', 'graceDays', 1_000_000_000);
    const summary = await runAndSaveAudit(db, T2);
    expect(summary.failedRules?.map((failure) => failure.ruleId)).toEqual(['missing-invoice']);
    expect(summary.failedRules?.[0]?.ruleTitle).toBe('Invoice missing');
    expect(summary.byRule['late-fee']).toBeDefined();
    expect(summary.resolvedByAudit).toBe(0);
    expect((await readLastRun(db))?.failedRules).toEqual(summary.failedRules);
    expect(await missingInvoiceFindings()).toEqual([august]);
  });

  it('a run where every check ran resolves what is no longer found', async () => {
    await runAndSaveAudit(db, T1);
    await writeAuditSetting(db, 'missing-invoice', 'graceDays', 365);
    const summary = await runAndSaveAudit(db, T2);
    expect(summary.failedRules).toEqual([]);
    expect((await missingInvoiceFindings()).map((finding) => finding.status)).toEqual(['resolved']);
  });
});
