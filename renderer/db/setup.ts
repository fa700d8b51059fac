/**
 * Set up from files: the plan (`shared/ledger/setup.ts`) shown in the preview, and the commit that
 * plans again inside ONE transaction and writes all of it, or nothing while a file has a problem.
 */
import type { NewRecordId } from '../../shared/ledger/records';
import { planSetup, setupCounts, setupNotes, type SetupPlan } from '../../shared/ledger/setup';
import type { SetupFile } from '../../shared/ledger/setup-files';
import { fail, ok, type Result } from '../../shared/result';
import { linkHistory } from './contracts-import';
import type { TemDeskDatabase } from './database';
import { historyOf } from './inventory-import';
import { loadInventory } from './inventory';
import { randomRecordId } from './record-ids';

/** The tables a set-up reads and writes. */
function setupTables(db: TemDeskDatabase) {
  return [
    db.costCenters,
    db.sites,
    db.carriers,
    db.accounts,
    db.contracts,
    db.services,
    db.serviceEvents,
  ];
}

/** What the files will do to the workspace as it is now: the preview. */
export async function planSetupImport(
  db: TemDeskDatabase,
  files: readonly SetupFile[],
  confirmedCodes: ReadonlySet<string>,
  newId: NewRecordId = randomRecordId,
): Promise<SetupPlan> {
  return planSetup(files, await loadInventory(db), { newId, confirmedCodes });
}

/**
 * What a set-up stored, for the message after it, with the notes on rows stored not as written
 * (an account number taken as a known one written with its leading zeros), when there are any.
 */
export type SetupSummary = ReturnType<typeof setupCounts> & { notes?: string[] };

/**
 * Writes the files in ONE transaction, planned again inside it (so the commit is the preview of
 * the data as it is now). Any problem in any file writes nothing and returns every problem.
 */
export async function commitSetup(
  db: TemDeskDatabase,
  files: readonly SetupFile[],
  confirmedCodes: ReadonlySet<string>,
  now = new Date(),
  newId: NewRecordId = randomRecordId,
): Promise<Result<SetupSummary>> {
  return db.transaction('rw', setupTables(db), async () => {
    const data = await loadInventory(db);
    const plan = planSetup(files, data, { newId, confirmedCodes });
    if (plan.problemCount > 0) {
      return fail(plan.files.flatMap((file) => file.problems.map((p) => ({ ...p }))));
    }
    if (
      plan.writes.costCenters.length +
        plan.writes.sites.length +
        plan.writes.contracts.length +
        plan.writes.services.length ===
      0
    )
      return fail('The files hold nothing to import.');
    const { writes } = plan;
    const inventoryFile = plan.files.find((file) => file.kind === 'inventory')?.name ?? '';
    const inventoryHistory = historyOf(
      plan.inventory,
      {
        ...data,
        costCenters: [...data.costCenters, ...writes.costCenters],
        contracts: [...data.contracts, ...writes.contracts],
      },
      inventoryFile,
      now.toISOString(),
    );
    const rateHistory = await linkHistory(db, plan.rates, now);
    await db.costCenters.bulkPut(writes.costCenters);
    await db.sites.bulkPut(writes.sites);
    await db.carriers.bulkAdd(writes.carriers);
    await db.accounts.bulkAdd(writes.accounts);
    await db.contracts.bulkPut(writes.contracts);
    await db.services.bulkPut(writes.services);
    await db.serviceEvents.bulkAdd([...inventoryHistory, ...rateHistory]);
    const notes = setupNotes(plan);
    return ok({ ...setupCounts(plan), ...(notes.length === 0 ? {} : { notes }) });
  });
}
