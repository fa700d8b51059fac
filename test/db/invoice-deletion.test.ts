import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import { createDispute } from '../../renderer/db/disputes';
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
      findings: { open: 1, disputed: 1, dismissed: 1, credited: 0, resolved: 0 },
      disputes: ['the dispute with ticket LUM-88121'],
    });
    expect(deletion && deletionSentences(deletion)).toEqual([
      'Its 2 charge lines and usage go with it, and its original file when no other stored invoice comes from it.',
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
});
