/**
 * The app and the CLI are one engine for an inventory whose account numbers a spreadsheet saved
 * as numbers (test/fixtures/xlsx/inventory-account-zeros.xlsx, written by LibreOffice: `0012345`
 * in a General cell saved as 12345, `0067890` in a `0000000` cell saved as 67890) and Verizon bills
 * of `0012345` and `0067890`. Inventory first: the account takes the bill's number. Bills first:
 * the set-up says which row's number it took as the bills' account. Either way one account, no
 * false `wrong-account`.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import { loadAuditSnapshot } from '../../renderer/db/findings';
import { commitSetup, planSetupImport } from '../../renderer/db/setup';
import { runAudit } from '../../shared/audit/run';
import { isoDate, isoMonth } from '../../shared/dates';
import { readSetupFile } from '../../shared/ledger/setup-files';
import { importInApp } from '../helpers/app-import';
import { accountZerosLines, verizonSummaryText } from '../helpers/verizon-summary';
import { throughApp, throughCli, type BillSet, type DiskFile } from '../helpers/doors';

const AS_OF = isoDate(2026, 11, 20);
const text = (path: string, content: string): DiskFile => ({
  path,
  bytes: new TextEncoder().encode(content),
});

const INVENTORY: DiskFile = {
  path: 'inventory-account-zeros.xlsx',
  bytes: new Uint8Array(
    readFileSync(new URL('../fixtures/xlsx/inventory-account-zeros.xlsx', import.meta.url)),
  ),
};

/** Verizon's line summary of October 2026 (its first account as `first` writes it). */
function verizonBill(first = '0012345'): DiskFile {
  return text(
    '2026-10/Account & Wireless Summary.txt',
    verizonSummaryText(accountZerosLines(first)),
  );
}

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`account-zeros-${++counter}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('account numbers a spreadsheet saved as numbers', () => {
  it('inventory first: the app and the CLI store one account under the bills’ number, no false finding', async () => {
    const set: BillSet = {
      sites: text('sites.csv', 'Site Code,Site Name,Cost Center\nSTR-0300,Store 300,4100\n'),
      inventory: INVENTORY,
      contracts: text(
        'contracts.csv',
        'Contract ID,Carrier,Accounts,Start Date,Term Months\nVZW-1,Verizon Wireless,0067890,2025-01-01,36\n',
      ),
      rates: text(
        'rates.csv',
        'Contract ID,Plan Or Service Type,Service ID,Monthly Rate\nVZW-1,Business Unlimited,,40.00\n',
      ),
      imports: [[verizonBill()]],
    };
    const cli = throughCli(set, AS_OF, isoMonth(2026, 10));
    const app = await throughApp(db, set, AS_OF, isoMonth(2026, 10));
    expect(app.findings).toEqual(cli.findings);
    expect(app.invoices).toEqual(cli.invoices);
    expect(app.chargeback).toEqual(cli.chargeback);
    expect(cli.findings.map((finding) => finding['ruleId'])).not.toContain('wrong-account');
    expect(cli.invoices.map((invoice) => invoice['accountNumber'])).toEqual(['0012345', '0067890']);
    expect((await db.accounts.toArray()).map((account) => account.accountNumber).sort()).toEqual([
      '0012345',
      '0067890',
    ]);
  });

  it('an account billed already keeps its number: a bill with its zeros is filed under it', async () => {
    // A bill saved by a spreadsheet (zeros lost) first, then the carrier's own file of another month.
    const now = { now: new Date('2026-11-20T12:00:00Z') };
    const cut = verizonBill('12345');
    const september = new TextDecoder()
      .decode(cut.bytes)
      .replaceAll('Oct 16, 2026', 'Sep 16, 2026')
      .replaceAll('8800000101', '8800000091')
      .replaceAll('8800000102', '8800000092');
    expect(
      (await importInApp(db, [{ name: 'sep.txt', bytes: text('', september).bytes }], now)).outcome
        .ok,
    ).toBe(true);
    expect(
      (await importInApp(db, [{ name: 'oct.txt', bytes: verizonBill().bytes }], now)).outcome.ok,
    ).toBe(true);
    expect((await db.accounts.toArray()).map((account) => account.accountNumber).sort()).toEqual([
      '0067890',
      '12345',
    ]);
    expect((await db.invoices.toArray()).map((invoice) => invoice.accountNumber).sort()).toEqual([
      '0067890',
      '0067890',
      '12345',
      '12345',
    ]);
    // October's bill again, re-saved (other bytes): a copy of the invoice stored under 12345.
    const resaved = new TextDecoder().decode(verizonBill().bytes).replace('Ann Lee', 'ANN LEE');
    const again = await importInApp(
      db,
      [{ name: 'oct-again.txt', bytes: text('', resaved).bytes }],
      now,
    );
    expect(
      again.conflicts.map((conflict) => [
        conflict.kind,
        'accountNumber' in conflict ? conflict.accountNumber : '',
      ]),
    ).toEqual([
      ['invoice-exists', '0012345'],
      ['invoice-exists', '0067890'],
    ]);
    expect(again.outcome.ok).toBe(false);
  });

  it('bills first: Set up from files takes 12345 as the bills’ 0012345 and says which row', async () => {
    const imported = await importInApp(
      db,
      [{ name: 'Account & Wireless Summary.txt', bytes: verizonBill().bytes }],
      { now: new Date('2026-11-20T12:00:00Z') },
    );
    expect(imported.outcome.ok).toBe(true);
    const files = [readSetupFile(INVENTORY.path, INVENTORY.bytes, AS_OF)];
    const note =
      'inventory-account-zeros.xlsx: Row 2: account 12345 is taken as Verizon Wireless account 0012345, already known: the same number without its leading zeros, which a spreadsheet drops when it saves an account number as a number (format the column as Text to keep them).';

    const preview = await planSetupImport(db, files, new Set());
    expect(preview.problemCount).toBe(0);
    expect(preview.writes.accounts).toEqual([]);
    expect(preview.files[0]?.notes?.map((n) => `${preview.files[0]?.name}: ${n.message}`)).toEqual([
      note,
    ]);
    const outcome = await commitSetup(db, files, new Set());
    expect(outcome).toMatchObject({ ok: true, value: { services: 2, notes: [note] } });

    const accounts = await db.accounts.toArray();
    expect(accounts.map((account) => account.accountNumber).sort()).toEqual(['0012345', '0067890']);
    const services = await db.services.toArray();
    expect(new Set(services.map((service) => service.accountId))).toEqual(
      new Set(accounts.map((account) => account.id)),
    );
    const { findings } = runAudit(await loadAuditSnapshot(db, AS_OF));
    expect(findings.filter((finding) => finding.ruleId === 'wrong-account')).toEqual([]);
  });
});
