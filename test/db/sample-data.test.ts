import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import { loadSampleIntoDb } from '../helpers/sample-db';
import { commitImport, type ImportToCommit } from '../../renderer/db/import-commit';
import {
  clearSampleData,
  hasSampleData,
  loadSampleOrganization,
  settleOlderSampleInvoices,
} from '../../renderer/db/sample-data';
import { isoDate } from '../../shared/dates';
import { makeDraft, makeDraftInvoice, makeDraftLine, textBytes } from '../helpers/drafts';

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`sample-test-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

function oneInvoice(
  fileName: string,
  carrierName: string,
  invoiceNumber: string,
  month: number,
  accountNumber = '5-ACME-001',
): ImportToCommit {
  const invoice = makeDraftInvoice({
    carrierName,
    accountNumber,
    invoiceNumber,
    invoiceDate: isoDate(2026, month, 1),
    sourceFile: fileName,
  });
  return {
    uploads: [
      {
        fileName,
        bytes: textBytes(fileName),
        fileHash: fileName.padEnd(64, '0'),
        memberNames: [fileName],
      },
    ],
    drafts: [makeDraft([invoice], [makeDraftLine(invoice, 'recurring', 50_00)])],
  };
}

describe('sample data', () => {
  it('settles older sample invoices as paid and clears exactly the sample, keeping the user’s own imports', async () => {
    await commitImport(db, oneInvoice('own.csv', 'Windstream', 'W-1', 9));
    await commitImport(db, oneInvoice('s1.csv', 'Lumen', 'L-9', 9), { sample: true });
    await commitImport(db, oneInvoice('s2.csv', 'Lumen', 'L-10', 10), { sample: true });
    expect(await hasSampleData(db)).toBe(true);

    expect(await settleOlderSampleInvoices(db)).toBe(1);
    const statuses = Object.fromEntries(
      (await db.invoices.toArray()).map((i) => [i.invoiceNumber, i.status]),
    );
    // L-10 bills what L-9 did: the approval policy approves it on the trailing average.
    expect(statuses).toEqual({ 'W-1': 'received', 'L-9': 'paid', 'L-10': 'approved' });

    expect(await clearSampleData(db)).toEqual({ invoices: 2 });
    expect((await db.invoices.toArray()).map((i) => i.invoiceNumber)).toEqual(['W-1']);
    expect((await db.carriers.toArray()).map((c) => c.name)).toEqual(['Windstream']);
    expect(await db.importBatches.count()).toBe(1);
    expect(await db.originalFiles.count()).toBe(1);
    expect(await db.chargeBlocks.count()).toBe(1);
    expect(await hasSampleData(db)).toBe(false);
  });

  it('keeps each account’s latest bill unsettled, also an account whose bill day has not come yet this month', async () => {
    // As of a day in November: one account has its November bill, the other's latest is October's
    // (due after today, say), which nobody has paid yet.
    await commitImport(db, oneInvoice('s1.csv', 'Lumen', 'L-10', 10), { sample: true });
    await commitImport(db, oneInvoice('s2.csv', 'Lumen', 'L-11', 11), { sample: true });
    await commitImport(db, oneInvoice('c1.csv', 'Lumen', 'V-9', 9, '167053811'), { sample: true });
    await commitImport(db, oneInvoice('c2.csv', 'Lumen', 'V-10', 10, '167053811'), {
      sample: true,
    });

    expect(await settleOlderSampleInvoices(db, new Date('2026-11-16T12:00:00.000Z'))).toBe(2);
    const paid = (await db.invoices.toArray())
      .filter((i) => i.status === 'paid')
      .map((i) => i.invoiceNumber)
      .sort();
    expect(paid).toEqual(['L-10', 'V-9']);
  });
});

describe('sample organization', () => {
  it('stores the sample inventory and contracts, and clearing removes them with the bills', async () => {
    const { generateSampleCompany } = await import('../fixtures/generate/sample-company');
    const company = generateSampleCompany({ months: 6, scale: 0.2 });
    await loadSampleOrganization(db, company);
    expect(await db.services.count()).toBe(company.services.length);
    expect(await db.sites.count()).toBe(company.sites.length);
    expect(await db.contracts.count()).toBe(company.contracts.length);
    expect(await hasSampleData(db)).toBe(true);
    await clearSampleData(db);
    expect([
      await db.services.count(),
      await db.sites.count(),
      await db.contracts.count(),
      await db.carriers.count(),
    ]).toEqual([0, 0, 0, 0]);
    expect(await hasSampleData(db)).toBe(false);
  });
});

describe('the sample company committed in one import', () => {
  it('ties every invoice to the file it came from, even when monthly ZIPs hold same-named members', async () => {
    await loadSampleIntoDb(db);
    const batches = new Map((await db.importBatches.toArray()).map((b) => [b.id, b.fileName]));
    const invoices = await db.invoices.toArray();
    const verizon = invoices.filter((i) =>
      (batches.get(i.importBatchId) ?? '').includes('verizon'),
    );
    expect(verizon.length).toBeGreaterThan(5);
    const mismatched = verizon.filter(
      (invoice) =>
        !(batches.get(invoice.importBatchId) ?? '').includes(invoice.invoiceDate.slice(0, 7)),
    );
    expect(mismatched).toEqual([]);
    expect(new Set(verizon.map((i) => i.importBatchId)).size).toBe(verizon.length / 2);
  });
});
