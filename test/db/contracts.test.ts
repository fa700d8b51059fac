import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import {
  alertWindowsFromText,
  deleteContract,
  loadContracts,
  readAlertWindows,
  removeAttachment,
  saveContract,
  writeAlertWindows,
} from '../../renderer/db/contracts';
import { commitImport } from '../../renderer/db/import-commit';
import { commitContractImport, planContractImport } from '../../renderer/db/contracts-import';
import { serviceHistory } from '../../renderer/db/inventory';
import { readContractRatesCsv, readContractsCsv } from '../../shared/contracts';
import { isoDate, isoMonth } from '../../shared/dates';
import type { Contract } from '../../shared/model';
import { cents } from '../../shared/money/cents';
import { makeDraft, makeDraftInvoice, makeDraftLine, textBytes } from '../helpers/drafts';
import { makeService } from '../helpers/inventory';

function makeContract(overrides: Partial<Contract> = {}): Contract {
  return {
    id: 'contract-1',
    carrierId: 'carrier-1',
    name: 'Lumen MPLS 2024',
    accountIds: ['account-1'],
    serviceIds: ['service-1'],
    startDate: isoDate(2024, 1, 1),
    termMonths: 36,
    endDate: isoDate(2026, 12, 31),
    autoRenew: true,
    renewalTermMonths: 12,
    noticeDays: 60,
    marcCents: cents(120_000_00),
    status: 'active',
    rateCard: [{ planOrServiceType: 'Business Unlimited', monthlyRateCents: cents(40_00) }],
    ...overrides,
  };
}

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`contracts-test-${++counter}`);
  await db.open();
  await db.carriers.bulkAdd([
    { id: 'carrier-1', name: 'Lumen' },
    { id: 'carrier-2', name: 'Verizon' },
  ]);
  await db.accounts.bulkAdd([
    { id: 'account-1', carrierId: 'carrier-1', accountNumber: '5-ACME-001', status: 'open' },
    { id: 'account-2', carrierId: 'carrier-2', accountNumber: '842-1', status: 'open' },
  ]);
  await db.services.bulkAdd([
    makeService(),
    makeService({ id: 'service-2', serviceIdRaw: '555-010-0002', serviceKey: '+15550100002' }),
  ]);
});
afterEach(async () => {
  await db.delete();
});

describe('saving a contract', () => {
  it('saves it with its files and links the services both ways', async () => {
    const file = { name: 'signed.pdf', bytes: textBytes('%PDF-1.4 signed') };
    const saved = await saveContract(db, makeContract(), [file]);
    expect(saved).toEqual({ ok: true, value: 'contract-1' });
    const stored = await db.contracts.get('contract-1');
    expect(stored?.attachmentIds).toHaveLength(1);
    const attachment = await db.attachments.get(stored?.attachmentIds?.[0] ?? '');
    expect(attachment).toMatchObject({ ownerId: 'contract-1', mediaType: 'application/pdf' });
    expect((await db.services.get('service-1'))?.contractId).toBe('contract-1');

    // The service leaves the contract: its link goes too; the file can be removed.
    await saveContract(db, { ...makeContract(), serviceIds: [], rateCard: [] });
    expect((await db.services.get('service-1'))?.contractId).toBeUndefined();
    const undoRemove = await removeAttachment(db, attachment?.id ?? '');
    expect(await db.attachments.count()).toBe(0);
    expect((await db.contracts.get('contract-1'))?.attachmentIds).toEqual([]);
    // Undo puts the file back, byte for byte, and on the contract.
    await undoRemove();
    expect(await db.attachments.get(attachment?.id ?? '')).toEqual(attachment);
    expect((await db.contracts.get('contract-1'))?.attachmentIds).toEqual([attachment?.id]);
  });

  it.each([
    [{ carrierId: 'nope' }, 'Carrier'],
    [{ name: '  ' }, 'Name'],
    [{ termMonths: 0 }, 'Term'],
    [{ endDate: isoDate(2023, 1, 1) }, 'End date'],
    [{ noticeDays: -1 }, 'Notice period'],
    [{ accountIds: ['account-2'] }, 'Accounts'],
    [{ rateCard: [{ monthlyRateCents: cents(10_00) }] }, 'Rate 1'],
    [{ rateCard: [{ serviceId: 'service-2', monthlyRateCents: cents(10_00) }] }, 'Rate 1'],
  ] satisfies [Partial<Contract>, string][])(
    'refuses %o with a sentence on %s',
    async (patch, column) => {
      const saved = await saveContract(db, makeContract(patch));
      expect(saved.ok).toBe(false);
      if (saved.ok) return;
      expect(saved.errors.map((e) => e.column)).toContain(column);
      expect(await db.contracts.count()).toBe(0);
    },
  );

  it('deletes a contract with its files and unlinks its services', async () => {
    await saveContract(db, makeContract(), [{ name: 'a.txt', bytes: textBytes('a') }]);
    const before = {
      contract: await db.contracts.get('contract-1'),
      files: await db.attachments.toArray(),
      service: await db.services.get('service-1'),
    };
    const undo = await deleteContract(db, 'contract-1');
    expect(await db.contracts.count()).toBe(0);
    expect(await db.attachments.count()).toBe(0);
    expect((await db.services.get('service-1'))?.contractId).toBeUndefined();
    // Undo restores the contract, its files and the service's link exactly.
    await undo();
    expect({
      contract: await db.contracts.get('contract-1'),
      files: await db.attachments.toArray(),
      service: await db.services.get('service-1'),
    }).toEqual(before);
  });
});

