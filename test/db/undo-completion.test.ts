/**
 * Undo of an import that completed a stored invoice (another department's report joined into
 * it): the stored invoice is put back exactly as it was before the join, and the later file's
 * import record and original are gone, so it can be imported again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import { completionImportUndo } from '../../renderer/db/undo-completion';
import type { UploadedFile } from '../../shared/import/archive';
import { importInApp } from '../helpers/app-import';
import { ANA, BEN, CHO, file } from '../unit/import/premier-parts';

const NOW = new Date('2026-11-03T09:00:00Z');

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`undo-completion-${++counter}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const imported = async (files: UploadedFile[]) => {
  const { outcome } = await importInApp(db, files, { now: NOW });
  if (!outcome.ok) throw new Error('not imported');
  return outcome;
};

/** Every record an import writes. */
async function everything() {
  return {
    invoices: await db.invoices.toArray(),
    blocks: await db.chargeBlocks.toArray(),
    totals: await db.serviceTotals.toArray(),
    usage: await db.usage.toArray(),
    batches: await db.importBatches.toArray(),
    originals: await db.originalFiles.toArray(),
  };
}

describe('Undo of an import that completed a stored invoice', () => {
  it('puts the stored invoice back exactly as before the join; the later file can come again', async () => {
    await imported([file('sales.csv', [ANA])]);
    const before = await everything();
    const outcome = await imported([file('operations.csv', [BEN])]);
    expect(outcome.completedInvoices).toBe(1);
    expect((await db.invoices.toArray())[0]?.linesTotal).toBe(108_54);
    const undo = completionImportUndo(db, outcome);
    expect(undo).not.toBeNull();
    expect(await undo?.()).toBeUndefined();
    expect(await everything()).toEqual(before);
    // Imported again, it joins as the first time.
    expect(await imported([file('operations.csv', [BEN])])).toMatchObject({
      completedInvoices: 1,
    });
    expect((await db.invoices.toArray())[0]?.linesTotal).toBe(108_54);
  });

  it('changes nothing once the joined invoice changed since', async () => {
    await imported([file('sales.csv', [ANA])]);
    const outcome = await imported([file('operations.csv', [BEN])]);
    const [joined] = await db.invoices.toArray();
    await db.invoices.update(joined?.id ?? '', { status: 'approved' });
    const after = await everything();
    expect(await completionImportUndo(db, outcome)?.()).toEqual({
      notUndone: expect.stringContaining('changed since it was completed') as unknown,
    });
    expect(await everything()).toEqual(after);
  });

  it('is not offered for an import that also added invoices', async () => {
    await imported([file('sales.csv', [ANA])]);
    const other = file('other.csv', [CHO.replaceAll('287099000001', '287099000002')]);
    const outcome = await imported([file('operations.csv', [BEN]), other]);
    expect(outcome).toMatchObject({ completedInvoices: 1, invoiceIds: [expect.any(String)] });
    expect(completionImportUndo(db, outcome)).toBeNull();
  });
});
