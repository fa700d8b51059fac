import fc from 'fast-check';
import { PINNED_TODAY } from '../../helpers/clock';
import { describe, expect, it } from 'vitest';
import { costCentersCsv, costCentersXlsx } from '../../../shared/inventory/cost-centers-file';
import { sequentialIds } from '../../../shared/ledger/org';
import { planSetup, type SetupLedger } from '../../../shared/ledger/setup';
import { readSetupFile, type SetupFile } from '../../../shared/ledger/setup-files';
import type { CostCenter } from '../../../shared/model';
import { setupFixtures } from '../../helpers/setup-files';

const EMPTY: SetupLedger = {
  costCenters: [],
  sites: [],
  services: [],
  contracts: [],
  carriers: [],
  accounts: [],
};

const plan = (files: readonly SetupFile[], confirmed: string[] = [], stored = EMPTY) =>
  planSetup(files, stored, { newId: sequentialIds(), confirmedCodes: new Set(confirmed) });

describe('set up from files', () => {
  it('recognises each file by its header, whatever its name', () => {
    expect(setupFixtures().map((file) => file.kind)).toEqual([
      'cost-centers',
      'sites',
      'contracts',
      'inventory',
      'rates',
    ]);
  });

  it('asks before creating a cost center named only by its code, and refuses its rows until then', () => {
    const result = plan(setupFixtures());
    expect(result.codeOnly).toEqual([
      { code: '7700', namedIn: [{ file: 'file-2.csv', rows: [5] }], created: false },
    ]);
    expect(result.files.find((file) => file.kind === 'sites')).toEqual({
      name: 'file-2.csv',
      kind: 'sites',
      ready: 3,
      problems: [
        expect.objectContaining({
          row: 5,
          column: 'Cost Center',
          message: expect.stringContaining('there is no cost center “7700”'),
        }),
      ],
    });
    expect(result.problemCount).toBe(1);
  });

  it('plans every file in order once the code is confirmed: what one file implies for another is created', () => {
    const result = plan(setupFixtures(), ['7700']);
    expect(result.problemCount).toBe(0);
    expect(result.files.map(({ kind, ready }) => [kind, ready])).toEqual([
      ['cost-centers', 3],
      ['sites', 4],
      ['contracts', 2],
      ['inventory', 5],
      ['rates', 3],
    ]);
    const { writes } = result;
    expect(writes.costCenters.map((c) => [c.code, c.name, c.glAccount, c.active])).toEqual([
      ['4100', 'Retail Stores', '6420-000', true],
      ['4200', 'Corporate IT', '6421-000', true],
      ['4900', 'Legacy Ops', '6429-000', false],
      ['7700', '7700', undefined, true],
    ]);
    // A site the inventory names and the sites file does not is created; HQ's cost center is named by its name.
    const siteCodes = new Map(writes.sites.map((site) => [site.code, site.costCenterId]));
    expect([...siteCodes.keys()]).toEqual(['HQ', 'STR-0300', 'STR-0301', 'WH-01', 'STR-0302']);
    const ids = new Map(writes.costCenters.map((c) => [c.code, c.id]));
    expect(siteCodes.get('HQ')).toBe(ids.get('4200'));
    // The inventory names contracts of the contracts file; the rates name services of the inventory.
    const contractOf = new Map(writes.services.map((s) => [s.serviceKey, s.contractId]));
    expect(contractOf.get('+15550100003')).toBe('VZW-2024');
    expect(contractOf.get('DHEC554433WIN')).toBe('LUMEN-MSA');
    const lumen = writes.contracts.find((c) => c.id === 'LUMEN-MSA');
    expect(lumen?.rateCard).toHaveLength(2);
    expect(lumen?.serviceIds).toHaveLength(2);
    // A cost center written by its name in an inventory cell is that cost center (here the new site's).
    expect(siteCodes.get('STR-0302')).toBe(ids.get('4100'));
    expect(writes.carriers.map((c) => c.name)).toEqual(['Verizon Wireless', 'Lumen']);
  });

  it('gives the same workspace whatever order the files come in', () => {
    const files = setupFixtures();
    const expected = plan(files, ['7700']).writes;
    fc.assert(
      fc.property(fc.shuffledSubarray(files, { minLength: 5, maxLength: 5 }), (shuffled) => {
        expect(plan(shuffled, ['7700']).writes).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('shows in the preview what the commit would refuse: an inventory naming a contract nothing has', () => {
    const [, , , inventory] = setupFixtures();
    const result = plan(inventory ? [inventory] : []);
    expect(result.files[0]).toMatchObject({ kind: 'inventory', ready: 0 });
    expect(result.files[0]?.problems.map((p) => p.message)).toContain(
      'Row 2: there is no contract “VZW-2024”.',
    );
  });

  it('says which Total row of an inventory it reads past', () => {
    const inventory = readSetupFile(
      'inventory.csv',
      new TextEncoder().encode(
        'Site Code,Carrier,Account Number,Service ID,Expected Monthly Cost\nTotal,,,,45.00\n',
      ),
      PINNED_TODAY,
    );
    expect(plan([inventory]).files[0]?.skipped).toEqual([
      { row: 2, column: '', message: expect.stringMatching(/^Row 2 is skipped: a "Total" row/) },
    ]);
  });

  it('refuses rates naming a service the inventory of the same set-up does not have', () => {
    const rates = readSetupFile(
      'rates.csv',
      new TextEncoder().encode(
        'Contract ID,Service ID,Monthly Rate\nVZW-2024,555-999-0000,40.00\n',
      ),
      PINNED_TODAY,
    );
    const files = setupFixtures().filter((file) => file.kind !== 'rates');
    const result = plan([...files, rates], ['7700']);
    expect(result.files.at(-1)?.problems).toEqual([
      expect.objectContaining({ row: 2, column: 'Service ID' }),
    ]);
  });

  it('takes one file of each kind, and says which file it cannot recognise', () => {
    const files = setupFixtures();
    const stray = readSetupFile(
      'notes.csv',
      new TextEncoder().encode('Foo,Bar\n1,2\n'),
      PINNED_TODAY,
    );
    const result = plan([...files, files[1] ?? stray, stray], ['7700']);
    expect(result.files.slice(5).map((f) => [f.kind, f.problems[0]?.message])).toEqual([
      [
        'sites',
        'file-2.csv is a second sites file (after file-2.csv): set-up takes one file of each kind; put their rows in one file, or import this one afterwards.',
      ],
      [
        'unknown',
        'notes.csv: its columns (Foo, Bar) are not those of a cost centers, sites, contracts, inventory or rates file.',
      ],
    ]);
  });
});

describe('cost center files', () => {
  const stored: CostCenter[] = [
    { id: 'cc-1', code: '4100', name: 'Retail, East', active: true, glAccount: '6420-000' },
    { id: 'cc-2', code: '=4900', name: 'Legacy', active: false },
  ];

  it.each([
    ['CSV', 'cost-centers.csv', () => new TextEncoder().encode(costCentersCsv(stored))],
    ['XLSX', 'cost-centers.xlsx', () => costCentersXlsx(stored)],
  ])('reads back its own %s export unchanged', (_kind, name, bytes) => {
    const file = readSetupFile(name, bytes(), PINNED_TODAY);
    expect(file.kind).toBe('cost-centers');
    expect(file.problems).toEqual([]);
    const result = plan([file], [], { ...EMPTY, costCenters: stored });
    expect(result.costCenters.added).toEqual([]);
    expect(result.costCenters.updated.map(({ before, after }) => [before, after])).toEqual(
      [...stored].reverse().map((costCenter) => [costCenter, costCenter]),
    );
  });

  it('refuses a row with a status it cannot read, with its row and column', () => {
    const file = readSetupFile(
      'cc.csv',
      new TextEncoder().encode('Cost Center,Name,GL Account,Status\n4100,Retail,,Maybe\n'),
      PINNED_TODAY,
    );
    expect(file.problems).toEqual([
      {
        row: 2,
        column: 'Status',
        message: 'Row 2, column "Status": expected Active or Retired but found "Maybe".',
      },
    ]);
  });
});
