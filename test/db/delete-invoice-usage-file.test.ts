/**
 * Deleting an invoice that a usage-only file (imported after its bill) added usage to: the usage
 * file's import goes with it (record and original) once no stored invoice holds its usage, so
 * picking the file again imports it; Undo puts it back exactly, and never stores anything twice.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settleStoredUsage, storedInvoiceRefs } from '../../renderer/db/attach-usage';
import { TemDeskDatabase } from '../../renderer/db/database';
import { commitImport, findImportConflicts } from '../../renderer/db/import-commit';
import { deleteInvoiceWithUndo } from '../../renderer/db/invoices';
import { isNotUndone } from '../../renderer/db/not-undone';
import type { UploadedFile } from '../../shared/import/archive';
import type { BillDraft } from '../../shared/import/draft';
import { readBills, type ReadOutcome } from '../../shared/import/read-bill';
import { uploadsFor } from '../helpers/doors';

const NOW = new Date('2026-03-20T12:00:00.000Z');
const LATER = new Date('2026-03-24T12:00:00.000Z');
let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`delete-invoice-usage-file-${++counter}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const fixture = readFileSync(
  new URL('../fixtures/carriers/att-premier-billing.synthetic.csv', import.meta.url),
  'utf8',
);
/** The AT&T Premier billing summary fixture, for its account or (same lines) another one. */
function summaryOf(accountNumber = '287099000001'): UploadedFile {
  return {
    name: `att-premier-billing-${accountNumber}.csv`,
    bytes: new TextEncoder().encode(fixture.replaceAll('287099000001', accountNumber)),
  };
}

const DETAIL_HEADER =
  'Foundation account,Account number,Wireless number,Market cycle end date,Date,Time,Charge description,Minutes usage,KB usage,Total number of events,Total charges,Source';
/** AT&T usage detail of the summary's cycle, with lines of each account given. */
function detailOf(name: string, accountNumbers: readonly string[]): UploadedFile {
  return {
    name,
    bytes: new TextEncoder().encode(
      [
        DETAIL_HEADER,
        ...accountNumbers.flatMap((account) => [
          `F900,${account},5550300001,03/02/2026,02/03/2026,08:15,SPRINGFIELD,3,0,0,$0.00,Voice`,
          `F900,${account},5550300002,03/02/2026,02/06/2026,09:00,TEXT,0,0,0,$0.00,Messaging`,
        ]),
      ].join('\r\n'),
    ),
  };
}
const detail = detailOf('att-usage-detail-march.csv', ['287099000001']);

/** What the import page commits for a pick: read with the stored invoices, usage settled. */
async function pick(files: UploadedFile[]) {
  const outcomes: ReadOutcome[] = await settleStoredUsage(
    db,
    readBills(files, { storedInvoices: await storedInvoiceRefs(db) }),
  );
  const drafts = outcomes.flatMap((o): BillDraft[] => (o.kind === 'draft' ? [o.draft] : []));
  return { outcomes, input: { uploads: uploadsFor(files, drafts), drafts } };
}

async function importFiles(files: UploadedFile[], now = NOW) {
  const outcome = await commitImport(db, (await pick(files)).input, { now });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.conflicts));
  return outcome;
}

async function invoiceIdOf(accountNumber: string): Promise<string> {
  const invoice = await db.invoices.filter((i) => i.accountNumber === accountNumber).first();
  if (invoice === undefined) throw new Error(`no invoice of account ${accountNumber}`);
  return invoice.id;
}

const fileNames = async () => (await db.importBatches.toArray()).map((b) => b.fileName).sort();
const originalNames = async () =>
  (await db.originalFiles.toArray()).map((file) => file.fileName).sort();

