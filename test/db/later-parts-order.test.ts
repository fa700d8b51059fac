/**
 * Two departments' reports of one AT&T Premier bill end as one invoice whatever the order they
 * come in: A then B, B then A, or both picked together give the same totals, lines, service
 * totals and parts, in the app and in the CLI started from a backup made after the first. The
 * findings of the stored invoice stay on the joined one: an audit run after the join keeps a
 * finding dismissed before it dismissed, once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyApprovalPolicy } from '../../renderer/db/approvals';
import { createBackup } from '../../renderer/db/backup';
import { TemDeskDatabase } from '../../renderer/db/database';
import { findingsTable, runAndSaveAudit, setFindingStatus } from '../../renderer/db/findings';
import type { UploadedFile } from '../../shared/import/archive';
import type { Invoice } from '../../shared/model';
import { importInApp } from '../helpers/app-import';
import { countInvoiceWrites, decisionsOf } from '../helpers/invoice-writes';
import { workspaceFromBackup } from '../helpers/cli-workspace';
import { ANA, BEN, file } from '../unit/import/premier-parts';

const NOW = new Date('2026-11-03T09:00:00Z');
const A = () => file('sales.csv', [ANA]);
const B = () => file('operations.csv', [BEN]);

const dbs: TemDeskDatabase[] = [];
let counter = 0;
async function freshDb() {
  const db = new TemDeskDatabase(`later-parts-order-${++counter}`);
  await db.open();
  dbs.push(db);
  return db;
}
beforeEach(() => {
  dbs.length = 0;
});
afterEach(async () => {
  for (const db of dbs) {
    db.close();
    await db.delete();
  }
});

const facts = (invoices: readonly Invoice[]) =>
  invoices.map((invoice) => ({
    invoiceNumber: invoice.invoiceNumber,
    statedTotal: invoice.statedTotal,
    linesTotal: invoice.linesTotal,
    lineCount: invoice.lineCount,
    categoryTotals: invoice.categoryTotals,
    parts: (invoice.parts ?? []).map((part) => `${part.kind}:${part.sourceFile}`).sort(),
  }));

/** The app's invoices and service totals (ids left out) after these imports, in order. */
async function inApp(imports: UploadedFile[][]) {
  const db = await freshDb();
  let backup: Uint8Array | undefined;
  for (const files of imports) {
    expect((await importInApp(db, files, { now: NOW })).outcome.ok).toBe(true);
    if (backup === undefined && imports.length > 1)
      backup = await createBackup(db, { appVersion: '0.0.0-test', now: NOW });
  }
  // Each service's amount per category, whatever the order of the files' lines.
  const totals = (await db.serviceTotals.toArray()).map((record) =>
    record.keys.map((key, i) => `${key} ${record.categories[i]} ${record.amounts[i]}`).sort(),
  );
  return { db, backup, invoices: facts(await db.invoices.toArray()), totals };
}

describe('the parts of a stored invoice, in any order', () => {
  it('A then B, B then A and A+B together end identical, in the app and the CLI', async () => {
    const together = await inApp([[A(), B()]]);
    const ab = await inApp([[A()], [B()]]);
    const ba = await inApp([[B()], [A()]]);
    expect(ab.invoices).toEqual(together.invoices);
    expect(ba.invoices).toEqual(together.invoices);
    expect(ab.totals).toEqual(together.totals);
    expect(ba.totals).toEqual(together.totals);
    for (const [run, later] of [
      [ab, B()],
      [ba, A()],
    ] as const) {
      const cli = workspaceFromBackup(run.backup ?? new Uint8Array(), [
        { path: later.name, bytes: later.bytes },
      ]);
      expect(facts(cli.invoices)).toEqual(together.invoices);
    }
  });

  it('the joined invoice is still filed under its first file: its name and its import', async () => {
    const { db } = await inApp([[A()], [B()]]);
    const [joined] = await db.invoices.toArray();
    const batch = await db.importBatches.get(joined?.importBatchId ?? '');
    expect([joined?.sourceFile, batch?.fileName]).toEqual(['sales.csv', 'sales.csv']);
  });

  it('the joined invoice is written once, decided as the policy run after the join decides it', async () => {
    const counted = new TemDeskDatabase(`later-parts-order-${++counter}`);
    const writes = countInvoiceWrites(counted);
    await counted.open();
    dbs.push(counted);
    // The same two imports, stored undecided and then decided by the policy run on its own.
    const after = await freshDb();
    for (const part of [A, B]) {
      writes.length = 0;
      const { outcome } = await importInApp(counted, [part()], { now: NOW });
      const [joined] = await counted.invoices.toArray();
      expect(writes.filter((id) => id === joined?.id)).toHaveLength(1);
      const undecided = await importInApp(after, [part()], { now: NOW, approvalPolicy: false });
      expect(undecided.outcome.ok).toBe(true);
      await applyApprovalPolicy(after, NOW);
      expect(outcome).toMatchObject({ ok: true, completedInvoices: part === A ? 0 : 1 });
    }
    const decided = await decisionsOf(counted);
    expect(decided).toEqual(await decisionsOf(after));
    expect(decided).toEqual([
      expect.objectContaining({ approval: expect.objectContaining({ decidedBy: 'policy' }) }),
    ]);
  });

  it('a finding dismissed on the stored invoice stays dismissed, once, after the join', async () => {
    const db = await freshDb();
    expect((await importInApp(db, [A()], { now: NOW })).outcome.ok).toBe(true);
    await runAndSaveAudit(db, NOW.toISOString(), () => 0);
    const before = await findingsTable(db).toArray();
    expect(before.length).toBeGreaterThan(0);
    const dismissed = before[0]?.id ?? '';
    await setFindingStatus(db, [dismissed], 'dismissed', NOW.toISOString(), 'known');
    expect((await importInApp(db, [B()], { now: NOW })).outcome).toMatchObject({
      ok: true,
      completedInvoices: 1,
    });
    await runAndSaveAudit(db, NOW.toISOString(), () => 0);
    const after = await findingsTable(db).toArray();
    expect(after.filter((finding) => finding.id === dismissed)).toEqual([
      expect.objectContaining({ status: 'dismissed' }),
    ]);
    const ids = after.map((finding) => finding.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const finding of before) expect(ids).toContain(finding.id);
  });
});
