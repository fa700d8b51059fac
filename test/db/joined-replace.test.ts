/**
 * Replace and an invoice joined from several files (departments' reports of one AT&T Premier
 * bill, imported one after another): a copy or a page of one of its parts, or one of its files
 * picked again, never puts that one file in place of the whole invoice. There is nothing of it
 * to import, and replacing would lose the other parts' charges: Replace is refused, naming them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import type { UploadedFile } from '../../shared/import/archive';
import { importInApp as importFiles } from '../helpers/app-import';
import { ANA, BEN, file } from '../unit/import/premier-parts';

const NOW = new Date('2026-11-03T09:00:00Z');

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`joined-replace-${++counter}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** Reads files as the app's import does and commits them, replacing on request. */
const importInApp = (files: UploadedFile[], replace = false) =>
  importFiles(db, files, { now: NOW, replace });

/** Everything an import may change, to compare before and after. */
async function everything() {
  return {
    invoices: await db.invoices.toArray(),
    batches: (await db.importBatches.toArray()).map((batch) => batch.id).sort(),
    originals: (await db.originalFiles.toArray()).map((file) => file.batchId).sort(),
    totals: await db.serviceTotals.toArray(),
  };
}

/** sales.csv stored, then operations.csv joined into it. */
async function joined() {
  expect((await importInApp([file('sales.csv', [ANA])])).outcome.ok).toBe(true);
  expect((await importInApp([file('operations.csv', [BEN])])).outcome).toMatchObject({
    ok: true,
    completedInvoices: 1,
  });
  const [invoice] = await db.invoices.toArray();
  expect(invoice?.linesTotal).toBe(108_54);
  return everything();
}

/** A file of other bytes with the same lines (saved again by another tool). */
const resaved = (name: string, rows: string[]): UploadedFile => {
  const again = file(name, rows);
  return { ...again, bytes: new Uint8Array([...again.bytes, 0x0d, 0x0a]) };
};

describe('Replace and a copy or a page of a joined invoice', () => {
  it('a copy of one department’s report: Replace is refused, naming the parts it would lose', async () => {
    const before = await joined();
    const { conflicts, outcome } = await importInApp([resaved('operations (1).csv', [BEN])], true);
    expect(conflicts).toEqual([
      expect.objectContaining({
        kind: 'invoice-exists',
        verdict: 'page',
        joinedFrom: ['operations.csv', 'sales.csv'],
      }),
    ]);
    expect(outcome.ok).toBe(false);
    expect(await everything()).toEqual(before);
  });

  it('the later part’s very file picked again: Replace is refused, nothing deleted', async () => {
    const before = await joined();
    const { conflicts, outcome } = await importInApp([file('operations.csv', [BEN])], true);
    expect(conflicts.map((conflict) => conflict.kind).sort()).toEqual([
      'file-already-imported',
      'invoice-exists',
    ]);
    expect(outcome.ok).toBe(false);
    expect(await everything()).toEqual(before);
  });

  it('the first part’s very file picked again: Replace is refused, nothing deleted', async () => {
    const before = await joined();
    const { outcome } = await importInApp([file('sales.csv', [ANA])], true);
    expect(outcome.ok).toBe(false);
    expect(await everything()).toEqual(before);
  });

  it('a corrected bill of an invoice stored from one file is still replaced on purpose', async () => {
    expect((await importInApp([file('sales.csv', [ANA])])).outcome.ok).toBe(true);
    const fixed = ANA.replace('"$58.42","$45.00"', '"$57.42","$44.00"');
    const { conflicts, outcome } = await importInApp([file('sales fixed.csv', [fixed])], true);
    expect(conflicts).toEqual([
      expect.not.objectContaining({ joinedFrom: expect.anything() as unknown }),
    ]);
    expect(outcome).toMatchObject({ ok: true, replacedInvoices: 1 });
  });
});

describe('Replace refused once the plan is made', () => {
  it('a later part whose stored original is gone: refused, and nothing replaced is lost', async () => {
    // Another invoice (another account) imported before, and sales.csv without its original.
    const other = file('other.csv', [ANA.replaceAll('287099000001', '287099000002')]);
    expect((await importInApp([other])).outcome.ok).toBe(true);
    expect((await importInApp([file('sales.csv', [ANA])])).outcome.ok).toBe(true);
    const sales = (await db.importBatches.toArray()).find((b) => b.fileName === 'sales.csv');
    await db.originalFiles.delete(sales?.id ?? '');
    const before = await everything();
    // other.csv picked again (Replace re-imports it) with the next department's report.
    const { outcome } = await importInApp([other, file('operations.csv', [BEN])], true);
    expect(outcome.ok).toBe(false);
    expect(await everything()).toEqual(before);
  });
});
