import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PINNED_TODAY } from '../helpers/clock';
import { TemDeskDatabase } from '../../renderer/db/database';
import { commitImport } from '../../renderer/db/import-commit';
import {
  addAliasKey,
  addService,
  billedHistory,
  serviceHistory,
  updateServices,
} from '../../renderer/db/inventory';
import {
  checkInventoryDrafts,
  commitInventoryImport,
  commitSiteImport,
} from '../../renderer/db/inventory-import';
import { addDays, isoDate } from '../../shared/dates';
import { guessInventoryMapping, readInventoryRows } from '../../shared/inventory/import';
import { readTabularFile } from '../../shared/inventory/table-file';
import { readSiteRows } from '../../shared/inventory/sites-file';
import { disconnectPatch } from '../../shared/inventory/edits';
import { cents } from '../../shared/money/cents';
import { makeDraft, makeDraftInvoice, makeDraftLine, textBytes } from '../helpers/drafts';
import type { Service } from '../../shared/model';
import { makeService, makeSite } from '../helpers/inventory';
import { makeContract } from '../unit/contracts/helpers';

const ACCOUNT_1 = {
  id: 'account-1',
  carrierId: 'carrier-1',
  accountNumber: '5-ACME-001',
  status: 'open',
} as const;

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`inventory-test-${++counter}`);
  await db.open();
  await db.carriers.add({ id: 'carrier-1', name: 'Lumen' });
  await db.accounts.add(ACCOUNT_1);
  await db.sites.bulkAdd([
    makeSite(),
    makeSite({ id: 'site-2', code: 'STR-0200', name: 'Store 200' }),
  ]);
  await db.costCenters.bulkAdd([
    { id: 'cc-1', code: '4100', name: 'Retail', active: true },
    { id: 'cc-old', code: '4999', name: 'Closed', active: false },
  ]);
});
afterEach(async () => {
  await db.delete();
});

/** Adds `service-1` and `service-2` (555-010-0002), the second with `second` on top. */
async function addTwoServices(second: Partial<Service> = {}) {
  await addService(db, makeService());
  await addService(
    db,
    makeService({
      id: 'service-2',
      serviceIdRaw: '555-010-0002',
      serviceKey: '+15550100002',
      ...second,
    }),
  );
}

