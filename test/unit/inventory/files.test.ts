import { describe, expect, it } from 'vitest';
import { PINNED_TODAY } from '../../helpers/clock';
import { inventoryCsv, inventoryXlsx } from '../../../shared/inventory/export';
import {
  guessInventoryMapping,
  inventoryMappingProblems,
  readInventoryRows,
} from '../../../shared/inventory/import';
import { excelSerialToIso, readTabularFile } from '../../../shared/inventory/table-file';
import { readSiteRows, sitesCsv, sitesXlsx } from '../../../shared/inventory/sites-file';
import { cents } from '../../../shared/money/cents';
import { makeService, makeSite } from '../../helpers/inventory';

const bytes = (text: string) => new TextEncoder().encode(text);

function read(text: string) {
  const table = readTabularFile('inventory.csv', bytes(text));
  if (!table.ok) throw new Error(JSON.stringify(table.errors));
  return readInventoryRows(table.value, guessInventoryMapping(table.value.header), PINNED_TODAY);
}

describe('inventory files', () => {
  it('refuses a negative or fractional expected monthly cost, naming the row (never a false overcharge)', () => {
    const { drafts, errors } = read(
      [
        'Site Code,Carrier,Account Number,Type,Service ID,Expected Monthly Cost',
        'STR-0142,Verizon Wireless,842012345-00001,mobile,555-010-0001,(45.00)',
        'STR-0142,Verizon Wireless,842012345-00001,mobile,555-010-0002,45.004',
        'STR-0142,Verizon Wireless,842012345-00001,mobile,555-010-0003,45.00',
      ].join('\n'),
    );
    expect(drafts.map((draft) => [draft.serviceIdRaw, draft.monthly])).toEqual([
      ['555-010-0003', 4500],
    ]);
    expect(errors.map((error) => [error.row, error.message])).toEqual([
      [2, expect.stringContaining('The monthly cost cannot be negative; found "(45.00)".')],
      [3, expect.stringContaining('has fractions of a cent')],
    ]);
  });

  it('refuses a disconnect date before the install date, naming the row, the column and what was expected', () => {
    const { drafts, errors } = read(
      [
        'Site Code,Carrier,Account Number,Type,Service ID,Install Date,Disconnect Date',
        'STR-0142,Verizon Wireless,842012345-00001,mobile,555-010-0001,2026-03-01,2026-02-27',
        'STR-0142,Verizon Wireless,842012345-00001,mobile,555-010-0002,2026-03-01,2026-03-01',
      ].join('\n'),
    );
    expect(drafts.map((draft) => [draft.serviceIdRaw, draft.disconnectDate])).toEqual([
      ['555-010-0002', '2026-03-01'],
    ]);
    expect(errors.map((error) => [error.row, error.column, error.message])).toEqual([
      [
        2,
        'Disconnect Date',
        'Row 2, column "Disconnect Date": expected a disconnect date on or after the install date (2026-03-01) but found 2026-02-27; a service cannot be disconnected before it was installed.',
      ],
    ]);
  });

  it('refuses a Service ID that names no service a bill can match (N/A, masked), naming the row', () => {
    const { drafts, errors } = read(
      [
        'Site Code,Carrier,Account Number,Type,Service ID',
        'STR-0142,Verizon Wireless,842012345-00001,mobile,N/A',
        'STR-0142,Verizon Wireless,842012345-00001,mobile,***-***-0003',
        "STR-0142,Verizon Wireless,842012345-00001,mobile,'5550100009",
      ].join('\n'),
    );
    expect(drafts.map((draft) => [draft.serviceIdRaw, draft.serviceKey])).toEqual([
      ["'5550100009", '+15550100009'],
    ]);
    expect(errors.map((error) => [error.row, error.message])).toEqual([
      [
        2,
        'Row 2, column "Service ID": expected the line\'s phone number or circuit ID but found "N/A", which names no service a bill can match.',
      ],
      [
        3,
        'Row 3, column "Service ID": expected the line\'s phone number or circuit ID but found "***-***-0003", which names no service a bill can match.',
      ],
    ]);
  });

  it('keeps a pending disconnect with its planned date pending; a date alone means disconnected', () => {
    const { drafts } = read(
      [
        'Site Code,Carrier,Account Number,Type,Service ID,Status,Disconnect Date',
        'STR-0142,Verizon Wireless,842012345-00001,mobile,555-010-0001,pending-disconnect,2026-12-31',
        'STR-0142,Verizon Wireless,842012345-00001,mobile,555-010-0002,active,2026-06-30',
      ].join('\n'),
    );
    expect(drafts.map((draft) => [draft.serviceIdRaw, draft.status])).toEqual([
      ['555-010-0001', 'pending-disconnect'],
      ['555-010-0002', 'disconnected'],
    ]);
  });

  it('never guesses a date two orders read differently; a day past 12 elsewhere settles the order', () => {
    const header = 'Site Code,Carrier,Account Number,Type,Service ID,Status,Disconnect Date';
    const row = (id: string, date: string) =>
      `STR-0142,Verizon Wireless,842012345-00001,mobile,${id},disconnected,${date}`;
    const ambiguous = read([header, row('555-010-0001', '09/10/2026')].join('\n'));
    expect(ambiguous.drafts).toEqual([]);
    expect(ambiguous.errors.map((error) => error.message)).toEqual([
      'Row 2, column "Disconnect Date": "09/10/2026" could be 2026-09-10 or 2026-10-09; choose the file\'s date order (month/day/year or day/month/year) and read it again.',
    ]);
    const dayFirst = read(
      [header, row('555-010-0001', '09/10/2026'), row('555-010-0002', '30/09/2026')].join('\n'),
    );
    expect(dayFirst.errors).toEqual([]);
    expect(dayFirst.drafts.map((draft) => draft.disconnectDate)).toEqual([
      '2026-10-09',
      '2026-09-30',
    ]);
  });

  it('takes a column by the field’s own name before an alias: Status, not an address’s State', () => {
    const { drafts, errors } = read(
      [
        'Site Code,Site Name,State,Carrier,Account Number,Service Type,Service ID,Status',
        'STR-0142,Store 142,TX,Verizon Wireless,842012345-00001,mobile,555-010-0001,active',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(drafts.map((draft) => draft.status)).toEqual(['active']);
  });

  it('reads the canonical columns and aliases, normalising identifiers', () => {
    const { drafts, errors } = read(
      [
        'Location Code,Location,Vendor,BAN,Type,Circuit ID,Rate Plan,MRC,Status,Installed,Dept',
        'STR-0142,Store 142,Lumen,5-ACME-001,MPLS,12.HCGS.123456..LEC,100M MPLS,"$1,250.00",Active,03/15/2024,Retail',
        'STR-0142,Store 142,Verizon Wireless,842012345-00001,mobile,(555) 010-0002,Business Unlimited,45,,,',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(
      drafts.map((d) => [d.siteCode, d.type, d.serviceKey, d.monthly, d.status, d.installDate]),
    ).toEqual([
      ['STR-0142', 'mpls-sdwan', '12HCGS123456LEC', 1250_00, 'active', '2024-03-15'],
      ['STR-0142', 'mobile-line', '+15550100002', 45_00, 'active', undefined],
    ]);
  });

  it('reports every bad cell with row, column and a sentence, and leaves the row out', () => {
    const { drafts, errors } = read(
      [
        'Site Code,Carrier,Account Number,Service ID,Service Type,Expected Monthly Cost,Install Date',
        'HQ,Lumen,1,555.600.0001,warp drive,abc,31/31/2024',
        'HQ,,1,555.600.0002,,,',
      ].join('\n'),
    );
    expect(drafts).toEqual([]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Service Type'],
      [2, 'Expected Monthly Cost'],
      [2, 'Install Date'],
      [3, 'Carrier'],
    ]);
    expect(errors[0]?.message).toMatch(/^Row 2, column "Service Type": expected a service type/);
  });

  it('asks for the required columns a file lacks', () => {
    expect(inventoryMappingProblems(guessInventoryMapping(['Site', 'Number']))).toEqual([
      'Choose the column that holds the Carrier.',
      'Choose the column that holds the Account Number.',
    ]);
  });

  it('converts Excel date serials', () => {
    expect(excelSerialToIso(45366)).toBe('2024-03-15');
  });

  const source = {
    services: [
      makeService({
        expectedMonthlyCents: cents(1250_50),
        activatedOn: '2024-03-15' as never,
        department: 'Retail',
      }),
      makeService({
        id: 's2',
        serviceIdRaw: 'BBEC.556677..LUMN',
        serviceKey: 'BBEC556677LUMN',
        type: 'circuit',
        status: 'disconnected',
        disconnectedOn: '2026-01-31' as never,
        expectedMonthlyCents: undefined,
      }),
    ],
    sites: [makeSite()],
    costCenters: [],
    accounts: [
      { id: 'account-1', carrierId: 'carrier-1', accountNumber: 'A-1', status: 'open' as const },
    ],
    carriers: [{ id: 'carrier-1', name: 'Lumen' }],
    contracts: [],
  };

  it('exports CSV that the import reads back as the same services', () => {
    const { drafts, errors } = read(inventoryCsv(source));
    expect(errors).toEqual([]);
    expect(
      drafts.map((d) => [
        d.serviceIdRaw,
        d.carrierName,
        d.accountNumber,
        d.siteCode,
        d.monthly,
        d.status,
        d.installDate,
        d.disconnectDate,
        d.department,
      ]),
    ).toEqual([
      [
        '555-010-0001',
        'Lumen',
        'A-1',
        'STR-0142',
        1250_50,
        'active',
        '2024-03-15',
        undefined,
        'Retail',
      ],
      [
        'BBEC.556677..LUMN',
        'Lumen',
        'A-1',
        'STR-0142',
        undefined,
        'disconnected',
        undefined,
        '2026-01-31',
        '',
      ],
    ]);
  });

  it.each<[string, string | undefined, string | undefined, string]>([
    ['its own', 'cc-own', 'cc-site', '4200'],
    ['its site’s when it has none of its own', undefined, 'cc-site', '4100'],
    ['none when neither has one', undefined, undefined, ''],
  ])(
    'exports a service’s cost center as %s, so a new workspace reads the same allocation',
    (_, serviceCostCenter, siteCostCenter, written) => {
      const { drafts } = read(
        inventoryCsv({
          ...source,
          services: [makeService({ costCenterId: serviceCostCenter })],
          sites: [makeSite({ costCenterId: siteCostCenter })],
          costCenters: [
            { id: 'cc-site', code: '4100', name: 'Retail', active: true },
            { id: 'cc-own', code: '4200', name: 'Field', active: true },
          ],
        }),
      );
      expect(drafts.map((draft) => draft.costCenterCode)).toEqual([written]);
    },
  );

  it.each([['Total,,,,,,1295.00'], ['Grand Total,,,,,,"$1,295.00"'], [',,,,,,1295.00']])(
    'reads past a spreadsheet’s own total row under the services: %s',
    (total) => {
      const { drafts, errors, skipped } = read(
        [
          'Site Code,Carrier,Account Number,Type,Service ID,Plan,Expected Monthly Cost',
          'STR-0142,Lumen,A-1,mobile,555-010-0001,Biz,45.00',
          'STR-0142,Lumen,A-1,circuit,BBEC.556677..LUMN,100M,1250.00',
          total,
        ].join('\n'),
      );
      expect(errors).toEqual([]);
      // Read past, but said: every row is imported, refused or skipped with its reason.
      expect(skipped).toEqual([
        { row: 4, message: expect.stringMatching(/^Row 4 is skipped: a /) },
      ]);
      expect(drafts.map((draft) => draft.serviceIdRaw)).toEqual([
        '555-010-0001',
        'BBEC.556677..LUMN',
      ]);
    },
  );

  it.each<[string, string, string, string]>([
    ['Cellular', 'Active', 'mobile-line', 'active'],
    ['Smartphone', 'Terminated', 'mobile-line', 'disconnected'],
    ['Analog Line', 'On Order', 'pots-line', 'ordered'],
    ['SIP Trunk', 'Disconnect Pending', 'trunk', 'pending-disconnect'],
    ['T1', 'Pending Install', 'circuit', 'ordered'],
    ['Cable', 'Cancelled', 'internet', 'disconnected'],
  ])('reads the type %s and the status %s as portals write them', (type, status, t, st) => {
    const { drafts, errors } = read(
      `Site Code,Carrier,Account Number,Service Type,Service ID,Status\nSTR-0142,Lumen,A-1,${type},555-010-0001,${status}\n`,
    );
    expect(errors).toEqual([]);
    expect(drafts.map((draft) => [draft.type, draft.status])).toEqual([[t, st]]);
  });

  it('still refuses a Total row that names a service', () => {
    const { errors } = read(
      'Site Code,Carrier,Account Number,Service ID,Expected Monthly Cost\nTotal,Lumen,,555-010-0001,45.00\n',
    );
    expect(errors.map((error) => [error.row, error.column])).toEqual([[2, 'Account Number']]);
  });

  it('exports XLSX that the import reads back too, money as numbers', () => {
    const table = readTabularFile('inventory.xlsx', inventoryXlsx(source));
    if (!table.ok) throw new Error('unreadable');
    // Its Total row names no service: nothing to read, nothing to refuse.
    const { drafts, errors } = readInventoryRows(
      table.value,
      guessInventoryMapping(table.value.header),
      PINNED_TODAY,
    );
    expect(errors).toEqual([]);
    expect(drafts.map((d) => [d.serviceIdRaw, d.monthly, d.installDate])).toEqual([
      ['555-010-0001', 1250_50, '2024-03-15'],
      ['BBEC.556677..LUMN', undefined, undefined],
    ]);
  });
});

describe('site files', () => {
  it('reads the canonical site columns with aliases, and refuses bad rows with a sentence', () => {
    const table = readTabularFile(
      'sites.csv',
      bytes(
        [
          'Site Code,Name,Street,City,State,Zip,Country,Region,Cost Center,Status,Opened,Closed',
          'STR-0142,Store 142,1 Main St,Austin,TX,78701,US,South,4100,Open,2019-04-01,',
          'STR-0007,Store 7,,Reno,NV,,US,West,,Closed,,2026-05-20',
          'STR-0008,Store 8,,Reno,NV,,US,West,,Sold,,',
        ].join('\n'),
      ),
    );
    if (!table.ok) throw new Error('unreadable');
    const { drafts, errors, missing } = readSiteRows(table.value);
    expect(missing).toEqual([]);
    expect(
      drafts.map((d) => [
        d.code,
        d.city,
        d.state,
        d.costCenterCode,
        d.status,
        d.openedOn,
        d.closedOn,
      ]),
    ).toEqual([
      ['STR-0142', 'Austin', 'TX', '4100', 'active', '2019-04-01', undefined],
      ['STR-0007', 'Reno', 'NV', '', 'closed', undefined, '2026-05-20'],
    ]);
    expect(errors).toEqual([
      expect.objectContaining({
        row: 4,
        column: 'Status',
        message: 'Row 4, column "Status": expected Open or Closed but found "Sold".',
      }),
    ]);
  });

  it('never guesses a closing date two orders read differently', () => {
    const table = readTabularFile(
      'sites.csv',
      bytes(
        [
          'Site Code,Site Name,Cost Center,Status,Closed',
          'HQ,Headquarters,4200,Open,',
          'STR-0301,Store 301,4100,Closed,03/04/2026',
        ].join('\n'),
      ),
    );
    if (!table.ok) throw new Error('unreadable');
    const { drafts, errors } = readSiteRows(table.value);
    expect(drafts.map((draft) => draft.code)).toEqual(['HQ']);
    expect(errors.map((error) => [error.row, error.column, error.value])).toEqual([
      [3, 'Closed', '03/04/2026'],
    ]);
    expect(errors[0]?.message).toContain('could be 2026-03-04 or 2026-04-03');
  });

  it('writes sites that read back the same', () => {
    const sites = [
      makeSite({ city: 'Austin', region: 'TX', status: 'closed', closedOn: '2026-05-20' as never }),
    ];
    const table = readTabularFile('sites.csv', bytes(sitesCsv(sites, [])));
    if (!table.ok) throw new Error('unreadable');
    expect(readSiteRows(table.value).drafts[0]).toMatchObject({
      code: 'STR-0142',
      city: 'Austin',
      state: 'TX',
      status: 'closed',
      closedOn: '2026-05-20',
    });
    const xlsx = readTabularFile('sites.xlsx', sitesXlsx(sites, []));
    if (!xlsx.ok) throw new Error('unreadable');
    expect(readSiteRows(xlsx.value).drafts[0]).toMatchObject({
      code: 'STR-0142',
      closedOn: '2026-05-20',
    });
  });
});
