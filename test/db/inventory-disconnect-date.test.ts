/**
 * An inventory file without a Status column says a service's disconnect by its Disconnect Date
 * alone: a date after the import's day is a disconnect to come (pending), one on or before it a
 * disconnect done. A service a first file made pending is disconnected when the same file is
 * imported again once its date has come, as a service first read that day would be.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { PINNED_TODAY } from '../helpers/clock';
import { TemDeskDatabase } from '../../renderer/db/database';
import { commitInventoryImport } from '../../renderer/db/inventory-import';
import { addDays, type IsoDate } from '../../shared/dates';
import { guessInventoryMapping, readInventoryRows } from '../../shared/inventory/import';
import { readTabularFile } from '../../shared/inventory/table-file';
import { textBytes } from '../helpers/drafts';
import { makeSite } from '../helpers/inventory';

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`inventory-disconnect-date-${++counter}`);
  await db.open();
  await db.carriers.add({ id: 'carrier-1', name: 'Lumen' });
  await db.sites.add(makeSite());
});
afterEach(async () => {
  await db.delete();
});

const DISCONNECT = addDays(PINNED_TODAY, 10);
const FILE = [
  'Site Code,Carrier,Account Number,Service ID,Disconnect Date',
  `STR-0142,Lumen,5-ACME-001,555-010-0001,${DISCONNECT}`,
].join('\n');

/** Imports the file as of `today`; the service's status and date after it. */
async function importAsOf(today: IsoDate) {
  const table = readTabularFile('inventory.csv', textBytes(FILE));
  if (!table.ok) throw new Error('unreadable');
  const read = readInventoryRows(table.value, guessInventoryMapping(table.value.header), today);
  expect(read.errors).toEqual([]);
  await commitInventoryImport(db, read.drafts, 'inventory.csv');
  const [service] = await db.services.toArray();
  return { status: service?.status, disconnectedOn: service?.disconnectedOn };
}

it('a pending disconnect read from its date is disconnected when the file is imported again after that date', async () => {
  expect(await importAsOf(PINNED_TODAY)).toEqual({
    status: 'pending-disconnect',
    disconnectedOn: DISCONNECT,
  });
  // Before the date, still to come.
  expect(await importAsOf(addDays(DISCONNECT, -1))).toEqual({
    status: 'pending-disconnect',
    disconnectedOn: DISCONNECT,
  });
  // The date has come: disconnected, as the same row read by a first import that day.
  expect(await importAsOf(DISCONNECT)).toEqual({
    status: 'disconnected',
    disconnectedOn: DISCONNECT,
  });
});
