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
  TMOBILE_ACCOUNT,
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

  it('a summary naming no invoice number first, the detail later: one invoice, not two', async () => {
    const summary = tmobileSummaryFile('summary.csv', TMOBILE_SUMMARY_ROWS, {
      invoiceNumber: false,
    });
    await importFiles([summary]);
    const before = await storedBill();
    const madeUp = `${TMOBILE_ACCOUNT}-20230811`;
    expect(before).toMatchObject({ invoiceNumber: madeUp, parts: ['summary'], usage: 0 });
    await importFiles([tmobileDetailFile()]);
    // Its lines are the detail's, the summary its part; the number it was stored under is kept
    // (findings and disputes key on it) and the carrier's is recorded in its history.
    expect(await storedBill()).toMatchObject({
      ...JOINED,
      invoiceNumber: madeUp,
      parts: ['bill', 'summary'],
      id: before.id,
    });
    const [invoice] = await db.invoices.toArray();
    expect(invoice?.history?.at(-1)?.note).toContain(`invoice number is ${TMOBILE_INVOICE}`);
  });

  it('a summary of another bill cycle, then the detail: two invoices', async () => {
    const june = tmobileSummaryFile('june summary.csv', TMOBILE_SUMMARY_ROWS, {
      invoiceNumber: false,
    });
    const text = new TextDecoder()
      .decode(june.bytes)
      .replaceAll('Jul 12, 2023 - Aug 11, 2023', 'Jun 12, 2023 - Jul 11, 2023');
    await importFiles([{ name: june.name, bytes: new TextEncoder().encode(text) }]);
    await importFiles([tmobileDetailFile()]);
    const numbers = (await db.invoices.toArray()).map((invoice) => invoice.invoiceNumber).sort();
    expect(numbers).toEqual([`${TMOBILE_ACCOUNT}-20230711`, TMOBILE_INVOICE]);
  });
});
