/**
 * One carrier, one account, whatever the spelling, through both front doors: the app's inventory
 * and contracts imports (Dexie on fake-indexeddb) and the CLI's `buildWorkspace` read files that
 * write the carrier name and the account number with any spacing, case and punctuation, and each
 * ends with one carrier record and one account record that every service and contract points at.
 */
import { PINNED_TODAY } from '../helpers/clock';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildWorkspace } from '../../electron/cli/workspace';
import { commitContractImport } from '../../renderer/db/contracts-import';
import { TemDeskDatabase } from '../../renderer/db/database';
import { checkInventoryDrafts, commitInventoryImport } from '../../renderer/db/inventory-import';
import { readContractsCsv } from '../../shared/contracts/csv';
import { guessInventoryMapping, readInventoryRows } from '../../shared/inventory/import';
import { readTabularFile } from '../../shared/inventory/table-file';
import { spellingOf } from '../helpers/spelling';

const RUNS = 20;

/** Carrier and account as each file writes them. */
interface Spelling {
  carrier: string;
  account: string;
}

const spelling = fc.record({
  carrier: spellingOf('Verizon Wireless'),
  account: spellingOf('5-KE4X-001'),
});
/** Two inventory files (the second updates the first's services) and a contracts file. */
interface Files {
  inventory: Spelling[];
  update: Spelling[];
  contracts: Spelling;
}

const files: fc.Arbitrary<Files> = fc.record({
  inventory: fc.array(spelling, { minLength: 1, maxLength: 4 }),
  update: fc.array(spelling, { minLength: 1, maxLength: 4 }),
  contracts: spelling,
});

const bytes = (lines: readonly string[]) => new TextEncoder().encode(lines.join('\n'));

function inventoryFile(rows: readonly Spelling[]): Uint8Array {
  return bytes([
    'Site Code,Site Name,Carrier,Account Number,Service Type,Service ID',
    ...rows.map(
      (row, i) => `STR-0142,Store 142,${row.carrier},${row.account},mobile,555-010-000${i}`,
    ),
  ]);
}

function contractsFile(row: Spelling): Uint8Array {
  return bytes([
    'Contract ID,Carrier,Accounts,Start Date,Term Months',
    `VZ-1,${row.carrier},${row.account},2024-01-01,36`,
  ]);
}

function inventoryDrafts(file: Uint8Array) {
  const table = readTabularFile('inventory.csv', file);
  if (!table.ok) throw new Error(JSON.stringify(table.errors));
  const read = readInventoryRows(
    table.value,
    guessInventoryMapping(table.value.header),
    PINNED_TODAY,
  );
  expect(read.errors).toEqual([]);
  return read.drafts;
}

let counter = 0;

async function throughApp(input: Files) {
  const db = new TemDeskDatabase(`spellings-${++counter}`);
  await db.open();
  try {
    for (const rows of [input.inventory, input.update]) {
      const drafts = inventoryDrafts(inventoryFile(rows));
      expect(await checkInventoryDrafts(db, drafts)).toEqual([]);
      await commitInventoryImport(db, drafts, 'inventory.csv');
    }
    const contracts = readContractsCsv(contractsFile(input.contracts));
    expect(contracts.errors).toEqual([]);
    expect((await commitContractImport(db, contracts.rows, [])).ok).toBe(true);
    return {
      carriers: await db.carriers.toArray(),
      accounts: await db.accounts.toArray(),
      services: await db.services.toArray(),
      contracts: await db.contracts.toArray(),
    };
  } finally {
    db.close();
    await db.delete();
  }
}

function throughCli(input: Files) {
  return buildWorkspace({
    today: PINNED_TODAY,
    sites: { name: 'sites.csv', bytes: bytes(['Site Code,Site Name', 'STR-0142,Store 142']) },
    inventory: { name: 'inventory.csv', bytes: inventoryFile(input.inventory) },
    contracts: { name: 'contracts.csv', bytes: contractsFile(input.contracts) },
    rates: null,
    bills: { files: [] },
  });
}

function expectOneCarrierAndAccount(records: Awaited<ReturnType<typeof throughApp>>) {
  expect(records.carriers).toHaveLength(1);
  expect(records.accounts).toHaveLength(1);
  const [carrier] = records.carriers;
  const [account] = records.accounts;
  for (const service of records.services) {
    expect([service.carrierId, service.accountId]).toEqual([carrier?.id, account?.id]);
  }
  for (const contract of records.contracts) {
    expect([contract.carrierId, contract.accountIds]).toEqual([carrier?.id, [account?.id]]);
  }
}

describe('any spelling of a carrier or an account is one record', () => {
  it('through the app: two inventory imports and a contracts import', async () => {
    await fc.assert(
      fc.asyncProperty(files, async (input) => {
        expectOneCarrierAndAccount(await throughApp(input));
      }),
      { numRuns: RUNS },
    );
  });

  it('through the CLI: the inventory and contracts files of one run', () => {
    fc.assert(
      fc.property(files, (input) => {
        const workspace = throughCli(input);
        expectOneCarrierAndAccount(workspace);
        expect(workspace.services).toHaveLength(input.inventory.length);
      }),
      { numRuns: RUNS },
    );
  });
});
