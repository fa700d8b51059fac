/**
 * Every department's report of an AT&T Premier bill downloaded as `BillingSummary.csv`: a later
 * one is another file under the name of the stored one. Its bytes differ, so it is not "the same
 * file": it is judged by its lines like any other part (joined when it is another part, a copy
 * when it repeats the stored lines), by the app and the CLI alike.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../renderer/db/backup';
import { TemDeskDatabase } from '../../renderer/db/database';
import type { UploadedFile } from '../../shared/import/archive';
import { importInApp as importFiles } from '../helpers/app-import';
import type { Invoice } from '../../shared/model';
import { workspaceFromBackup } from '../helpers/cli-workspace';
import { ANA, BEN, file } from '../unit/import/premier-parts';

const NOW = new Date('2026-11-03T09:00:00Z');
const NAME = 'BillingSummary.csv';

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`later-parts-same-name-${++counter}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const importInApp = (files: UploadedFile[]) => importFiles(db, files, { now: NOW });

const facts = (invoices: readonly Invoice[]) =>
  invoices.map((invoice) => ({
    id: invoice.id,
    invoiceNumber: invoice.invoiceNumber,
    linesTotal: invoice.linesTotal,
    lineCount: invoice.lineCount,
    parts: (invoice.parts ?? []).map((part) => part.sourceFile).sort(),
  }));

describe('a later file under the name of a stored part', () => {
  it('another department’s report is joined, in the app and the CLI alike', async () => {
    expect((await importInApp([file(NAME, [ANA])])).outcome.ok).toBe(true);
    const [stored] = await db.invoices.toArray();
    const backup = await createBackup(db, { appVersion: '0.0.0-test', now: NOW });
    const { conflicts, outcome } = await importInApp([file(NAME, [BEN])]);
    expect(conflicts).toEqual([]);
    expect(outcome).toMatchObject({ ok: true, completedInvoices: 1, invoiceIds: [] });
    const app = await db.invoices.toArray();
    expect(facts(app)).toEqual([
      {
        id: stored?.id,
        invoiceNumber: stored?.invoiceNumber,
        linesTotal: 108_54,
        lineCount: 7,
        parts: [NAME, `${NAME} (2)`],
      },
    ]);
    // Both files are kept, each under its own import.
    const batches = new Set((await db.importBatches.toArray()).map((batch) => batch.id));
    expect(batches.size).toBe(2);
    expect(app[0]?.parts?.every((part) => batches.has(part.importBatchId))).toBe(true);

    const cli = workspaceFromBackup(backup, [{ path: NAME, bytes: file(NAME, [BEN]).bytes }]);
    expect(facts(cli.invoices)).toEqual(facts(app));
    expect(cli.repeatedInvoices).toEqual([]);
    expect(cli.unreadRows).toEqual([]);
  });

  it('the same lines saved again under the name: a copy, counted once by both', async () => {
    expect((await importInApp([file(NAME, [ANA])])).outcome.ok).toBe(true);
    const before = await db.invoices.toArray();
    const backup = await createBackup(db, { appVersion: '0.0.0-test', now: NOW });
    const again = file(NAME, [ANA]);
    const resaved = { ...again, bytes: new Uint8Array([...again.bytes, 0x0d, 0x0a]) };
    const { conflicts, outcome } = await importInApp([resaved]);
    expect(conflicts).toEqual([
      expect.objectContaining({ kind: 'invoice-exists', verdict: 'copy' }),
    ]);
    expect(outcome.ok).toBe(false);
    expect(facts(await db.invoices.toArray())).toEqual(facts(before));
    const cli = workspaceFromBackup(backup, [{ path: NAME, bytes: resaved.bytes }]);
    expect(facts(cli.invoices)).toEqual(facts(before));
    expect(cli.repeatedInvoices.map((r) => r.total)).toEqual([58_42]);
  });
});