describe('spend by contract', () => {
  it('gives each contract its own services: the account’s contract does not also count a service another contract holds', async () => {
    for (const [month, number] of [
      [9, 'INV-9'],
      [10, 'INV-10'],
    ] as const) {
      const invoice = makeDraftInvoice({
        invoiceNumber: number,
        invoiceDate: isoDate(2026, month, 1),
        sourceFile: `${number}.csv`,
      });
      await commitImport(db, {
        uploads: [
          {
            fileName: `${number}.csv`,
            bytes: textBytes(number),
            fileHash: number.padEnd(64, '0'),
            memberNames: [`${number}.csv`],
          },
        ],
        drafts: [
          makeDraft(
            [invoice],
            [
              makeDraftLine(invoice, 'recurring', 45_00),
              makeDraftLine(invoice, 'recurring', 20_00, {
                serviceIdRaw: '555-010-0002',
                serviceKey: '+15550100002',
              }),
            ],
          ),
        ],
      });
    }
    await saveContract(db, makeContract());
    await saveContract(
      db,
      makeContract({ id: 'contract-2', accountIds: [], serviceIds: ['service-2'], rateCard: [] }),
    );
    const data = await loadContracts(db);
    expect([...(data.spend.get('contract-1') ?? [])]).toEqual([
      ['2026-09', 45_00],
      ['2026-10', 45_00],
    ]);
    expect(data.spend.get('contract-2')?.get(isoMonth(2026, 10))).toBe(20_00);
  });
});

describe('alert windows setting', () => {
  it('defaults to 120, 90, 45, 30 and stores what the user types', async () => {
    expect(await readAlertWindows(db)).toEqual([120, 90, 45, 30]);
    const read = alertWindowsFromText('30; 60 90');
    expect(read).toEqual({ ok: true, value: [90, 60, 30] });
    if (read.ok) await writeAlertWindows(db, read.value);
    expect(await readAlertWindows(db)).toEqual([90, 60, 30]);
    expect(alertWindowsFromText('soon').ok).toBe(false);
  });
});

