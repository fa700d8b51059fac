import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import { createDispute } from '../../renderer/db/disputes';
import { deleteInvoiceWithUndo } from '../../renderer/db/invoices';
import { findingsTable, type FindingRecord } from '../../renderer/db/findings';
import { commitImport } from '../../renderer/db/import-commit';
import { loadInvoiceDeletion } from '../../renderer/db/invoice-deletion';
import { deletionSentences } from '../../renderer/features/bills/invoices/deletion-text';
import { isoDate, isoMonth } from '../../shared/dates';
import { cents } from '../../shared/money/cents';
import { makeDraft, makeDraftInvoice, makeDraftLine, oneFileUpload } from '../helpers/drafts';

let db: TemDeskDatabase;
let counter = 0;
const T1 = '2026-10-05T09:00:00.000Z';

beforeEach(async () => {
  db = new TemDeskDatabase(`invoice-deletion-${++counter}`);
  await db.open();
  const invoice = makeDraftInvoice({ invoiceNumber: 'INV-7', invoiceDate: isoDate(2026, 7, 1) });
  await commitImport(db, {
    uploads: [oneFileUpload('INV-7')],
    drafts: [
      makeDraft(
        [invoice],
        [makeDraftLine(invoice, 'recurring', 45_00), makeDraftLine(invoice, 'late-fee', 5_00)],
      ),
    ],
  });
});
afterEach(async () => {
  await db.delete();
});

async function storedInvoice() {
  const [invoice] = await db.invoices.toArray();
  if (invoice === undefined) throw new Error('not imported');
  return invoice;
}

function findingOn(
  invoice: { carrierId: string; accountNumber: string },
  id: string,
  status: FindingRecord['status'],
): FindingRecord {
  return {
    id,
    ruleId: 'late-fee',
    severity: 'warning',
    subject: {
      carrierId: invoice.carrierId,
      accountNumber: invoice.accountNumber,
      invoiceNumber: 'INV-7',
      period: isoMonth(2026, 7),
    },
    impact: cents(5_00),
    message: id,
    status,
    statusHistory: [],
    firstSeenAt: T1,
    lastSeenAt: T1,
  };
}