describe('inventory changes', () => {
  it('adds a service with a first history entry, and refuses a duplicate identifier', async () => {
    expect(await addService(db, makeService())).toEqual({ ok: true, value: 'service-1' });
    expect(await addService(db, makeService({ id: 'again' }))).toMatchObject({
      ok: false,
      errors: [{ message: '555-010-0001 is already in the inventory.' }],
    });
    expect((await serviceHistory(db, 'service-1')).map((e) => e.summary)).toEqual([
      'Added at STR-0142 Store 142',
    ]);
  });

  it('adds a number ported in from another carrier beside its old, disconnected line', async () => {
    await db.carriers.add({ id: 'carrier-2', name: 'Verizon Wireless' });
    await db.accounts.add({ ...ACCOUNT_1, id: 'account-2', carrierId: 'carrier-2' });
    await addService(db, makeService({ status: 'disconnected' }));
    expect(
      await addService(
        db,
        makeService({ id: 'ported', carrierId: 'carrier-2', accountId: 'account-2' }),
      ),
    ).toEqual({ ok: true, value: 'ported' });
  });

  it('bulk-edits several services in one go, each with its history, and refuses a closed cost center', async () => {
    await addTwoServices();
    expect(
      await updateServices(db, ['service-1', 'service-2'], { costCenterId: 'cc-old' }),
    ).toMatchObject({ ok: false });
    expect(
      await updateServices(
        db,
        ['service-1', 'service-2'],
        { costCenterId: 'cc-1', siteId: 'site-2' },
        'moved',
      ),
    ).toEqual({ ok: true, value: 2 });
    expect((await db.services.toArray()).map((s) => [s.costCenterId, s.siteId])).toEqual([
      ['cc-1', 'site-2'],
      ['cc-1', 'site-2'],
    ]);
    const history = await serviceHistory(db, 'service-2');
    expect(history.at(-1)?.summary).toBe(
      'Moved — Site: STR-0142 Store 142 → STR-0200 Store 200; Cost center: — → 4100 Retail',
    );
  });

  it('refuses to move a service to a closed site, with a sentence', async () => {
    await db.sites.add(makeSite({ id: 'site-closed', code: 'STR-0900', status: 'closed' }));
    await addService(db, makeService());
    expect(await updateServices(db, ['service-1'], { siteId: 'site-closed' }, 'moved')).toEqual({
      ok: false,
      errors: [
        {
          column: 'Site',
          value: 'site-closed',
          message:
            'This site is closed, so no service can be moved to it; pick an open site, or reopen the site under Sites and cost centers first.',
        },
      ],
    });
    expect((await db.services.get('service-1'))?.siteId).toBe('site-1');
  });

  it("moves services to another carrier's account with the account's carrier, and says so in the history", async () => {
    await db.carriers.add({ id: 'carrier-2', name: 'Verizon Wireless' });
    const verizon = { id: 'account-2', carrierId: 'carrier-2', accountNumber: '842012345-00001' };
    await db.accounts.add({ ...ACCOUNT_1, ...verizon });
    await addTwoServices();
    expect(
      await updateServices(db, ['service-1', 'service-2'], { accountId: 'account-2' }),
    ).toEqual({ ok: true, value: 2 });
    expect((await db.services.toArray()).map((s) => [s.accountId, s.carrierId])).toEqual([
      ['account-2', 'carrier-2'],
      ['account-2', 'carrier-2'],
    ]);
    expect((await serviceHistory(db, 'service-2')).at(-1)?.summary).toBe(
      'Edited — Account: 5-ACME-001 → 842012345-00001; Carrier: Lumen → Verizon Wireless',
    );
  });

  it("lets go of the old carrier's contract when services move to another carrier's account", async () => {
    await db.carriers.add({ id: 'carrier-2', name: 'Verizon Wireless' });
    await db.accounts.add({ ...ACCOUNT_1, id: 'account-2', carrierId: 'carrier-2' });
    await db.contracts.add(makeContract({ id: 'ctr-lumen', carrierId: 'carrier-1' }));
    await addService(db, makeService({ contractId: 'ctr-lumen' }));
    await updateServices(db, ['service-1'], { accountId: 'account-2' });
    expect((await db.services.get('service-1'))?.contractId).toBeUndefined();
    expect((await serviceHistory(db, 'service-1')).at(-1)?.summary).toContain(
      'Contract: Lumen MPLS 2024 → —',
    );
  });

  it('disconnects with status and date together', async () => {
    await addService(db, makeService());
    await updateServices(
      db,
      ['service-1'],
      disconnectPatch(isoDate(2026, 10, 31), PINNED_TODAY),
      'disconnected',
    );
    expect(await db.services.get('service-1')).toMatchObject({
      status: 'disconnected',
      disconnectedOn: '2026-10-31',
    });
  });

  it('refuses a disconnect before the install date, and saves it on none of the selected services', async () => {
    await addTwoServices({ activatedOn: isoDate(2026, 11, 1) });
    const outcome = await updateServices(
      db,
      ['service-1', 'service-2'],
      disconnectPatch(isoDate(2026, 10, 31), PINNED_TODAY),
      'disconnected',
    );
    expect(outcome).toEqual({
      ok: false,
      errors: [
        {
          column: 'Disconnected on',
          message:
            '555-010-0002: The disconnect date 2026-10-31 is before the install date 2026-11-01; a service cannot be disconnected before it was installed.',
        },
      ],
    });
    expect((await db.services.toArray()).map((s) => [s.id, s.status])).toEqual([
      ['service-1', 'active'],
      ['service-2', 'active'],
    ]);
  });

  it('maps a billed identifier to a service and shows what it was billed, month by month', async () => {
    await addService(db, makeService());
    for (const [month, number] of [
      [9, 'INV-9'],
      [10, 'INV-10'],
    ] as const) {
      const invoice = makeDraftInvoice({
        carrierName: 'Lumen',
        invoiceNumber: number,
        invoiceDate: isoDate(2026, month, 1),
        sourceFile: `${number}.csv`,
      });
      const lines = [
        makeDraftLine(invoice, 'recurring', 45_00),
        makeDraftLine(invoice, 'recurring', 20_00, {
          serviceIdRaw: '555-010-0999',
          serviceKey: '+15550100999',
        }),
      ];
      await commitImport(db, {
        uploads: [
          {
            fileName: `${number}.csv`,
            bytes: textBytes(number),
            fileHash: number.padEnd(64, '0'),
            memberNames: [`${number}.csv`],
          },
        ],
        drafts: [makeDraft([invoice], lines)],
      });
    }
    const service = await db.services.get('service-1');
    if (!service) throw new Error('missing');
    expect(await billedHistory(db, service)).toEqual([
      { month: '2026-10', invoiceNumber: 'INV-10', amount: cents(45_00), lines: 1 },
      { month: '2026-09', invoiceNumber: 'INV-9', amount: cents(45_00), lines: 1 },
    ]);
    await addAliasKey(db, 'service-1', '+15550100999', '555-010-0999');
    const mapped = await db.services.get('service-1');
    if (!mapped) throw new Error('missing');
    expect((await billedHistory(db, mapped))[0]).toMatchObject({ amount: 65_00, lines: 2 });
    expect((await serviceHistory(db, 'service-1')).at(-1)?.kind).toBe('matched');
  });
});

