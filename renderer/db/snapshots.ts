import type { Table } from 'dexie';
import type { TemDeskDatabase } from './database';

/** The records of some tables as they are now, to put back exactly on Undo. */
export interface TableSnapshot {
  tables: Record<string, unknown[]>;
}

export async function snapshotTables(
  db: TemDeskDatabase,
  tables: readonly Table[],
): Promise<TableSnapshot> {
  const snapshot: TableSnapshot = { tables: {} };
  await db.transaction('r', [...tables], async () => {
    for (const table of tables) snapshot.tables[table.name] = await table.toArray();
  });
  return snapshot;
}

/** Puts the snapshotted tables back as they were (in one transaction). */
export async function restoreSnapshot(db: TemDeskDatabase, snapshot: TableSnapshot): Promise<void> {
  const tables = Object.keys(snapshot.tables).map((name) => db.table(name));
  await db.transaction('rw', tables, async () => {
    for (const table of tables) {
      await table.clear();
      const records = snapshot.tables[table.name] ?? [];
      if (records.length > 0) await table.bulkAdd(records);
    }
  });
}
