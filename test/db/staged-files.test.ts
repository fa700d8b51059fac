import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpWorkspace } from '../../renderer/db/backup';
import { TemDeskDatabase } from '../../renderer/db/database';
import { commitImport, type ImportToCommit } from '../../renderer/db/import-commit';
import {
  discardStagedFiles,
  stageOriginalFiles,
  sweepUnclaimedFiles,
} from '../../renderer/db/staged-files';
import { cents } from '../../shared/money/cents';
import { makeDraft, makeDraftInvoice, makeDraftLine, textBytes } from '../helpers/drafts';

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`staged-files-test-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

/** An import of `fileName` (one invoice), its upload naming `stagedBatchId` when given. */
function importOf(fileName: string, stagedBatchId?: string): ImportToCommit {
  const invoice = makeDraftInvoice({
    invoiceNumber: `INV-${fileName}`,
    sourceFile: fileName,
    statedTotal: cents(100_00),
  });
  return {
    uploads: [
      {
        fileName,
        bytes: textBytes(`the bytes of ${fileName}`),
        fileHash: fileName.padEnd(64, '0'),
        memberNames: [fileName],
        stagedBatchId,
      },
    ],
    drafts: [makeDraft([invoice], [makeDraftLine(invoice, 'recurring', 100_00)])],
  };
}

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe('originals staged while the files are read', () => {
  it('are written at once, and the commit makes them its batch’s originals without writing them again', async () => {
    const picked = importOf('march.csv');
    const [upload] = picked.uploads;
    if (!upload) throw new Error('expected an upload');
    const staged = stageOriginalFiles(db, [{ name: 'march.csv', bytes: upload.bytes }]);
    // Once copied, the picked bytes may move to the worker: the staged copy does not change.
    await staged.copied;
    upload.bytes.fill(0);
    await staged.written;
    const batchId = staged.batchIds.get('march.csv') ?? '';
    expect(text((await db.originalFiles.get(batchId))?.bytes)).toBe('the bytes of march.csv');

    const outcome = await commitImport(db, {
      ...picked,
      uploads: [{ ...upload, stagedBatchId: batchId }],
    });
    expect(outcome).toMatchObject({ ok: true, batchIds: [batchId] });
    expect(await db.originalFiles.count()).toBe(1);
    expect(text((await db.originalFiles.get(batchId))?.bytes)).toBe('the bytes of march.csv');
    expect((await db.importBatches.get(batchId))?.fileName).toBe('march.csv');

    // Claimed: neither the sweep nor a late discard removes it.
    await discardStagedFiles(db, staged);
    expect(await sweepUnclaimedFiles(db)).toBe(0);
    expect(await db.originalFiles.get(batchId)).toBeDefined();
  });

  it('are written by the commit itself when the staged one is gone', async () => {
    const picked = importOf('april.csv', 'batch-swept-meanwhile');
    const outcome = await commitImport(db, picked);
    if (!outcome.ok) throw new Error('expected a commit');
    const [batchId] = outcome.batchIds;
    expect(batchId).not.toBe('batch-swept-meanwhile');
    expect(text((await db.originalFiles.get(batchId ?? ''))?.bytes)).toBe('the bytes of april.csv');
    expect(await db.originalFiles.count()).toBe(1);
  });

  it('are removed when the import is cancelled, and a rolled-back commit leaves none behind', async () => {
    const staged = stageOriginalFiles(db, [
      { name: 'a.csv', bytes: textBytes('a') },
      { name: 'b.csv', bytes: textBytes('b') },
    ]);
    await staged.written;
    expect(await db.originalFiles.count()).toBe(2);
    await discardStagedFiles(db, staged);
    expect(await db.originalFiles.count()).toBe(0);
  });

  it('left by a closed window are swept, those staged in this one are kept, and backups skip both', async () => {
    // Another window staged this and closed before committing.
    await db.originalFiles.put({
      batchId: 'batch-of-a-closed-window',
      fileName: 'old.csv',
      mediaType: 'text/csv',
      bytes: textBytes('old'),
    });
    const staged = stageOriginalFiles(db, [{ name: 'may.csv', bytes: textBytes('may') }]);
    await staged.written;
    await commitImport(db, importOf('june.csv'));

    const dump = await dumpWorkspace(db);
    expect(
      dump.tables.originalFiles?.map((file) => (file as { fileName: string }).fileName),
    ).toEqual(['june.csv']);

    expect(await sweepUnclaimedFiles(db)).toBe(1);
    const left = (await db.originalFiles.toArray()).map((file) => file.fileName).sort();
    expect(left).toEqual(['june.csv', 'may.csv']);
  });
});
