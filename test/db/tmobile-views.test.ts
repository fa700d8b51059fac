/**
 * T-Mobile's Summary and Detail exports of one bill through the app's path (pipeline, stored
 * companions re-read, plan, Dexie), in every order: one invoice, its lines the detail's, counted
 * once — never refused as a repeated invoice, never stored twice. A later file completes the
 * stored invoice, which keeps its id.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storedInvoiceRefs } from '../../renderer/db/attach-usage';
import { loadChargeLines } from '../../renderer/db/charges';
import { readWithCompanions } from '../../renderer/db/companions';
import { TemDeskDatabase } from '../../renderer/db/database';
import { commitImport, findImportConflicts } from '../../renderer/db/import-commit';
import type { UploadedFile } from '../../shared/import/archive';
import { readBills } from '../../shared/import/read-bill';
import { uploadsFor } from '../helpers/doors';
import {
  TMOBILE_INVOICE,
  TMOBILE_SUMMARY_ROWS,
  TMOBILE_TOTAL,
  tmobileDetailFile,
  tmobileSummaryFile,
} from '../helpers/tmobile-bill';

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`tmobile-views-${++counter}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** Reads files as the app's import does (stored invoices told, companions re-read). */
async function planFiles(files: UploadedFile[]) {
  const storedInvoices = await storedInvoiceRefs(db);
  const { outcomes } = await readWithCompanions(db, files, async (all) =>
    readBills(all, { storedInvoices }),
  );
  const drafts = outcomes.flatMap((o) => (o.kind === 'draft' ? [o.draft] : []));
  const input = { uploads: uploadsFor(files, drafts), drafts };
  return { outcomes, input, conflicts: await findImportConflicts(db, input) };
}

async function importFiles(files: UploadedFile[]) {
  const { input, conflicts } = await planFiles(files);
  expect(conflicts).toEqual([]);
  expect((await commitImport(db, input)).ok).toBe(true);
}

/** The one stored invoice, its lines' files and total. */
async function storedBill() {
  const invoices = await db.invoices.toArray();
  expect(invoices).toHaveLength(1);
  const [invoice] = invoices;
  const lines = await loadChargeLines(db, invoice?.id ?? '');
  return {
    id: invoice?.id,
    invoiceNumber: invoice?.invoiceNumber,
    linesTotal: invoice?.linesTotal,
    parts: invoice?.parts?.map((part) => part.kind),
    lineFiles: [...new Set(lines.map((line) => line.sourceFile))],
    usage: (await db.usage.get(invoice?.id ?? ''))?.records.length ?? 0,
  };
}

const JOINED = {
  invoiceNumber: TMOBILE_INVOICE,
  linesTotal: TMOBILE_TOTAL,
  parts: ['bill', 'summary'],
  lineFiles: ['T-Mobile Detail.csv'],
  usage: 2,
};

describe('a T-Mobile summary and detail of one bill', () => {
  it('picked together: one invoice, read from the detail', async () => {
    await importFiles([tmobileSummaryFile(), tmobileDetailFile()]);
    expect(await storedBill()).toMatchObject(JOINED);
  });

  it('the summary first, the detail later: the detail completes the stored invoice', async () => {
    await importFiles([tmobileSummaryFile()]);
    const before = await storedBill();
    expect(before).toMatchObject({ linesTotal: TMOBILE_TOTAL, parts: ['summary'], usage: 0 });
    await importFiles([tmobileDetailFile()]);
    expect(await storedBill()).toMatchObject({ ...JOINED, id: before.id });
  });

  it('the detail first, a summary naming no invoice number later: it joins the stored invoice', async () => {
    await importFiles([tmobileDetailFile()]);
    const before = await storedBill();
    expect(before).toMatchObject({ parts: ['bill'], linesTotal: TMOBILE_TOTAL });
    const summary = tmobileSummaryFile('summary.csv', TMOBILE_SUMMARY_ROWS, {
      invoiceNumber: false,
    });
    await importFiles([summary]);
    expect(await storedBill()).toMatchObject({ ...JOINED, id: before.id });
  });

  it('another summary of it after both: refused as stored, the bill still counted once', async () => {
    await importFiles([tmobileSummaryFile(), tmobileDetailFile()]);
    const again = tmobileSummaryFile('summary again.csv', TMOBILE_SUMMARY_ROWS, {
      invoiceNumber: false,
    });
    const { conflicts } = await planFiles([again]);
    expect(conflicts.map((conflict) => conflict.kind)).toEqual(['invoice-exists']);
    expect(await storedBill()).toMatchObject(JOINED);
  });
});
