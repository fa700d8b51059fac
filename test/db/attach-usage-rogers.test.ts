/**
 * Rogers usage archives through the app's path: with the Rogers bill (a TEM Desk charges CSV) in
 * the same pick, or after it was imported, their usage lands on that invoice.
 */
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settleStoredUsage, storedInvoiceRefs } from '../../renderer/db/attach-usage';
import { TemDeskDatabase } from '../../renderer/db/database';
import { commitImport } from '../../renderer/db/import-commit';
import type { UploadedFile } from '../../shared/import/archive';
import type { BillDraft } from '../../shared/import/draft';
import { readBills } from '../../shared/import/read-bill';
import { uploadsFor } from '../helpers/doors';

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`attach-usage-rogers-${++counter}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const fixture = (path: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/carriers/${path}`, import.meta.url)));
const BILL: UploadedFile = {
  name: 'rogers-march.csv',
  bytes: fixture('rogers-bill.temdesk.csv'),
};
const SMS: UploadedFile = {
  name: 'sms.zip',
  bytes: zipSync({
    'Header-SMS.txt': fixture('rogers/Header-SMS.txt'),
    'ALL_CALLS-SMS.txt': fixture('rogers/ALL_CALLS-SMS.txt'),
  }),
};

async function importFiles(files: UploadedFile[]) {
  const outcomes = await settleStoredUsage(
    db,
    readBills(files, { storedInvoices: await storedInvoiceRefs(db) }),
  );
  const drafts = outcomes.flatMap((o): BillDraft[] => (o.kind === 'draft' ? [o.draft] : []));
  expect(drafts).toHaveLength(outcomes.length);
  const outcome = await commitImport(db, { uploads: uploadsFor(files, drafts), drafts });
  expect(outcome.ok).toBe(true);
  return outcome;
}

async function messagesByLine() {
  const [invoice] = await db.invoices.toArray();
  const usage = await db.usage.get(invoice?.id ?? '');
  return usage?.records.map((r) => [r.serviceKey, r.messages]);
}

describe('Rogers usage archive', () => {
  it('picked with the bill: one invoice, the archive’s usage on it', async () => {
    const outcome = await importFiles([BILL, SMS]);
    expect(outcome).toMatchObject({ attachedUsage: 2 });
    expect(await db.invoices.count()).toBe(1);
    expect(await messagesByLine()).toEqual([
      ['+14165550101', 2],
      ['+16475550103', 1],
    ]);
    expect(await db.importBatches.count()).toBe(2);
  });

  it('imported after the bill: the usage joins the stored invoice', async () => {
    await importFiles([BILL]);
    expect(await messagesByLine()).toBeUndefined();
    await importFiles([SMS]);
    expect(await messagesByLine()).toEqual([
      ['+14165550101', 2],
      ['+16475550103', 1],
    ]);
  });
});

describe('Rogers usage archive imported twice', () => {
  it('a Voice archive after the SMS one adds the minutes; the same archive again is refused', async () => {
    await importFiles([BILL, SMS]);
    const voice: UploadedFile = {
      name: 'voice.zip',
      bytes: zipSync({
        'Header-Voice.txt': fixture('rogers/Header-Voice.txt'),
        'ALL_CALLS-Voice-2.txt': fixture('rogers/ALL_CALLS-Voice-2.txt'),
      }),
    };
    // Line 0102 has no usage yet; line 0103 keeps its messages and gains its minutes.
    const outcome = await importFiles([voice]);
    expect(outcome).toMatchObject({ attachedUsage: 2 });
    const [invoice] = await db.invoices.toArray();
    const usage = await db.usage.get(invoice?.id ?? '');
    expect(usage?.records.map((r) => [r.serviceKey, r.minutes, r.messages])).toEqual([
      ['+14165550101', null, 2],
      ['+16475550103', 0.75, 1],
      ['+14165550102', 0.5, null],
    ]);
    const again = await settleStoredUsage(
      db,
      readBills([voice], { storedInvoices: await storedInvoiceRefs(db) }),
    );
    expect(again).toEqual([
      expect.objectContaining({
        kind: 'unreadable',
        message: expect.stringContaining('is already stored: it was imported earlier') as string,
      }),
    ]);
  });
});
