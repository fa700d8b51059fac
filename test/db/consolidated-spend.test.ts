/**
 * An AT&T raw data FAN invoice imported as the app imports it: its per-service totals keep the
 * BAN each line is billed on, and a contract naming a BAN spends that BAN's lines on the Contracts
 * page and the dashboard, as the audit counts them (`test/unit/audit/consolidated-spend.test.ts`).
 */
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_HISTORY } from '../../renderer/db/schema';
import { packChargeLines, type PackableLine } from '../../shared/storage/charge-blocks';
import { serviceTotalsOfBlocks } from '../../shared/storage/service-totals';
import { spendByContractByMonth } from '../../renderer/db/contracts';
import { TemDeskDatabase } from '../../renderer/db/database';
import { loadChargeLines } from '../../renderer/db/charges';
import { accountNumberKey } from '../../shared/ids/keys';
import type { Account, Contract } from '../../shared/model';
import { cents } from '../../shared/money/cents';
import { importInApp } from '../helpers/app-import';

const FILE = 'test/fixtures/carriers/att-raw-data-consolidated.synthetic.txt';

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`consolidated-spend-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('a FAN invoice over several BANs', () => {
  it('keeps each line’s BAN in its per-service totals, and a contract naming a BAN spends its lines', async () => {
    const { outcome } = await importInApp(
      db,
      [{ name: 'att-raw-data.txt', bytes: new Uint8Array(readFileSync(FILE)) }],
      { now: new Date('2026-11-02T09:00:00Z') },
    );
    if (!outcome.ok) throw new Error('not imported');
    const [invoice] = await db.invoices.toArray();
    if (invoice === undefined) throw new Error('no invoice');
    const lines = await loadChargeLines(db, invoice.id);
    const bans = [...new Set(lines.map((line) => line.accountNumber ?? ''))];
    expect(bans.filter((ban) => ban !== '').length).toBeGreaterThan(1);
    expect(invoice.lineAccounts).toEqual(bans.filter((ban) => ban !== ''));

    // The totals, per BAN, are the lines', to the cent.
    const totals = await db.serviceTotals.get(invoice.id);
    expect(totals?.accounts).toHaveLength(totals?.keys.length ?? -1);
    const byBan = (ban: string) =>
      lines
        .filter((line) => (line.accountNumber ?? '') === ban)
        .reduce((sum, line) => sum + line.amount, 0);
    for (const ban of bans) {
      const stored = (totals?.keys ?? []).reduce(
        (sum, _key, i) =>
          sum + ((totals?.accounts?.[i] ?? '') === ban ? (totals?.amounts[i] ?? 0) : 0),
        0,
      );
      expect(stored, ban || 'the FAN').toBe(byBan(ban));
    }

    // The inventory holds the BAN; a contract names it.
    const ban = bans.find((number) => number !== '') ?? '';
    const account: Account = {
      id: 'acct-ban',
      carrierId: invoice.carrierId,
      accountNumber: ban,
      status: 'open',
    };
    const accounts = [...(await db.accounts.toArray()), account];
    expect(
      accounts.some(
        (a) => accountNumberKey(a.accountNumber) === accountNumberKey(invoice.accountNumber),
      ),
    ).toBe(true);
    const contract: Contract = {
      id: 'ctr-ban',
      carrierId: invoice.carrierId,
      name: 'Store contract',
      accountIds: ['acct-ban'],
      serviceIds: [],
      startDate: '2026-01-01' as Contract['startDate'],
      termMonths: 24,
      endDate: '2027-12-31' as Contract['endDate'],
      autoRenew: false,
      renewalTermMonths: 0,
      noticeDays: 60,
      marcCents: cents(0),
      status: 'active',
      rateCard: [],
    };
    const spend = await spendByContractByMonth(db, [contract], accounts, []);
    const months = [...(spend.get('ctr-ban')?.values() ?? [])];
    expect(months).toEqual([byBan(ban)]);
    expect(byBan(ban)).not.toBe(0);
  });
});

describe('per-service totals stored before they kept line accounts (schema version 5)', () => {
  it('are computed again from the stored lines when the database is opened', async () => {
    const name = `consolidated-upgrade-${++counter}`;
    const line = (amount: number, serviceIdRaw: string, accountNumber?: string): PackableLine => ({
      serviceIdRaw,
      serviceKey: serviceIdRaw === '' ? null : serviceIdRaw,
      description: 'Charge',
      category: 'recurring',
      quantity: null,
      amount: cents(amount),
      sourceFile: 'fan.txt',
      sourceRow: 2,
      ...(accountNumber === undefined ? {} : { accountNumber }),
    });
    const fan = packChargeLines('inv-fan', [
      line(100_00, 'L1', 'BAN-1'),
      line(50_00, 'L2', 'BAN-2'),
    ]);
    const plain = packChargeLines('inv-plain', [line(70_00, 'L3')]);
    // As version 5 stored them: totals without the lines' accounts.
    const { accounts: _accounts, ...withoutAccounts } = serviceTotalsOfBlocks('inv-fan', fan);
    const old = new Dexie(name);
    for (const entry of SCHEMA_HISTORY.filter((e) => e.version <= 5))
      old.version(entry.version).stores(entry.stores);
    await old.open();
    await old.table('invoices').bulkAdd([{ id: 'inv-fan' }, { id: 'inv-plain' }]);
    await old.table('chargeBlocks').bulkAdd([...fan, ...plain]);
    const plainTotals = serviceTotalsOfBlocks('inv-plain', plain);
    await old.table('serviceTotals').bulkAdd([withoutAccounts, plainTotals]);
    old.close();

    const upgraded = new TemDeskDatabase(name);
    try {
      await upgraded.open();
      const totals = await upgraded.serviceTotals.get('inv-fan');
      expect(totals?.accounts).toEqual(['BAN-1', 'BAN-2']);
      expect([...(totals?.amounts ?? [])]).toEqual([100_00, 50_00]);
      expect(await upgraded.serviceTotals.get('inv-plain')).toEqual(plainTotals);
      // The invoice lists the accounts its lines are billed on (the approval policy's services).
      expect((await upgraded.invoices.get('inv-fan'))?.lineAccounts).toEqual(['BAN-1', 'BAN-2']);
      expect(await upgraded.invoices.get('inv-plain')).toEqual({ id: 'inv-plain' });
    } finally {
      upgraded.close();
      await Dexie.delete(name);
    }
  });
});