describe('inventory files', () => {
  const csv = (rows: string[]) =>
    new TextEncoder().encode(
      [
        'Site Code,Site Name,Cost Center,Carrier,Account Number,Service Type,Service ID,Plan,Expected Monthly Cost,Status',
        ...rows,
      ].join('\n'),
    );

  async function importRows(rows: string[]) {
    const table = readTabularFile('inventory.csv', csv(rows));
    if (!table.ok) throw new Error('unreadable');
    const { drafts } = readInventoryRows(
      table.value,
      guessInventoryMapping(table.value.header),
      PINNED_TODAY,
    );
    return { drafts, problems: await checkInventoryDrafts(db, drafts) };
  }

  it('adds new services, sites, carriers and accounts, and updates known services on a second import', async () => {
    const first = await importRows([
      'STR-0300,Store 300,,Windstream,WS-100,internet,DHEC.554433..WIN,100M DIA,850,active',
      'STR-0142,,4100,Lumen,5-ACME-001,mobile-line,555-010-0001,Business Unlimited,45,active',
    ]);
    expect(first.problems).toEqual([]);
    expect(await commitInventoryImport(db, first.drafts, 'inventory.csv')).toEqual({
      added: 2,
      updated: 0,
      sitesCreated: 1,
      accountsCreated: 1,
      carriersCreated: 1,
    });

    const second = await importRows([
      'STR-0300,Store 300,,Windstream,WS-100,internet,dhec-554433-win,200M DIA,950,active',
    ]);
    expect(await commitInventoryImport(db, second.drafts, 'inventory-v2.csv')).toMatchObject({
      added: 0,
      updated: 1,
    });
    const circuit = await db.services.where('serviceKey').equals('DHEC554433WIN').first();
    expect(circuit).toMatchObject({ plan: '200M DIA', expectedMonthlyCents: 950_00 });
    expect(
      (await db.services.toArray()).find((s) => s.serviceIdRaw === '555-010-0001')?.costCenterId,
    ).toBe('cc-1');
    expect((await serviceHistory(db, circuit?.id ?? '')).map((e) => e.summary)).toEqual([
      'Added from inventory.csv, row 2',
      'Updated from inventory-v2.csv, row 2',
    ]);
    expect((await serviceHistory(db, circuit?.id ?? '')).at(-1)?.changes).toEqual({
      Plan: ['100M DIA', '200M DIA'],
      'Monthly cost': ['$850.00', '$950.00'],
    });
  });

  describe('a second file with fewer columns', () => {
    /** Imports a file of its own header and rows; the stored services after it. */
    async function importFile(header: string, rows: string[], name: string) {
      const table = readTabularFile(name, textBytes([header, ...rows].join('\n')));
      if (!table.ok) throw new Error('unreadable');
      const { drafts, errors } = readInventoryRows(
        table.value,
        guessInventoryMapping(table.value.header),
        PINNED_TODAY,
      );
      expect(errors).toEqual([]);
      await commitInventoryImport(db, drafts, name);
      return (await db.services.toArray()).sort((a, b) =>
        (a.serviceKey ?? '').localeCompare(b.serviceKey ?? ''),
      );
    }
    const full = [
      'Site Code,Cost Center,Carrier,Account Number,Service Type,Service ID,Description,Plan,Expected Monthly Cost,Status,Install Date,Contract ID,User,Department',
      [
        'STR-0142,4100,Lumen,5-ACME-001,mobile-line,555-010-0001,iPhone,Business Unlimited,45.00,active,2024-03-15,,Ann,Sales',
        'STR-0142,4100,Lumen,5-ACME-001,mobile-line,555-010-0002,iPhone,Business Unlimited,45.00,pending-disconnect,2024-03-15,,Bob,Sales',
      ],
    ] as const;
    const kept = {
      type: 'mobile-line',
      description: 'iPhone',
      plan: 'Business Unlimited',
      expectedMonthlyCents: 45_00,
      activatedOn: '2024-03-15',
      userName: 'Ann',
      department: 'Sales',
    };

    const { userName: _user, ...withoutUser } = kept;

    it.each<[string, string, string[], Record<string, unknown>[]]>([
      [
        'a status update keeps every field it does not name',
        'Site Code,Carrier,Account Number,Service ID,Status,Disconnect Date',
        [
          'STR-0142,Lumen,5-ACME-001,(555) 010-0001,disconnected,2026-11-30',
          'STR-0142,Lumen,5-ACME-001,5550100002,pending-disconnect,2026-12-31',
        ],
        [
          { ...kept, status: 'disconnected', disconnectedOn: '2026-11-30' },
          { status: 'pending-disconnect', disconnectedOn: '2026-12-31', userName: 'Bob' },
        ],
      ],
      [
        'a disconnect date today or earlier with no Status column disconnects, a pending disconnect stays pending',
        'Site Code,Carrier,Account Number,Service ID,Disconnect Date',
        [
          `STR-0142,Lumen,5-ACME-001,555-010-0001,${PINNED_TODAY}`,
          'STR-0142,Lumen,5-ACME-001,555-010-0002,2026-12-31',
        ],
        [
          { ...kept, status: 'disconnected', disconnectedOn: PINNED_TODAY },
          { status: 'pending-disconnect', disconnectedOn: '2026-12-31' },
        ],
      ],
      [
        'a disconnect date after today with no Status column is a disconnect to come: the active service stays in service, pending, with its date',
        'Site Code,Carrier,Account Number,Service ID,Disconnect Date',
        [`STR-0142,Lumen,5-ACME-001,555-010-0001,${addDays(PINNED_TODAY, 1)}`],
        [{ ...kept, status: 'pending-disconnect', disconnectedOn: addDays(PINNED_TODAY, 1) }],
      ],
      [
        'a blank cell of a column the file has clears its field',
        'Site Code,Carrier,Account Number,Service ID,User',
        ['STR-0142,Lumen,5-ACME-001,555-010-0001,'],
        [{ ...withoutUser, status: 'active' }],
      ],
    ])('%s', async (_, header, rows, expected) => {
      await importFile(full[0], [...full[1]], 'inventory.csv');
      const services = await importFile(header, rows, 'update.csv');
      expect(services.slice(0, expected.length)).toEqual(
        expected.map((fields) => expect.objectContaining(fields)),
      );
      if (!('userName' in (expected[0] ?? {}))) expect(services[0]?.userName).toBeUndefined();
    });
  });

  it('refuses a cost center that does not exist, naming the row', async () => {
    const { problems } = await importRows([
      'STR-0300,Store 300,9999,Windstream,WS-100,internet,DHEC.554433..WIN,100M DIA,850,active',
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'Cost Center',
        message:
          'Row 2, column "Cost Center": there is no cost center “9999” (by code or name); add it to the Cost centers list, import a cost centers file, or create it in Set up from files.',
      }),
    ]);
  });
});