describe('asking before an invoice is deleted', () => {
  it('says what goes with it and which findings and disputes it leaves', async () => {
    const invoice = await storedInvoice();
    await findingsTable(db).bulkAdd([
      findingOn(invoice, 'f-open', 'open'),
      findingOn(invoice, 'f-disputed', 'open'),
      findingOn(invoice, 'f-dismissed', 'dismissed'),
    ]);
    const created = await createDispute(
      db,
      { findingIds: ['f-disputed'], carrierReference: 'LUM-88121' },
      'dispute-1',
      T1,
    );
    expect(created.ok).toBe(true);

    const deletion = await loadInvoiceDeletion(db, invoice.id);
    expect(deletion).toMatchObject({
      lineCount: 2,
      usage: true,
      files: { going: ['INV-7.csv'], staying: [] },
      findings: { open: 1, disputed: 1, dismissed: 1, credited: 0, resolved: 0 },
      disputes: ['the dispute with ticket LUM-88121'],
    });
    expect(deletion && deletionSentences(deletion)).toEqual([
      'Its 2 charge lines, usage and original file INV-7.csv go with it.',
      '3 findings name it: 1 open one the next check finds no more on other bills is marked resolved; ' +
        '1 disputed one stays in the dispute with ticket LUM-88121, which can then no longer list ' +
        'this invoice’s charge lines in its letter; 1 credited, dismissed or resolved stays as it is.',
      'You can undo right after.',
    ]);
  });

  it('says when no finding names it, and nothing for an invoice no longer stored', async () => {
    const invoice = await storedInvoice();
    const deletion = await loadInvoiceDeletion(db, invoice.id);
    expect(deletion && deletionSentences(deletion)[1]).toBe('No finding names it.');
    expect(await loadInvoiceDeletion(db, 'gone')).toBeNull();
  });

  it('names the files that go and those that stay, for a bill in two files', async () => {
    const invoice = await storedInvoice();
    const [batch] = await db.importBatches.toArray();
    if (batch === undefined) throw new Error('no batch');
    // Its second part came in another file, which holds another invoice too.
    await db.importBatches.put({
      ...batch,
      id: 'b-part',
      fileName: 'account-summary.csv',
      fileHash: 'cd'.repeat(32),
    });
    await db.invoices.update(invoice.id, {
      parts: [
        { kind: 'line summary', sourceFile: batch.fileName, importBatchId: batch.id },
        { kind: 'account summary', sourceFile: 'account-summary.csv', importBatchId: 'b-part' },
      ],
    });
    await db.invoices.put({
      ...invoice,
      id: 'other',
      invoiceNumber: 'INV-8',
      importBatchId: 'b-part',
      parts: [{ kind: 'bill', sourceFile: 'account-summary.csv', importBatchId: 'b-part' }],
    });
    const deletion = await loadInvoiceDeletion(db, invoice.id);
    expect(deletion && deletionSentences(deletion).slice(0, 2)).toEqual([
      'Its 2 charge lines, usage and original file INV-7.csv go with it.',
      'Its original file account-summary.csv stays: other stored invoices come from it too.',
    ]);
    // Deleting takes along exactly the file the question said.
    await deleteInvoiceWithUndo(db, invoice.id);
    expect((await db.importBatches.toArray()).map((b) => b.fileName)).toEqual([
      'account-summary.csv',
    ]);

    // With the other invoice gone too, both of a two-part bill's files go with it.
    await db.invoices.delete('other');
    await db.importBatches.put(batch);
    await db.invoices.put({
      ...invoice,
      parts: [
        { kind: 'line summary', sourceFile: batch.fileName, importBatchId: batch.id },
        { kind: 'account summary', sourceFile: 'account-summary.csv', importBatchId: 'b-part' },
      ],
    });
    const both = await loadInvoiceDeletion(db, invoice.id);
    expect(both && deletionSentences(both)[0]).toBe(
      'Its 2 charge lines and original files INV-7.csv and account-summary.csv go with it.',
    );
  });

  it('names only the disputes its disputed findings stay in', async () => {
    const invoice = await storedInvoice();
    await findingsTable(db).bulkAdd([
      findingOn(invoice, 'f-disputed', 'open'),
      findingOn(invoice, 'f-credited', 'open'),
      findingOn(invoice, 'f-marked', 'disputed'),
    ]);
    await createDispute(db, { findingIds: ['f-disputed'], carrierReference: 'T-1' }, 'd-1', T1);
    await createDispute(db, { findingIds: ['f-credited'], carrierReference: 'T-2' }, 'd-2', T1);
    await findingsTable(db).update('f-credited', { status: 'credited' });
    const deletion = await loadInvoiceDeletion(db, invoice.id);
    expect(deletion?.disputes).toEqual(['the dispute with ticket T-1']);
    expect(deletion && deletionSentences(deletion)[1]).toBe(
      '3 findings name it: 2 disputed ones stay in the dispute with ticket T-1, which can then no ' +
        'longer list this invoice’s charge lines in its letter; 1 credited, dismissed or resolved ' +
        'stays as it is.',
    );
    // Marked disputed with no dispute recorded: it stays disputed, no empty dispute named.
    await findingsTable(db).update('f-disputed', { status: 'open' });
    const unrecorded = await loadInvoiceDeletion(db, invoice.id);
    expect(unrecorded && deletionSentences(unrecorded)[1]).toContain(
      '1 disputed one stays disputed;',
    );
  });

  it('read live, follows a finding saved while the question is open', async () => {
    // DeleteInvoice.tsx reads the question's facts through useLiveQuery (Dexie's liveQuery): the
    // checks save findings in the background after an import.
    const invoice = await storedInvoice();
    const said: string[] = [];
    let seen = 0;
    let next: () => void = () => undefined;
    const subscription = liveQuery(() => loadInvoiceDeletion(db, invoice.id)).subscribe({
      next: (deletion) => {
        said.push(deletion === null ? 'gone' : (deletionSentences(deletion)[1] ?? ''));
        seen += 1;
        next();
      },
    });
    const emitted = (count: number) =>
      new Promise<void>((resolve) => {
        next = () => seen >= count && resolve();
        next();
      });
    try {
      await emitted(1);
      expect(said).toEqual(['No finding names it.']);
      await findingsTable(db).add(findingOn(invoice, 'f-late', 'open'));
      await emitted(2);
      expect(said.at(-1)).toBe(
        '1 finding names it: 1 open one the next check finds no more on other bills is marked resolved.',
      );
    } finally {
      subscription.unsubscribe();
    }
  });
});
