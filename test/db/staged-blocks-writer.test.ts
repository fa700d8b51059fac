import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import {
  openStagingDatabase,
  planStaging,
  totalsParts,
  writeStagedBlocks,
} from '../../renderer/db/staged-blocks-writer';
import { packRows, serviceTotalsOfRows } from '../../shared/import/packed-blocks';
import { packedRowsByInvoice } from '../../shared/import/packed-drafts';
import { packDraftLines } from '../../shared/import/packed-lines';
import { makeDraft, makeDraftInvoice, makeDraftLine } from '../helpers/drafts';

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`staged-writer-test-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

/** A draft's packed lines: `invoices` invoices of `perInvoice` lines over 30 services. */
function packedLines(invoices: number, perInvoice: number) {
  const made = Array.from({ length: invoices }, (_, i) =>
    makeDraftInvoice({ invoiceNumber: `W-${i}`, sourceFile: 'w.csv', statedTotal: null }),
  );
  const lines = made.flatMap((invoice) =>
    Array.from({ length: perInvoice }, (_, row) =>
      makeDraftLine(invoice, 'recurring', 2_00 + row, {
        sourceRow: row + 2,
        serviceKey: `+1555010${String(row % 30).padStart(4, '0')}`,
      }),
    ),
  );
  return packDraftLines(makeDraft(made, lines).lines);
}

function databaseNames(): Promise<string[]> {
  return indexedDB.databases().then((all) => all.flatMap(({ name }) => name ?? []));
}

describe("the import worker's writer of staged blocks", () => {
  it('writes each planned invoice the very blocks and totals the commit would make of its rows', async () => {
    const lines = [null, packedLines(3, 2_100)];
    let next = 0;
    const plan = planStaging(lines, () => `invoice-${++next}`);
    expect(plan[0]).toBeNull();
    expect(plan[1]?.map(({ invoiceId, rows, blocks }) => [invoiceId, rows, blocks])).toEqual([
      ['invoice-1', 2_100, 3],
      ['invoice-2', 2_100, 3],
      ['invoice-3', 2_100, 3],
    ]);
    const database = await openStagingDatabase(indexedDB, db.name);
    const totals = await writeStagedBlocks(database, lines, plan);
    database.close();

    const packed = lines[1];
    if (!packed) throw new Error('no lines');
    const expected = [...packedRowsByInvoice(packed).values()].map((rows, i) => ({
      blocks: packRows(`invoice-${i + 1}`, { packed, rows }),
      totals: serviceTotalsOfRows(`invoice-${i + 1}`, { packed, rows }),
    }));
    // Read back through Dexie: the records are stored as the app's own writes store them.
    expect(await db.chargeBlocks.toArray()).toEqual(expected.flatMap((e) => e.blocks));
    expect(totals).toEqual(expected.map((e) => e.totals));
  });

  it('opens only the database the page made: a missing one is refused and not created', async () => {
    await expect(openStagingDatabase(indexedDB, 'never-made-by-the-page')).rejects.toThrow();
    expect(await databaseNames()).not.toContain('never-made-by-the-page');
    expect(await databaseNames()).toContain(db.name);
  });
});

describe('the totals the worker sends the page', () => {
  it('go in parts of about 20,000 entries, every invoice once and in order', () => {
    const totals = (invoiceId: string, entries: number) => ({
      invoiceId,
      keys: Array.from({ length: entries }, (_, i) => `k${i}`),
      categories: new Uint8Array(entries),
      amounts: new Float64Array(entries),
    });
    const all = [
      totals('a', 12_000),
      totals('b', 9_000),
      totals('c', 30_000),
      totals('d', 5),
      totals('e', 1),
    ];
    const parts = totalsParts(all);
    expect(parts.map((part) => part.map((t) => t.invoiceId))).toEqual([
      ['a', 'b'],
      ['c'],
      ['d', 'e'],
    ]);
    expect(parts.flat()).toEqual(all);
    expect(totalsParts([])).toEqual([]);
  });
});
