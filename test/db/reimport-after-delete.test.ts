import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import { deleteInvoiceWithUndo } from '../../renderer/db/invoices';
import {
  commitImport,
  deleteInvoiceRecords,
  findImportConflicts,
  type ImportToCommit,
} from '../../renderer/db/import-commit';
import { isNotUndone } from '../../renderer/db/not-undone';
import { cents } from '../../shared/money/cents';
import { makeDraft, makeDraftInvoice, makeDraftLine, textBytes } from '../helpers/drafts';

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`reimport-after-delete-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const NOW = new Date('2026-11-16T12:00:00Z');
const LATER = new Date('2026-11-20T12:00:00Z');

/** One bill file holding `invoiceNumbers`, each with one recurring line. */
function billFile(fileName: string, invoiceNumbers: string[]): ImportToCommit {
  const invoices = invoiceNumbers.map((invoiceNumber) =>
    makeDraftInvoice({ invoiceNumber, sourceFile: fileName, statedTotal: cents(100_00) }),
  );
  return {
    uploads: [
      {
        fileName,
        bytes: textBytes(`${fileName} ${invoiceNumbers.join(',')}`),
        fileHash: 'ab'.repeat(32),
        memberNames: [fileName],
      },
    ],
    drafts: [
      makeDraft(
        invoices,
        invoices.map((i) => makeDraftLine(i, 'recurring', 100_00)),
      ),
    ],
  };
}

async function idOf(invoiceNumber: string): Promise<string> {
  const invoice = await db.invoices.filter((i) => i.invoiceNumber === invoiceNumber).first();
  if (!invoice) throw new Error(`invoice ${invoiceNumber} is not stored`);
  return invoice.id;
}

async function counts() {
  return {
    batches: await db.importBatches.count(),
    originals: await db.originalFiles.count(),
    invoices: await db.invoices.count(),
    blocks: await db.chargeBlocks.count(),
  };
}

describe('a file whose invoices were deleted', () => {
  it('imports again once its only invoice is deleted, with no "already imported"', async () => {
    const file = billFile('Account & Wireless Summary.txt', ['INV-1']);
    expect((await commitImport(db, file, { now: NOW })).ok).toBe(true);
    await deleteInvoiceWithUndo(db, await idOf('INV-1'));
    expect(await counts()).toEqual({ batches: 0, originals: 0, invoices: 0, blocks: 0 });

    expect(await findImportConflicts(db, file)).toEqual([]);
    const again = await commitImport(db, file, { now: LATER });
    expect(again.ok).toBe(true);
    expect(await counts()).toEqual({ batches: 1, originals: 1, invoices: 1, blocks: 1 });
    expect((await db.importBatches.toArray())[0]?.importedAt).toBe(LATER.toISOString());
  });

  it('says which invoices are still stored and adds back only the deleted one', async () => {
    const file = billFile('summary.txt', ['INV-1', 'INV-2', 'INV-3']);
    await commitImport(db, file, { now: NOW });
    const [batch] = await db.importBatches.toArray();
    const kept = [await idOf('INV-1'), await idOf('INV-3')];
    await deleteInvoiceWithUndo(db, await idOf('INV-2'));

    expect(await findImportConflicts(db, file)).toEqual([
      {
        kind: 'file-partly-stored',
        fileName: 'summary.txt',
        importedAt: NOW.toISOString(),
        stored: [
          { invoiceNumber: 'INV-1', accountNumber: expect.any(String) },
          { invoiceNumber: 'INV-3', accountNumber: expect.any(String) },
        ],
        adding: ['INV-2'],
      },
    ]);
    const outcome = await commitImport(db, file, { now: LATER });
    expect(outcome.ok && outcome.invoiceIds.length).toBe(1);
    // Each invoice once; the two never deleted keep their ids; the file keeps its one record.
    expect(await counts()).toEqual({ batches: 1, originals: 1, invoices: 3, blocks: 3 });
    expect([await idOf('INV-1'), await idOf('INV-3')]).toEqual(kept);
    expect((await db.invoices.get(await idOf('INV-2')))?.importBatchId).toBe(batch?.id);
    // Picked a third time, the whole file is stored again: refused as before.
    expect((await findImportConflicts(db, file)).map((c) => c.kind)).toEqual([
      'file-already-imported',
    ]);
  });

  it('Undo puts back the invoice with its file record and original', async () => {
    const file = billFile('summary.txt', ['INV-1']);
    await commitImport(db, file, { now: NOW });
    const before = await counts();
    const undo = await deleteInvoiceWithUndo(db, await idOf('INV-1'));
    expect(await counts()).toEqual({ batches: 0, originals: 0, invoices: 0, blocks: 0 });
    expect(await undo()).toBeUndefined();
    expect(await counts()).toEqual(before);
    expect((await findImportConflicts(db, file)).map((c) => c.kind)).toEqual([
      'file-already-imported',
    ]);
  });

  it('Undo after the file was imported again stores nothing twice and says why', async () => {
    const file = billFile('summary.txt', ['INV-1']);
    await commitImport(db, file, { now: NOW });
    const undo = await deleteInvoiceWithUndo(db, await idOf('INV-1'));
    await commitImport(db, file, { now: LATER });
    const answer = await undo();
    expect(isNotUndone(answer) && answer.notUndone).toMatch(
      /^Not undone: invoice INV-1 was imported again since \(from summary\.txt\)/,
    );
    expect(await counts()).toEqual({ batches: 1, originals: 1, invoices: 1, blocks: 1 });
  });

  it('imports again a file whose invoices were deleted before deleting took the file along', async () => {
    // A database written before: the invoice gone, its file's record and original left behind.
    const file = billFile('summary.txt', ['INV-1']);
    await commitImport(db, file, { now: NOW });
    const id = await idOf('INV-1');
    await db.transaction('rw', [db.invoices, db.chargeBlocks, db.serviceTotals, db.usage], () =>
      deleteInvoiceRecords(db, id),
    );
    expect(await findImportConflicts(db, file)).toEqual([]);
    expect((await commitImport(db, file, { now: LATER })).ok).toBe(true);
    expect(await counts()).toEqual({ batches: 1, originals: 1, invoices: 1, blocks: 1 });
  });
});