describe('deleting an invoice a usage file added usage to after its bill', () => {
  beforeEach(async () => {
    await importFiles([summaryOf()]);
    expect(await importFiles([detail])).toMatchObject({ invoiceIds: [], attachedUsage: 2 });
  });

  it('takes the usage file along: the bill and its usage file both import again', async () => {
    const figures = async () =>
      (await db.usage.get(await invoiceIdOf('287099000001')))?.records.map((r) => [
        r.serviceKey,
        r.minutes,
        r.messages,
      ]);
    const before = await figures();
    expect(before).toHaveLength(2);
    await deleteInvoiceWithUndo(db, await invoiceIdOf('287099000001'));
    expect(await fileNames()).toEqual([]);
    expect(await originalNames()).toEqual([]);

    await importFiles([summaryOf()], LATER);
    const again = await pick([detail]);
    expect(again.outcomes.map((o) => o.kind)).toEqual(['draft']);
    expect(await findImportConflicts(db, again.input)).toEqual([]);
    const done = await commitImport(db, again.input, { now: LATER });
    expect(done).toMatchObject({ ok: true, attachedUsage: 2 });
    expect(await fileNames()).toEqual([detail.name, summaryOf().name].sort());
    expect(await originalNames()).toEqual([detail.name, summaryOf().name].sort());
    expect(await figures()).toEqual(before);
  });

  it('picked with its bill in one go after the delete, the usage file imports too', async () => {
    await deleteInvoiceWithUndo(db, await invoiceIdOf('287099000001'));
    const both = await pick([summaryOf(), detail]);
    expect(await findImportConflicts(db, both.input)).toEqual([]);
    expect((await commitImport(db, both.input, { now: LATER })).ok).toBe(true);
    expect(await db.usage.get(await invoiceIdOf('287099000001'))).toBeDefined();
  });

  it('Undo puts back the invoice, its usage and both files exactly', async () => {
    const batches = await db.importBatches.toArray();
    const originals = await db.originalFiles.toArray();
    const usage = await db.usage.toArray();
    const undo = await deleteInvoiceWithUndo(db, await invoiceIdOf('287099000001'));
    expect(await undo()).toBeUndefined();
    expect(await db.importBatches.toArray()).toEqual(batches);
    expect(await db.originalFiles.toArray()).toEqual(originals);
    expect(await db.usage.toArray()).toEqual(usage);
    // Back in use: the usage file is refused again as already stored.
    expect((await pick([detail])).outcomes).toEqual([
      expect.objectContaining({ kind: 'unreadable' }),
    ]);
    // And deleting again still takes it along (Undo kept its link to the invoice).
    await deleteInvoiceWithUndo(db, await invoiceIdOf('287099000001'));
    expect(await fileNames()).toEqual([]);
  });

  it('Undo after the bill and its usage file were imported again stores nothing twice', async () => {
    const undo = await deleteInvoiceWithUndo(db, await invoiceIdOf('287099000001'));
    await importFiles([summaryOf()], LATER);
    await importFiles([detail], LATER);
    const stored = {
      batches: await db.importBatches.toArray(),
      originals: await db.originalFiles.count(),
      usage: await db.usage.toArray(),
    };
    const answer = await undo();
    expect(isNotUndone(answer) && answer.notUndone).toMatch(
      /^Not undone: invoice .* was imported again since/,
    );
    expect({
      batches: await db.importBatches.toArray(),
      originals: await db.originalFiles.count(),
      usage: await db.usage.toArray(),
    }).toEqual(stored);
    expect(await db.invoices.count()).toBe(1);
  });
});

describe('a usage file that added usage to two invoices', () => {
  const second = '287099000002';
  const both = detailOf('att-usage-detail-two-accounts.csv', ['287099000001', second]);

  it('stays while one of them is stored, and goes with the last', async () => {
    await importFiles([summaryOf(), summaryOf(second)]);
    expect(await importFiles([both])).toMatchObject({ attachedUsage: 4 });
    expect((await db.importBatches.toArray()).find((b) => b.fileName === both.name)).toMatchObject({
      usageInvoiceIds: expect.arrayContaining([
        await invoiceIdOf('287099000001'),
        await invoiceIdOf(second),
      ]) as unknown,
    });

    await deleteInvoiceWithUndo(db, await invoiceIdOf('287099000001'));
    expect(await fileNames()).toEqual([both.name, summaryOf(second).name].sort());
    const undoLast = await deleteInvoiceWithUndo(db, await invoiceIdOf(second));
    expect(await fileNames()).toEqual([]);
    expect(await originalNames()).toEqual([]);

    // Undo of the last delete puts the file back with the invoice that still holds its usage.
    expect(await undoLast()).toBeUndefined();
    expect(await fileNames()).toEqual([both.name, summaryOf(second).name].sort());
    expect(await originalNames()).toEqual([both.name, summaryOf(second).name].sort());
  });
});

describe('a usage file whose usage is no longer stored', () => {
  beforeEach(async () => {
    await importFiles([summaryOf()]);
    await importFiles([detail]);
  });

  it('imports again once the invoice it fed was replaced by a corrected bill', async () => {
    const corrected: UploadedFile = {
      name: 'att-premier-billing-corrected.csv',
      bytes: new TextEncoder().encode(fixture.replace('"$58.42"', '"$57.42"')),
    };
    const replacing = await pick([corrected]);
    expect((await findImportConflicts(db, replacing.input)).map((c) => c.kind)).toEqual([
      'invoice-exists',
    ]);
    expect((await commitImport(db, replacing.input, { now: LATER, replace: true })).ok).toBe(true);
    expect(await db.usage.count()).toBe(0);

    const again = await pick([detail]);
    expect(await findImportConflicts(db, again.input)).toEqual([]);
    expect(await commitImport(db, again.input, { now: LATER })).toMatchObject({
      ok: true,
      attachedUsage: 2,
    });
    expect((await fileNames()).filter((name) => name === detail.name)).toHaveLength(1);
  });

  it('imports again when it was left behind by a delete before deleting took it along', async () => {
    // A database written before: the usage file's batch does not say which invoices it fed.
    const batch = (await db.importBatches.toArray()).find((b) => b.fileName === detail.name);
    await db.importBatches.update(batch?.id ?? '', { usageInvoiceIds: undefined });
    await deleteInvoiceWithUndo(db, await invoiceIdOf('287099000001'));
    expect(await fileNames()).toEqual([detail.name]);

    await importFiles([summaryOf()], LATER);
    const again = await pick([detail]);
    expect(await findImportConflicts(db, again.input)).toEqual([]);
    expect((await commitImport(db, again.input, { now: LATER })).ok).toBe(true);
    expect(await fileNames()).toEqual([detail.name, summaryOf().name].sort());
    expect(await originalNames()).toEqual([detail.name, summaryOf().name].sort());
  });
});
