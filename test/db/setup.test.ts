import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import { commitSetup, planSetupImport } from '../../renderer/db/setup';
import { sequentialIds } from '../../shared/ledger/org';
import { setupFixtures } from '../helpers/setup-files';

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`setup-test-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

/** Everything a set-up may write, sorted by id so two workspaces compare equal. */
async function workspace(database: TemDeskDatabase) {
  const byId = <T extends { id: string }>(records: T[]) =>
    records.sort((a, b) => a.id.localeCompare(b.id));
  return {
    costCenters: byId(await database.costCenters.toArray()),
    sites: byId(await database.sites.toArray()),
    carriers: byId(await database.carriers.toArray()),
    accounts: byId(await database.accounts.toArray()),
    contracts: byId(await database.contracts.toArray()),
    services: byId(await database.services.toArray()),
  };
}

describe('set up from files, committed', () => {
  it('commits exactly what the preview showed, or nothing when it showed a problem (any files, any order, any answer)', async () => {
    const files = setupFixtures();
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(files, { minLength: 1 }),
        fc.boolean(),
        async (picked, confirm) => {
          const database = new TemDeskDatabase(`setup-property-${++counter}`);
          await database.open();
          try {
            const confirmed = new Set(confirm ? ['7700'] : []);
            const preview = await planSetupImport(database, picked, confirmed, sequentialIds());
            const outcome = await commitSetup(
              database,
              picked,
              confirmed,
              new Date('2026-01-15T12:00:00Z'),
              sequentialIds(),
            );
            const stored = await workspace(database);
            if (preview.problemCount > 0) {
              expect(outcome.ok).toBe(false);
              expect(Object.values(stored).every((table) => table.length === 0)).toBe(true);
              return;
            }
            expect(outcome.ok).toBe(true);
            const byId = <T extends { id: string }>(records: T[]) =>
              [...records].sort((a, b) => a.id.localeCompare(b.id));
            expect(stored).toEqual({
              costCenters: byId(preview.writes.costCenters),
              sites: byId(preview.writes.sites),
              carriers: byId(preview.writes.carriers),
              accounts: byId(preview.writes.accounts),
              contracts: byId(preview.writes.contracts),
              services: byId(preview.writes.services),
            });
          } finally {
            await database.delete();
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('stores the whole company in one go once the code-only cost center is confirmed, with history', async () => {
    const outcome = await commitSetup(db, setupFixtures(), new Set(['7700']));
    expect(outcome).toEqual({
      ok: true,
      value: { costCenters: 4, sites: 5, contracts: 2, services: 5, rates: 3 },
    });
    const events = await db.serviceEvents.toArray();
    expect(events.filter((e) => e.kind === 'added')).toHaveLength(5);
    expect(events[0]?.summary).toBe('Added from file-4.csv, row 2');
  });

  it('writes nothing while a file has a problem', async () => {
    const outcome = await commitSetup(db, setupFixtures(), new Set());
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors[0]?.message).toContain('“7700”');
    expect(await db.costCenters.count()).toBe(0);
    expect(await db.services.count()).toBe(0);
  });
});