describe('site files', () => {
  it('adds and updates sites by code in one transaction, refusing unknown cost centers', async () => {
    const draft = (code: string, costCenterCode = '') => ({
      row: 2,
      code,
      name: `Store ${code}`,
      street: '',
      city: 'Austin',
      state: 'TX',
      postalCode: '',
      country: 'US',
      costCenterCode,
      status: 'active' as const,
      openedOn: undefined,
      closedOn: undefined,
    });
    expect(await commitSiteImport(db, [draft('STR-0142', '4100'), draft('STR-0900')])).toEqual({
      ok: true,
      added: 1,
      updated: 1,
    });
    expect((await db.sites.where('code').equals('STR-0142').first())?.city).toBe('Austin');
    expect(await db.sites.count()).toBe(3);
    const refused = await commitSiteImport(db, [draft('STR-0901'), draft('STR-0902', 'NOPE')]);
    expect(refused).toMatchObject({ ok: false, errors: [{ row: 2, column: 'Cost Center' }] });
    expect(await db.sites.count()).toBe(3);
  });

  /** Reads a sites file and commits it; the stored STR-0142 after it. */
  async function importSites(lines: string[]) {
    const table = readTabularFile('sites.csv', textBytes(lines.join('\n')));
    if (!table.ok) throw new Error('unreadable');
    const { drafts, errors } = readSiteRows(table.value);
    expect(errors).toEqual([]);
    expect(await commitSiteImport(db, drafts)).toMatchObject({ ok: true });
    return db.sites.where('code').equals('STR-0142').first();
  }

  it.each<[string, string[], Record<string, unknown>]>([
    [
      'a file of codes and cost centers keeps addresses, dates and a closed site closed',
      ['Site Code,Site Name,Cost Center', 'STR-0142,Store 142,4999'],
      {
        street: '1 Main St',
        city: 'Austin',
        region: 'TX',
        postalCode: '78701',
        costCenterId: 'cc-old',
        status: 'closed',
        openedOn: '2019-01-15',
        closedOn: '2026-06-30',
      },
    ],
    [
      'a blank cell of a column the file has clears its field',
      ['Site Code,Site Name,Address', 'STR-0142,Store 142,'],
      { city: 'Austin', costCenterId: 'cc-1', status: 'closed' },
    ],
  ])('on a second, narrower sites file: %s', async (_, lines, expected) => {
    await importSites([
      'Site Code,Site Name,Address,City,State,Postal Code,Cost Center,Status,Opened,Closed',
      'STR-0142,Store 142,1 Main St,Austin,TX,78701,4100,Closed,2019-01-15,2026-06-30',
    ]);
    const site = await importSites(lines);
    expect(site).toMatchObject(expected);
    if (!('street' in expected)) expect(site?.street).toBeUndefined();
  });
});
