import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpWorkspace, restoreWorkspace } from '../../renderer/db/backup';
import { TemDeskDatabase } from '../../renderer/db/database';
import { deleteInvoiceWithUndo } from '../../renderer/db/invoices';
import { clearSampleData } from '../../renderer/db/sample-data';
import { CHARGE_CATEGORIES } from '../../shared/model';
import { loadChargeLines } from '../../renderer/db/charges';
import { loadSampleIntoDb } from '../helpers/sample-db';

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`service-totals-test-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

/** Sums of an invoice's lines per `category|serviceKey`, the slow way. */
async function sumsFromLines(invoiceId: string): Promise<Map<string, number>> {
  const sums = new Map<string, number>();
  for (const line of await loadChargeLines(db, invoiceId)) {
    const key = `${line.category}|${line.serviceKey ?? ''}`;
    sums.set(key, (sums.get(key) ?? 0) + line.amount);
  }
  return sums;
}

describe('per-service totals of each invoice', () => {
  it('are stored at import and equal the sums of the lines, to the cent, for every invoice', async () => {
    await loadSampleIntoDb(db);
    const invoices = await db.invoices.toArray();
    expect(await db.serviceTotals.count()).toBe(invoices.length);
    for (const invoice of invoices.slice(0, 25)) {
      const totals = await db.serviceTotals.get(invoice.id);
      if (!totals) throw new Error(`no totals for ${invoice.invoiceNumber}`);
      const stored = new Map<string, number>();
      totals.keys.forEach((key, i) => {
        const category = CHARGE_CATEGORIES[totals.categories[i] ?? -1];
        stored.set(`${category}|${key}`, totals.amounts[i] ?? Number.NaN);
      });
      expect(stored).toEqual(await sumsFromLines(invoice.id));
      expect([...totals.amounts].reduce((a, b) => a + b, 0)).toBe(invoice.linesTotal);
    }
  });

  it('leave with their invoice, come back on Undo, and go with the sample company', async () => {
    await loadSampleIntoDb(db);
    const invoice = (await db.invoices.toArray())[0];
    if (!invoice) throw new Error('no invoice');
    const before = await db.serviceTotals.get(invoice.id);
    const undo = await deleteInvoiceWithUndo(db, invoice.id);
    expect(await db.serviceTotals.get(invoice.id)).toBeUndefined();
    await undo();
    expect(await db.serviceTotals.get(invoice.id)).toEqual(before);

    await clearSampleData(db);
    expect(await db.serviceTotals.count()).toBe(0);
  });

  it('are computed when a backup from before they existed is restored', async () => {
    await loadSampleIntoDb(db);
    const dump = await dumpWorkspace(db);
    const expected = dump.tables.serviceTotals;
    delete dump.tables.serviceTotals;
    await restoreWorkspace(db, dump);
    expect(await db.serviceTotals.count()).toBe(expected?.length);
    expect(await db.serviceTotals.toArray()).toEqual(expect.arrayContaining(expected ?? []));
  });
});
