/**
 * An invoice entered by hand is stored through the import commit: whole or not at all, with its
 * aggregates and per-service totals, its PDF as the original, refused or replaced when repeated,
 * undone exactly, and carried by a backup.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createBackup,
  dumpWorkspace,
  inspectBackup,
  restoreWorkspace,
} from '../../renderer/db/backup';
import { loadChargeLines } from '../../renderer/db/charges';
import { TemDeskDatabase } from '../../renderer/db/database';
import {
  loadLatestInvoice,
  loadManualInvoiceChoices,
  saveManualInvoice,
} from '../../renderer/db/manual-invoice';
import { copyLastMonth } from '../../shared/billing/manual-copy';
import type { ManualInvoice } from '../../shared/billing/manual-invoice';
import { checkManualInvoice } from '../../shared/billing/manual-invoice';
import type { IsoDate } from '../../shared/dates';
import { invoiceKey } from '../../shared/ids/keys';
import { CHARGE_CATEGORIES } from '../../shared/model';
import { cents } from '../../shared/money/cents';
import { textBytes } from '../helpers/drafts';
import { readBill } from '../helpers/read-bill';

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`manual-invoice-test-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const NOW = new Date('2026-11-05T10:00:00Z');
const PDF = { fileName: 'northwind-nov.pdf', bytes: textBytes('%PDF-1.4\n% a bill\n%%EOF\n') };

function entered(overrides: Partial<ManualInvoice> = {}): ManualInvoice {
  return {
    carrierName: 'Northwind Telecom',
    accountNumber: '88-1200-7',
    invoiceNumber: 'NW-2026-1101',
    invoiceDate: '2026-11-01' as IsoDate,
    dueDate: '2026-11-25' as IsoDate,
    periodStart: '2026-11-01' as IsoDate,
    periodEnd: '2026-11-30' as IsoDate,
    statedTotal: cents(1_234_56),
    lines: [
      {
        category: 'recurring',
        serviceIdRaw: '555-010-0001',
        serviceKey: '+15550100001',
        description: 'Line',
        amount: cents(1_100_00),
      },
      {
        category: 'tax',
        serviceIdRaw: '',
        serviceKey: null,
        description: 'Taxes',
        amount: cents(144_56),
      },
      {
        category: 'credit',
        serviceIdRaw: '',
        serviceKey: null,
        description: 'Promo',
        amount: cents(-10_00),
      },
    ],
    ...overrides,
  };
}

async function recordCounts() {
  return {
    batches: await db.importBatches.count(),
    files: await db.originalFiles.count(),
    carriers: await db.carriers.count(),
    accounts: await db.accounts.count(),
    invoices: await db.invoices.count(),
    blocks: await db.chargeBlocks.count(),
    totals: await db.serviceTotals.count(),
  };
}

describe('saveManualInvoice', () => {
  it('stores the invoice whole: aggregates, lines, per-service totals, the PDF as original', async () => {
    const saved = await saveManualInvoice(db, entered(), PDF, { now: NOW });
    if (!saved.ok) throw new Error(JSON.stringify(saved.conflicts));
    const invoice = await db.invoices.get(saved.invoiceId);
    expect(invoice).toMatchObject({
      accountNumber: '88-1200-7',
      invoiceNumber: 'NW-2026-1101',
      statedTotal: 1_234_56,
      linesTotal: 1_234_56,
      lineCount: 3,
      categoryTotals: { recurring: 1_100_00, tax: 144_56, credit: -10_00 },
      status: 'received',
      sourceFile: 'northwind-nov.pdf',
      dueDate: '2026-11-25',
      periodEnd: '2026-11-30',
    });
    expect(invoice?.history?.[0]?.note).toBe('Entered by hand with northwind-nov.pdf');
    const lines = await loadChargeLines(db, saved.invoiceId);
    expect(lines.map((line) => [line.category, line.amount, line.serviceKey])).toEqual([
      ['recurring', 1_100_00, '+15550100001'],
      ['tax', 144_56, null],
      ['credit', -10_00, null],
    ]);
    const totals = await db.serviceTotals.get(saved.invoiceId);
    const byKey = totals?.keys.map((key, i) => [
      key,
      CHARGE_CATEGORIES[totals.categories[i] ?? 0],
      totals.amounts[i],
    ]);
    expect(byKey).toEqual([
      ['+15550100001', 'recurring', 1_100_00],
      ['', 'tax', 144_56],
      ['', 'credit', -10_00],
    ]);
    const batch = await db.importBatches.get(invoice?.importBatchId ?? '');
    expect(batch).toMatchObject({
      fileName: 'northwind-nov.pdf',
      profileId: 'manual',
      importedAt: NOW.toISOString(),
    });
    expect(await db.originalFiles.get(batch?.id ?? '')).toMatchObject({
      mediaType: 'application/pdf',
      bytes: PDF.bytes,
    });
  });

  it('keeps what was typed as the original of a paper bill', async () => {
    const saved = await saveManualInvoice(db, entered(), null, { now: NOW });
    if (!saved.ok) throw new Error('not saved');
    const invoice = await db.invoices.get(saved.invoiceId);
    expect(invoice?.sourceFile).toBe('Entered by hand');
    const file = await db.originalFiles.get(invoice?.importBatchId ?? '');
    expect(file?.fileName).toBe('entered-by-hand-Northwind-Telecom-88-1200-7-NW-2026-1101.csv');
    const text = new TextDecoder().decode(file?.bytes);
    expect(text.split('\r\n')[1]).toBe(
      'Northwind Telecom,88-1200-7,NW-2026-1101,2026-11-01,2026-11-25,2026-11-01,2026-11-30,555-010-0001,Line,recurring,,1100.00,1234.56',
    );
    // It is TEM Desk's own charge-line CSV: the importer reads it back to the same invoice.
    const read = readBill([{ name: file?.fileName ?? '', bytes: file?.bytes ?? new Uint8Array() }]);
    if (read.kind !== 'draft') throw new Error(JSON.stringify(read));
    expect(read.draft.invoices[0]).toMatchObject({
      invoiceNumber: 'NW-2026-1101',
      statedTotal: 1_234_56,
    });
    expect(read.draft.lines.map((line) => line.amount)).toEqual([1_100_00, 144_56, -10_00]);
  });

  it('refuses the same invoice number for the account, stores nothing, and replaces it on purpose', async () => {
    const first = await saveManualInvoice(db, entered(), PDF, { now: NOW });
    expect(first.ok).toBe(true);
    const before = await recordCounts();
    const again = entered({ lines: entered().lines.slice(0, 1), statedTotal: cents(1_100_00) });
    const refused = await saveManualInvoice(db, again, null, { now: NOW });
    expect(refused).toEqual({
      ok: false,
      conflicts: [
        expect.objectContaining({ kind: 'invoice-exists', invoiceNumber: 'NW-2026-1101' }),
      ],
    });
    expect(await recordCounts()).toEqual(before);

    const beforeReplace = await dumpWorkspace(db);
    const replaced = await saveManualInvoice(db, again, null, { now: NOW, replace: true });
    if (!replaced.ok) throw new Error('not replaced');
    const invoices = await db.invoices.toArray();
    expect(invoices.map((invoice) => [invoice.id, invoice.linesTotal])).toEqual([
      [replaced.invoiceId, 1_100_00],
    ]);

    // Undo of the replacement brings the first entry back exactly.
    await replaced.undo();
    expect(await dumpWorkspace(db)).toEqual(beforeReplace);
  });

  it('recognises the same PDF entered twice', async () => {
    await saveManualInvoice(db, entered(), PDF, { now: NOW });
    const refused = await saveManualInvoice(db, entered({ invoiceNumber: 'OTHER-1' }), PDF, {
      now: NOW,
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.conflicts[0]).toMatchObject({
        kind: 'file-already-imported',
        fileName: 'northwind-nov.pdf',
      });
  });

  it('is undone exactly: the workspace is as it was, carrier and account it created included', async () => {
    const empty = await dumpWorkspace(db);
    const saved = await saveManualInvoice(db, entered(), PDF, { now: NOW });
    if (!saved.ok) throw new Error('not saved');
    expect((await recordCounts()).invoices).toBe(1);
    await saved.undo();
    expect(await dumpWorkspace(db)).toEqual(empty);
  });

  it('is in the backup and comes back from it', async () => {
    const saved = await saveManualInvoice(db, entered(), PDF, { now: NOW });
    if (!saved.ok) throw new Error('not saved');
    const before = await dumpWorkspace(db);
    const bytes = await createBackup(db, {
      appVersion: '0.1.0',
      now: NOW,
      organizationName: 'Acme',
    });
    await restoreWorkspace(db, { schemaVersion: before.schemaVersion, tables: {} });
    expect(await db.invoices.count()).toBe(0);
    const inspected = inspectBackup(bytes);
    if (!inspected.ok) throw new Error(JSON.stringify(inspected.errors));
    await restoreWorkspace(db, inspected.value.dump);
    expect(await dumpWorkspace(db)).toEqual(before);
    expect((await db.invoices.get(saved.invoiceId))?.linesTotal).toBe(1_234_56);
  });

  it('offers the stored invoices to the form check, and copies the latest invoice of the account', async () => {
    await saveManualInvoice(db, entered(), PDF, { now: NOW });
    await saveManualInvoice(
      db,
      entered({ invoiceNumber: 'NW-2026-1001', invoiceDate: '2026-10-01' as IsoDate }),
      null,
      { now: NOW },
    );
    const choices = await loadManualInvoiceChoices(db);
    expect(
      choices.storedInvoiceKeys.has(invoiceKey('Northwind Telecom', '88-1200-7', 'NW-2026-1101')),
    ).toBe(true);
    const carrierId = choices.carriers[0]?.id ?? '';
    const latest = await loadLatestInvoice(db, carrierId, '88-1200-7');
    expect(latest?.invoice.invoiceDate).toBe('2026-11-01');
    const form = copyLastMonth(
      latest ?? {
        carrierName: '',
        invoice: { accountNumber: '', invoiceNumber: '', invoiceDate: '2026-01-01' as IsoDate },
        lines: [],
      },
    );
    expect(form).toMatchObject({
      invoiceDate: '2026-12-01',
      periodEnd: '2026-12-31',
      mode: 'service',
    });
    const check = checkManualInvoice(
      { ...form, invoiceNumber: 'NW-2026-1101', statedTotal: '1234.56' },
      { storedInvoiceKeys: choices.storedInvoiceKeys },
    );
    expect(check.ok ? [] : check.errors.map((error) => [error.field, error.duplicate])).toEqual([
      ['invoiceNumber', true],
    ]);
  });
});
