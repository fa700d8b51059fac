import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aggregateLines } from '../../shared/billing/aggregates';
import { BLOCK_SIZE } from '../../shared/storage/charge-blocks';
import {
  chargeBlocksOf,
  deleteChargeLines,
  loadChargeLines,
  putChargeLines,
  putManyChargeLines,
} from '../../renderer/db/charges';
import { TemDeskDatabase } from '../../renderer/db/database';
import { generateBillingVolume } from '../fixtures/generate/billing-volume';

let db: TemDeskDatabase;
let dbCounter = 0;

beforeEach(async () => {
  db = new TemDeskDatabase(`charges-test-${++dbCounter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('packed charge lines in IndexedDB', () => {
  it('stores an invoice of 2,500 lines as 3 blocks and reads them back identical, in order', async () => {
    const [generated] = generateBillingVolume({
      totalLines: 2500,
      carriers: 1,
      accountsPerCarrier: 1,
      months: 1,
    });
    if (!generated) throw new Error('generator gave nothing');
    const [fifth, seventh] = [generated.lines[5], generated.lines[7]];
    if (!fifth || !seventh) throw new Error('generator gave too few lines');
    generated.lines[5] = { ...fifth, quantity: null, periodStart: undefined };
    generated.lines[7] = { ...seventh, serviceIdRaw: '', serviceKey: null };
    await db.transaction('rw', db.invoices, db.chargeBlocks, db.serviceTotals, async () => {
      await db.invoices.add(generated.invoice);
      await putChargeLines(db, generated.invoice.id, generated.lines);
    });

    const blocks = await chargeBlocksOf(db, generated.invoice.id);
    expect(blocks.map((block) => block.count)).toEqual([BLOCK_SIZE, BLOCK_SIZE, 500]);
    expect(await db.chargeBlocks.count()).toBe(3);

    const lines = await loadChargeLines(db, generated.invoice.id);
    expect(lines).toEqual(
      generated.lines.map((line) => ({
        ...line,
        periodStart: line.periodStart,
        periodEnd: line.periodEnd,
      })),
    );
    expect(aggregateLines(lines).linesTotal).toBe(generated.invoice.linesTotal);
  });

  it('keeps each invoice’s blocks apart and replaces them on a second put', async () => {
    const [first, second] = generateBillingVolume({
      totalLines: 2400,
      carriers: 1,
      accountsPerCarrier: 1,
      months: 2,
    });
    if (!first || !second) throw new Error('generator gave too little');
    await putChargeLines(db, first.invoice.id, first.lines);
    await putChargeLines(db, second.invoice.id, second.lines);
    await putChargeLines(db, first.invoice.id, first.lines.slice(0, 10));

    expect(await loadChargeLines(db, first.invoice.id)).toHaveLength(10);
    expect(await loadChargeLines(db, second.invoice.id)).toEqual(second.lines);
    expect(await deleteChargeLines(db, second.invoice.id)).toBe(2);
    expect(await loadChargeLines(db, second.invoice.id)).toEqual([]);
  });

  it('writes nothing when the transaction fails midway', async () => {
    const [generated] = generateBillingVolume({
      totalLines: 1500,
      carriers: 1,
      accountsPerCarrier: 1,
      months: 1,
    });
    if (!generated) throw new Error('generator gave nothing');
    await expect(
      db.transaction('rw', db.invoices, db.chargeBlocks, db.serviceTotals, async () => {
        await db.invoices.add(generated.invoice);
        await putChargeLines(db, generated.invoice.id, generated.lines);
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await db.invoices.count()).toBe(0);
    expect(await db.chargeBlocks.count()).toBe(0);
  });

  it('stores many invoices at once, replacing the blocks and totals an invoice had', async () => {
    const [first, second] = generateBillingVolume({
      totalLines: 3000,
      carriers: 1,
      accountsPerCarrier: 2,
      months: 1,
    });
    if (!first || !second) throw new Error('generator gave too few invoices');
    const tables = [db.invoices, db.chargeBlocks, db.serviceTotals] as const;
    await db.transaction('rw', tables, async () => {
      await db.invoices.bulkAdd([first.invoice, second.invoice]);
      await putChargeLines(db, first.invoice.id, first.lines);
    });
    const kept = first.lines.slice(0, 10);
    const written = await db.transaction('rw', tables, () =>
      putManyChargeLines(db, [
        { invoiceId: first.invoice.id, lines: kept },
        { invoiceId: second.invoice.id, lines: second.lines },
      ]),
    );
    expect(written).toBe(1 + Math.ceil(second.lines.length / BLOCK_SIZE));
    expect(await loadChargeLines(db, first.invoice.id)).toEqual(kept);
    expect(await loadChargeLines(db, second.invoice.id)).toEqual(second.lines);
    const totals = await db.serviceTotals.get(first.invoice.id);
    const sum = [...(totals?.amounts ?? [])].reduce((a, b) => a + b, 0);
    expect(sum).toBe(aggregateLines(kept).linesTotal);
    expect(await db.serviceTotals.count()).toBe(2);
  });
});
