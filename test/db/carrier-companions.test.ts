/**
 * Canadian carriers' companion files imported later, through the app's path (pipeline, companion
 * re-read, plan, Dexie): a Bell ACC stored alone is completed by its MOB, a TELUS Invoice Summary
 * by its Individual Detail — one invoice each, its stated total kept and its lines replaced by
 * the per-line ones plus the account-level rest, so the total still reconciles. Their Canadian
 * dollars are converted at the rate given (0.7312 US dollars per 1 CAD) in both imports: the stated
 * total and the lines, converted, still agree to the cent.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWithCompanions } from '../../renderer/db/companions';
import { TemDeskDatabase } from '../../renderer/db/database';
import { loadChargeLines } from '../../renderer/db/charges';
import { commitImport, findImportConflicts } from '../../renderer/db/import-commit';
import type { UploadedFile } from '../../shared/import/archive';
import { readBills } from '../../shared/import/read-bill';
import { uploadsFor } from '../helpers/doors';

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`carrier-companions-${++counter}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function carrierFile(name: string, as: string): UploadedFile {
  const url = new URL(`../fixtures/carriers/${name}`, import.meta.url);
  return { name: as, bytes: new Uint8Array(readFileSync(url)) };
}

/** Reads files as the import does (with stored companions) and commits them. */
async function importFiles(files: UploadedFile[]) {
  const { outcomes, companions } = await readWithCompanions(db, files, async (all) =>
    readBills(all, { defaultInvoiceDetails: { exchangeRates: { CAD: '0.7312' } } }),
  );
  const drafts = outcomes.flatMap((o) => (o.kind === 'draft' ? [o.draft] : []));
  const input = { uploads: uploadsFor(files, drafts), drafts };
  expect(await findImportConflicts(db, input)).toEqual([]);
  const outcome = await commitImport(db, input);
  expect(outcome.ok).toBe(true);
  return { companions };
}

describe.each([
  {
    carrier: 'Bell',
    first: carrierFile('bell-acc.synthetic.csv', 'ACC.csv'),
    later: carrierFile('bell-mob.synthetic.csv', 'MOB.csv'),
    // $202.98 CAD × 0.7312 = 148.418976 → $148.42.
    stated: 148_42,
    written: '202.98',
    lines: { before: 9, after: 18 },
  },
  {
    carrier: 'TELUS',
    first: carrierFile('telus-invoice-summary.synthetic.txt', 'summary.txt'),
    later: carrierFile('telus-individual-detail.synthetic.txt', 'individual.txt'),
    // $71.92 CAD × 0.7312 = 52.587904 → $52.59.
    stated: 52_59,
    written: '71.92',
    lines: { before: 8, after: 10 },
  },
])('$carrier: the per-line file imported after the account summary', (set) => {
  it('completes the stored invoice, which still adds up to its stated total', async () => {
    await importFiles([set.first]);
    const [before] = await db.invoices.toArray();
    expect(before?.statedTotal).toBe(set.stated);
    expect(await loadChargeLines(db, before?.id ?? '')).toHaveLength(set.lines.before);

    const { companions } = await importFiles([set.later]);
    expect(companions.map((file) => file.name)).toEqual([set.first.name]);
    const invoices = await db.invoices.toArray();
    expect(invoices).toHaveLength(1);
    const [after] = invoices;
    expect(after?.id).toBe(before?.id);
    expect(after?.statedTotal).toBe(set.stated);
    expect(after?.linesTotal).toBe(set.stated);
    const lines = await loadChargeLines(db, after?.id ?? '');
    expect(lines).toHaveLength(set.lines.after);
    expect(lines.reduce((sum, line) => sum + line.amount, 0)).toBe(set.stated);
    expect(after?.exchange).toEqual({
      currency: 'CAD',
      usdPerUnit: '0.7312',
      originalAmount: set.written,
      // The bill's stated total in CAD: what the payment file pays.
      originalDue: set.written,
    });
  });
});
