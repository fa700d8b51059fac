/**
 * Bills in several files through the app's path (pipeline, companion re-read, plan, Dexie): a
 * Verizon line summary stored alone is completed by its account summary imported later; a copy of
 * a part already stored is a conflict; carrier and account written another way are one record.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWithCompanions } from '../../renderer/db/companions';
import { TemDeskDatabase } from '../../renderer/db/database';
import { commitImport, findImportConflicts } from '../../renderer/db/import-commit';
import type { UploadedFile } from '../../shared/import/archive';
import { readBills } from '../../shared/import/read-bill';
import { cents } from '../../shared/money/cents';
import { uploadsFor } from '../helpers/doors';
import { makeDraft, makeDraftInvoice, makeDraftLine, textBytes } from '../helpers/drafts';

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`bill-parts-${++counter}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function fixture(name: string, as: string): UploadedFile {
  const url = new URL(`../fixtures/files/${name}`, import.meta.url);
  return { name: as, bytes: new Uint8Array(readFileSync(url)) };
}

const LINES = () => fixture('verizon-wireless-summary.txt', 'Account & Wireless Summary.txt');
const SUMMARY = () => fixture('verizon-account-summary.txt', 'AccountSummary.txt');

/** Reads files as the import does (with stored companions) and commits them. */
async function importFiles(files: UploadedFile[]) {
  const { outcomes, companions } = await readWithCompanions(db, files, async (all) =>
    readBills(all),
  );
  const drafts = outcomes.flatMap((o) => (o.kind === 'draft' ? [o.draft] : []));
  const uploads = uploadsFor(files, drafts);
  const input = { uploads, drafts };
  return { drafts, companions, conflicts: await findImportConflicts(db, input), input };
}

describe('a companion file imported later', () => {
  it('completes the stored invoice: one invoice, its stated total, its id, status and history kept', async () => {
    const first = await importFiles([LINES()]);
    expect(first.conflicts).toEqual([]);
    const stored = await commitImport(db, first.input);
    expect(stored.ok).toBe(true);
    const [before] = await db.invoices.toArray();
    expect(before?.statedTotal).toBeNull();
    await db.invoices.update(before?.id ?? '', {
      status: 'reviewed',
      history: [...(before?.history ?? []), { status: 'reviewed', at: '2026-11-02T10:00:00Z' }],
    });

    const second = await importFiles([SUMMARY()]);
    expect(second.companions.map((file) => file.name)).toEqual(['Account & Wireless Summary.txt']);
    expect(second.conflicts).toEqual([]);
    const [draft] = second.drafts;
    expect(draft?.invoices).toHaveLength(1);
    expect(draft?.invoices[0]?.statedTotal).toBe(145_26);
    expect(draft?.errors).toEqual([]);
    const outcome = await commitImport(db, second.input, { now: new Date('2026-11-03T09:00:00Z') });
    expect(outcome).toMatchObject({ ok: true, completedInvoices: 1, invoiceIds: [] });

    const invoices = await db.invoices.toArray();
    expect(invoices).toHaveLength(1);
    const [after] = invoices;
    expect(after?.id).toBe(before?.id);
    expect(after?.status).toBe('reviewed');
    expect(after?.statedTotal).toBe(145_26);
    expect(after?.linesTotal).toBe(145_26);
    expect(after?.parts?.map((part) => part.kind).sort()).toEqual([
      'account-summary',
      'wireless-summary',
    ]);
    // Each part points at the import that brought it; both originals are kept.
    expect(new Set(after?.parts?.map((part) => part.importBatchId)).size).toBe(2);
    expect(await db.originalFiles.count()).toBe(2);
    expect(after?.history?.at(-1)?.note).toBe('Completed with AccountSummary.txt');
  });

  it('a second file of a kind already stored is a copy: refused, unless replaced on purpose', async () => {
    await commitImport(db, (await importFiles([LINES(), SUMMARY()])).input);
    const copy = SUMMARY();
    copy.bytes = new Uint8Array([...copy.bytes, 0x0d, 0x0a]);
    const again = await importFiles([{ ...copy, name: 'AccountSummary (1).txt' }]);
    expect(again.companions).toEqual([]);
    expect(again.conflicts).toEqual([
      expect.objectContaining({ kind: 'invoice-exists', invoiceNumber: '9876543210' }),
    ]);
    expect(await commitImport(db, again.input)).toMatchObject({ ok: false });
    expect(await db.invoices.count()).toBe(1);
  });
});

describe('keys in the app door', () => {
  it('a carrier or account written another way is the same carrier, account and invoice', async () => {
    const first = makeDraftInvoice({
      carrierName: 'Verizon Wireless',
      accountNumber: '5-KE4X-001',
    });
    const input = (invoice: typeof first, hash: string) => ({
      uploads: [
        {
          fileName: `${hash}.csv`,
          bytes: textBytes(hash),
          fileHash: hash.padEnd(64, '0'),
          memberNames: [invoice.sourceFile],
        },
      ],
      drafts: [makeDraft([invoice], [makeDraftLine(invoice, 'recurring', 10_00)])],
    });
    expect(await commitImport(db, input(first, 'a1'))).toMatchObject({ ok: true });
    const variant = makeDraftInvoice({
      carrierName: ' verizon  WIRELESS ',
      accountNumber: '5KE4X001',
      invoiceNumber: 'INV-1002',
      statedTotal: cents(10_00),
    });
    expect(await commitImport(db, input(variant, 'b2'))).toMatchObject({ ok: true });
    expect(await db.carriers.count()).toBe(1);
    expect(await db.accounts.count()).toBe(1);
    const numbers = (await db.invoices.toArray()).map((i) => i.accountNumber);
    expect(numbers).toEqual(['5-KE4X-001', '5-KE4X-001']);
    // The same invoice number written another way is the invoice already stored.
    const same = makeDraftInvoice({
      carrierName: 'VERIZON-WIRELESS',
      accountNumber: '5 KE4X 001',
      invoiceNumber: 'inv 1002',
    });
    const conflicts = await findImportConflicts(db, input(same, 'c3'));
    expect(conflicts).toEqual([expect.objectContaining({ kind: 'invoice-exists' })]);
  });
});