describe('importing contracts', () => {
  const contractsFile = textBytes(
    [
      'Contract ID,Carrier,Name,Accounts,Start Date,Term Months,End Date,Auto Renew,Renewal Term Months,Notice Days,MARC,Status',
      'LUM-1,lumen,Lumen data,5-ACME-001;5-ACME-002,2024-01-01,36,,Yes,12,60,"120,000.00",active',
      'CC-1,Comcast,,99-1,2025-03-01,24,,No,0,30,,in review',
    ].join('\n'),
  );
  const ratesFile = (serviceId: string) =>
    textBytes(
      [
        'Contract ID,Plan Or Service Type,Service ID,Monthly Rate',
        'LUM-1,Business Unlimited,,40.00',
        `LUM-1,,${serviceId},35.00`,
      ].join('\n'),
    );

  it('resolves carriers and accounts by name, adds missing ones, and commits in one go', async () => {
    const contracts = readContractsCsv(contractsFile);
    const rates = readContractRatesCsv(ratesFile('555-010-0002'));
    expect(contracts.errors).toEqual([]);
    const plan = await planContractImport(db, contracts.rows, rates.rows);
    expect(plan).toMatchObject({ created: 2, updated: 0, rates: 2, refusals: [] });
    expect(plan.newCarriers.map((c) => c.name)).toEqual(['Comcast']);
    expect(plan.newAccounts.map((a) => a.accountNumber)).toEqual(['5-ACME-002', '99-1']);

    const outcome = await commitContractImport(db, contracts.rows, rates.rows);
    expect(outcome).toEqual({ ok: true, value: { created: 2, updated: 0, rates: 2 } });
    const lumen = await db.contracts.get('LUM-1');
    expect(lumen).toMatchObject({
      carrierId: 'carrier-1',
      endDate: '2026-12-31',
      marcCents: 120_000_00,
      serviceIds: ['service-2'],
    });
    expect(lumen?.accountIds[0]).toBe('account-1');
    expect(lumen?.rateCard).toEqual([
      { planOrServiceType: 'Business Unlimited', monthlyRateCents: 40_00 },
      { serviceId: 'service-2', monthlyRateCents: 35_00 },
    ]);
    expect((await db.services.get('service-2'))?.contractId).toBe('LUM-1');
    expect((await db.contracts.get('CC-1'))?.status).toBe('in-review');

    // The same file again updates instead of duplicating.
    const again = await commitContractImport(db, contracts.rows, []);
    expect(again).toEqual({ ok: true, value: { created: 0, updated: 2, rates: 0 } });
    expect((await db.contracts.get('LUM-1'))?.rateCard).toHaveLength(2);
  });

  it('updates a contract entered by hand when the file names it by its contract number', async () => {
    await saveContract(
      db,
      makeContract({ id: 'contract-typed', contractNumber: 'LUM-1', notes: 'Signed by CFO' }),
    );
    const contracts = readContractsCsv(contractsFile);
    const rates = readContractRatesCsv(ratesFile('555-010-0002'));
    const outcome = await commitContractImport(db, contracts.rows, rates.rows);
    expect(outcome).toEqual({ ok: true, value: { created: 1, updated: 1, rates: 2 } });
    expect((await db.contracts.toArray()).map((c) => c.id).sort()).toEqual([
      'CC-1',
      'contract-typed',
    ]);
    expect(await db.contracts.get('contract-typed')).toMatchObject({
      contractNumber: 'LUM-1',
      name: 'Lumen data',
      notes: 'Signed by CFO',
      rateCard: [
        { planOrServiceType: 'Business Unlimited', monthlyRateCents: 40_00 },
        { serviceId: 'service-2', monthlyRateCents: 35_00 },
      ],
    });
    expect((await db.services.get('service-2'))?.contractId).toBe('contract-typed');
  });

  it.each<[string, string, string, Partial<Contract>]>([
    [
      'keeps what a column the file lacks says (notice, MARC, renewal, amended end, accounts)',
      'Contract ID,Carrier,Start Date,Term Months,Status',
      'LUM-1,Lumen,2024-01-01,36,negotiating',
      {
        name: 'Lumen data',
        endDate: isoDate(2027, 1, 31),
        autoRenew: true,
        renewalTermMonths: 12,
        noticeDays: 60,
        marcCents: cents(120_000_00),
        status: 'negotiating',
      },
    ],
    [
      'computes the end again from a new term',
      'Contract ID,Carrier,Start Date,Term Months',
      'LUM-1,Lumen,2024-01-01,24',
      { endDate: isoDate(2025, 12, 31), noticeDays: 60, termMonths: 24 },
    ],
    [
      'reads a blank cell of a column the file has as its default',
      'Contract ID,Carrier,Start Date,Term Months,Notice Days,MARC',
      'LUM-1,Lumen,2024-01-01,36,,',
      { endDate: isoDate(2027, 1, 31), noticeDays: 0, marcCents: cents(0) },
    ],
    [
      // 2 months before the kept end 2027-01-31 is 2026-11-30, 62 days (61 before 2026-12-31).
      'counts months of notice back from the amended end it keeps',
      'Contract ID,Carrier,Start Date,Term Months,Renewal Term Months,Notice Days',
      'LUM-1,Lumen,2024-01-01,36,12,2 months',
      { endDate: isoDate(2027, 1, 31), noticeDays: 62 },
    ],
  ])('on a second, narrower contracts file: %s', async (_, header, line, expected) => {
    const first = readContractsCsv(
      textBytes(
        [
          'Contract ID,Carrier,Name,Accounts,Start Date,Term Months,End Date,Auto Renew,Renewal Term Months,Notice Days,MARC,Status',
          'LUM-1,Lumen,Lumen data,5-ACME-001,2024-01-01,36,2027-01-31,Yes,12,60,"120,000.00",active',
        ].join('\n'),
      ),
    );
    expect((await commitContractImport(db, first.rows, [])).ok).toBe(true);
    const second = readContractsCsv(textBytes(`${header}\n${line}\n`));
    expect(second.errors).toEqual([]);
    expect(await commitContractImport(db, second.rows, [])).toEqual({
      ok: true,
      value: { created: 0, updated: 1, rates: 0 },
    });
    const stored = await db.contracts.get('LUM-1');
    expect(stored).toMatchObject(expected);
    expect(stored?.accountIds).toEqual(['account-1']);
    expect(stored).not.toHaveProperty('absentColumns');
    expect(stored).not.toHaveProperty('noticeMonths');
  });

  it('keeps allowances and month-to-month rates a second rates file has no columns for', async () => {
    const contracts = readContractsCsv(contractsFile);
    const first = readContractRatesCsv(
      textBytes(
        [
          'Contract ID,Plan Or Service Type,Service ID,Monthly Rate,Month-to-Month Rate,Data Allowance GB,Voice Minutes Allowance,Messages Allowance',
          'LUM-1,Business Unlimited,,40.00,55.00,unlimited,unlimited,unlimited',
          'LUM-1,,555-010-0002,35.00,,6,1000,',
        ].join('\n'),
      ),
    );
    expect((await commitContractImport(db, contracts.rows, first.rows)).ok).toBe(true);
    const prices = readContractRatesCsv(
      textBytes(
        [
          'Contract ID,Plan,Service ID,Monthly Rate',
          'LUM-1,business  unlimited,,38.00',
          'LUM-1,,(555) 010-0002,33.00',
          'LUM-1,Data Only,,20.00',
        ].join('\n'),
      ),
    );
    expect(prices.errors).toEqual([]);
    expect((await commitContractImport(db, [], prices.rows)).ok).toBe(true);
    expect((await db.contracts.get('LUM-1'))?.rateCard).toEqual([
      {
        planOrServiceType: 'business  unlimited',
        monthlyRateCents: 38_00,
        monthToMonthRateCents: 55_00,
        dataAllowanceGb: 'unlimited',
        voiceMinutesAllowance: 'unlimited',
        messagesAllowance: 'unlimited',
      },
      {
        serviceId: 'service-2',
        monthlyRateCents: 33_00,
        dataAllowanceGb: 6,
        voiceMinutesAllowance: 1000,
      },
      { planOrServiceType: 'Data Only', monthlyRateCents: 20_00 },
    ]);
  });

  it("leaves another carrier's contract of the same number alone", async () => {
    await saveContract(
      db,
      makeContract({
        id: 'contract-typed',
        carrierId: 'carrier-2',
        name: 'Verizon wireless',
        accountIds: ['account-2'],
        serviceIds: [],
        contractNumber: 'LUM-1',
      }),
    );
    const contracts = readContractsCsv(contractsFile);
    const rates = readContractRatesCsv(ratesFile('555-010-0002'));
    const outcome = await commitContractImport(db, contracts.rows, rates.rows);
    expect(outcome).toEqual({ ok: true, value: { created: 2, updated: 0, rates: 2 } });
    expect(await db.contracts.get('contract-typed')).toMatchObject({
      carrierId: 'carrier-2',
      name: 'Verizon wireless',
      rateCard: [{ planOrServiceType: 'Business Unlimited', monthlyRateCents: 40_00 }],
    });
    expect(await db.contracts.get('LUM-1')).toMatchObject({
      carrierId: 'carrier-1',
      rateCard: [
        { planOrServiceType: 'Business Unlimited', monthlyRateCents: 40_00 },
        { serviceId: 'service-2', monthlyRateCents: 35_00 },
      ],
    });
  });

  it('keeps the services the inventory linked, and records each link a rate makes', async () => {
    await db.services.update('service-1', { contractId: 'LUM-1' });
    const contracts = readContractsCsv(contractsFile);
    const rates = readContractRatesCsv(ratesFile('555-010-0002'));
    expect((await commitContractImport(db, contracts.rows, rates.rows)).ok).toBe(true);
    expect((await db.services.get('service-1'))?.contractId).toBe('LUM-1');
    expect((await serviceHistory(db, 'service-1')).map((e) => e.summary)).toEqual([]);
    expect(await serviceHistory(db, 'service-2')).toMatchObject([
      {
        kind: 'edited',
        summary: 'Edited — Contract: — → Lumen data',
        changes: { Contract: ['—', 'Lumen data'] },
      },
    ]);
  });

  it('writes nothing when a rate names an unknown service', async () => {
    const contracts = readContractsCsv(contractsFile);
    const rates = readContractRatesCsv(ratesFile('NO-SUCH-CIRCUIT'));
    const outcome = await commitContractImport(db, contracts.rows, rates.rows);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors[0]).toMatchObject({ row: 3, column: 'Service ID' });
    expect(outcome.errors[0]?.message).toMatch(/^Row 3, column "Service ID": "NO-SUCH-CIRCUIT"/);
    expect(await db.contracts.count()).toBe(0);
    expect(await db.carriers.count()).toBe(2);
    expect(await db.accounts.count()).toBe(2);
  });
});
