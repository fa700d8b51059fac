import fc from 'fast-check';
import { cents } from '../../../shared/money/cents';
import { describe, expect, it } from 'vitest';
import {
  planInventory,
  type InventoryLedger,
  type InventoryOptions,
} from '../../../shared/ledger/inventory';
import type { InventoryDraft } from '../../../shared/inventory/import';
import type { CostCenter } from '../../../shared/model';
import { makeService, makeSite } from '../../helpers/inventory';
import { spellingOf } from '../../helpers/spelling';
import { makeContract } from '../contracts/helpers';
import { VERIZON, VERIZON_ACCOUNT, makeDoor, makeInventoryDraft } from './helpers';

const RETAIL: CostCenter = { id: 'cc-retail', code: '4100', name: 'Retail', active: true };
const FINANCE: CostCenter = { id: 'cc-finance', code: '4200', name: 'Finance', active: true };

function ledger(overrides: Partial<InventoryLedger> = {}): InventoryLedger {
  return {
    sites: [makeSite({ id: 'site-142', costCenterId: RETAIL.id })],
    costCenters: [RETAIL, FINANCE],
    services: [],
    contracts: [makeContract({ id: 'ctr-vz', contractNumber: 'VZ-2024-77' })],
    ...overrides,
  };
}

const APP: Omit<InventoryOptions, 'newId'> = {
  unknownCostCenters: 'refuse',
  unknownContracts: 'refuse',
};
const CLI: Omit<InventoryOptions, 'newId'> = {
  unknownCostCenters: 'create',
  unknownContracts: 'unlink',
};

function plan(
  drafts: readonly InventoryDraft[],
  stored = ledger(),
  options: Omit<InventoryOptions, 'newId'> = APP,
) {
  const { newId, org } = makeDoor();
  return planInventory(drafts, stored, org, { newId, ...options });
}

describe('planning an inventory file', () => {
  it('adds a service on the stored carrier, account and site', () => {
    const result = plan([makeInventoryDraft()]);
    expect(result.changes).toEqual([{ row: 2, after: result.services[0] }]);
    expect(result.services[0]).toEqual({
      id: 'service-1',
      type: 'mobile-line',
      status: 'active',
      carrierId: VERIZON.id,
      accountId: VERIZON_ACCOUNT.id,
      siteId: 'site-142',
      serviceIdRaw: '555-010-0001',
      serviceKey: '+15550100001',
      aliasKeys: [],
      plan: 'Business Unlimited',
      expectedMonthlyCents: 45_00,
    });
    expect([result.newCarriers, result.newAccounts, result.newSites]).toEqual([[], [], []]);
  });

  it.each([
    ['VERIZON WIRELESS', '5KE4X001'],
    ['Verizon-Wireless', '5 ke4x 001'],
    ['  verizon  wireless ', '5.KE4X.001'],
  ])(
    'finds carrier %j and account %j stored under other spellings',
    (carrierName, accountNumber) => {
      const result = plan([makeInventoryDraft({ carrierName, accountNumber })]);
      expect(result.services[0]).toMatchObject({
        carrierId: VERIZON.id,
        accountId: VERIZON_ACCOUNT.id,
      });
      expect([result.newCarriers, result.newAccounts]).toEqual([[], []]);
    },
  );

  it('plans a new carrier, account and site (named by the row) when nothing has them', () => {
    const result = plan([
      makeInventoryDraft({
        carrierName: 'Windstream',
        accountNumber: 'WS-100',
        siteCode: 'STR-0300',
        siteName: '',
        costCenterCode: '4200',
      }),
    ]);
    expect(result.newCarriers).toEqual([{ id: 'carrier-1', name: 'Windstream' }]);
    expect(result.newAccounts).toEqual([
      { id: 'account-1', carrierId: 'carrier-1', accountNumber: 'WS-100', status: 'open' },
    ]);
    expect(result.newSites).toEqual([
      {
        id: 'site-1',
        code: 'STR-0300',
        name: 'STR-0300',
        country: 'US',
        status: 'active',
        costCenterId: FINANCE.id,
      },
    ]);
    // The site's own cost center: the service needs none of its own.
    expect(result.services[0]?.costCenterId).toBeUndefined();
  });

  it.each([
    ['4100', undefined],
    ['4200', FINANCE.id],
    ['', undefined],
  ])('gives the service cost center %j only when it differs from its site’s', (code, expected) => {
    const result = plan([makeInventoryDraft({ costCenterCode: code })]);
    expect(result.services[0]?.costCenterId).toBe(expected);
  });

  it('updates the stored service with the same match key, keeping its id, aliases and notes', () => {
    const stored = makeService({
      id: 'service-old',
      carrierId: VERIZON.id,
      accountId: VERIZON_ACCOUNT.id,
      aliasKeys: ['+15550109999'],
      notes: 'Ported in 2023',
      userName: 'J. Smith',
    });
    const result = plan(
      [makeInventoryDraft({ serviceIdRaw: '(555) 010-0001', plan: '', monthly: undefined })],
      ledger({ services: [stored] }),
    );
    expect(result.changes).toEqual([{ row: 2, before: stored, after: result.services[0] }]);
    expect(result.services[0]).toMatchObject({
      id: 'service-old',
      aliasKeys: ['+15550109999'],
      notes: 'Ported in 2023',
      serviceIdRaw: '(555) 010-0001',
    });
    // Blank cells clear what the file's columns hold.
    expect(result.services[0]).not.toHaveProperty('plan');
    expect(result.services[0]).not.toHaveProperty('userName');
  });

  it('refuses a service listed twice with different details, naming both rows and what differs', () => {
    const result = plan([
      makeInventoryDraft({ row: 2, plan: 'Old' }),
      makeInventoryDraft({
        row: 3,
        serviceIdRaw: '(555) 010-0001',
        plan: 'New',
        monthly: cents(60_00),
      }),
    ]);
    expect(result.refusals).toEqual([
      {
        row: 3,
        column: 'Service ID',
        value: '(555) 010-0001',
        message:
          'Row 3: service “(555) 010-0001” is already listed on row 2 (written “555-010-0001”), with a different Plan and Expected Monthly Cost. List each service once: keep the row that is right and remove the other.',
      },
    ]);
    // The later row plans nothing: the file is refused whole, never stored half one way.
    expect(result.services).toHaveLength(1);
    expect(result.services[0]).toMatchObject({ plan: 'Old', expectedMonthlyCents: 45_00 });
    expect(result.changes.map((change) => change.row)).toEqual([2]);
  });

  it('refuses a service listed again at another site (spelled the same)', () => {
    const result = plan([
      makeInventoryDraft({ row: 2 }),
      makeInventoryDraft({ row: 7, siteCode: 'STR-0200', siteName: 'Store 200' }),
    ]);
    expect(result.refusals.map((refusal) => refusal.message)).toEqual([
      'Row 7: service “555-010-0001” is already listed on row 2, with a different Site Code. List each service once: keep the row that is right and remove the other.',
    ]);
  });

  it('passes over a service listed twice alike, whatever the spelling of its number and site', () => {
    const result = plan([
      makeInventoryDraft({ row: 2 }),
      makeInventoryDraft({ row: 3, serviceIdRaw: '555.010.0001', siteCode: 'str-0142' }),
    ]);
    expect(result.refusals).toEqual([]);
    expect(result.services).toHaveLength(1);
    expect(result.services[0]?.serviceIdRaw).toBe('555-010-0001');
    expect(result.changes.map((change) => change.row)).toEqual([2]);
  });

  it.each([
    ['ctr-vz', 'ctr-vz'],
    ['VZ-2024-77', 'ctr-vz'],
  ])('links contract %j by id or number', (contractId, expected) => {
    const stored = ledger({
      contracts: [
        makeContract({ id: 'ctr-vz', carrierId: VERIZON.id, contractNumber: 'VZ-2024-77' }),
      ],
    });
    expect(plan([makeInventoryDraft({ contractId })], stored).services[0]?.contractId).toBe(
      expected,
    );
  });

  it("links a contract number to the service's own carrier's contract, never another carrier's", () => {
    const stored = ledger({
      contracts: [
        makeContract({ id: 'ctr-lumen', carrierId: 'car-lumen', contractNumber: 'MSA-100' }),
        makeContract({ id: 'ctr-vz', carrierId: VERIZON.id, contractNumber: 'MSA-100' }),
      ],
    });
    const linked = (contracts: InventoryLedger['contracts']) =>
      plan([makeInventoryDraft({ contractId: 'MSA-100' })], { ...stored, contracts });
    expect(linked(stored.contracts).services[0]?.contractId).toBe('ctr-vz');
    expect(linked([...stored.contracts].reverse()).services[0]?.contractId).toBe('ctr-vz');
    expect(linked(stored.contracts.slice(0, 1)).refusals).toEqual([
      expect.objectContaining({ column: 'Contract ID', value: 'MSA-100' }),
    ]);
  });

  it("refuses a contract id of another carrier's contract: a service is checked against its own carrier's", () => {
    // A Verizon line named on Lumen's contract was linked: the audit priced it at Lumen's rates.
    const stored = ledger({
      contracts: [
        makeContract({ id: 'ctr-lumen', carrierId: 'car-lumen', contractNumber: 'MSA-100' }),
        makeContract({ id: 'ctr-vz', carrierId: VERIZON.id, contractNumber: 'VZ-2024-77' }),
      ],
    });
    const draft = makeInventoryDraft({ row: 5, contractId: 'ctr-lumen' });
    const result = plan([draft], stored);
    expect(result.refusals).toEqual([
      {
        row: 5,
        column: 'Contract ID',
        value: 'ctr-lumen',
        message: `Row 5: contract “ctr-lumen” is another carrier's contract, not ${draft.carrierName}'s: a service is checked against its own carrier's contract. Name a ${draft.carrierName} contract, or leave Contract ID blank.`,
      },
    ]);
    expect(result.services).toEqual([]);
    expect(plan([makeInventoryDraft({ contractId: 'ctr-vz' })], stored).refusals).toEqual([]);
  });

  it('refuses, in the app, a row naming a cost center or a contract nothing has, and plans nothing for it', () => {
    const result = plan([
      makeInventoryDraft({
        row: 4,
        costCenterCode: '9999',
        contractId: 'NOPE',
        carrierName: 'New',
      }),
    ]);
    expect(result.refusals).toEqual([
      {
        row: 4,
        column: 'Cost Center',
        value: '9999',
        message:
          'Row 4, column "Cost Center": there is no cost center “9999” (by code or name); add it to the Cost centers list, import a cost centers file, or create it in Set up from files.',
      },
      {
        row: 4,
        column: 'Contract ID',
        value: 'NOPE',
        message: 'Row 4: there is no contract “NOPE”.',
      },
    ]);
    expect([result.services, result.newCarriers, result.changes]).toEqual([[], [], []]);
  });

  it('creates, in the CLI, an unknown cost center and leaves an unknown contract off the service', () => {
    const result = plan(
      [makeInventoryDraft({ row: 4, costCenterCode: '9999', contractId: 'NOPE' })],
      ledger(),
      CLI,
    );
    expect(result.refusals).toEqual([]);
    expect(result.newCostCenters).toEqual([
      { id: 'cost-center-1', code: '9999', name: '9999', active: true },
    ]);
    expect(result.unlinkedContracts).toMatchObject([{ row: 4, value: 'NOPE' }]);
    expect(result.services[0]).toMatchObject({ costCenterId: 'cost-center-1' });
    expect(result.services[0]).not.toHaveProperty('contractId');
  });

  it('maps any spelling of the carrier and account to the one stored record', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(spellingOf('Verizon Wireless'), spellingOf('5-KE4X-001')), {
          minLength: 1,
          maxLength: 6,
        }),
        (spellings) => {
          const drafts = spellings.map(([carrierName, accountNumber], i) =>
            makeInventoryDraft({
              row: i + 2,
              carrierName,
              accountNumber,
              serviceIdRaw: `555-010-${String(i).padStart(4, '0')}`,
            }),
          );
          const result = plan(drafts);
          expect(result.newCarriers).toEqual([]);
          expect(result.newAccounts).toEqual([]);
          for (const service of result.services) {
            expect([service.carrierId, service.accountId]).toEqual([
              VERIZON.id,
              VERIZON_ACCOUNT.id,
            ]);
          }
        },
      ),
    );
  });

  it('maps any spelling of a new carrier and account to one new record each', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(spellingOf('AT&T Mobility'), spellingOf('2871-0045-9')), {
          minLength: 2,
          maxLength: 6,
        }),
        (spellings) => {
          const drafts = spellings.map(([carrierName, accountNumber], i) =>
            makeInventoryDraft({ row: i + 2, carrierName, accountNumber, serviceIdRaw: `L-${i}` }),
          );
          const result = plan(drafts);
          expect(result.newCarriers).toHaveLength(1);
          expect(result.newAccounts).toHaveLength(1);
          expect(new Set(result.services.map((s) => s.accountId))).toEqual(
            new Set([result.newAccounts[0]?.id]),
          );
        },
      ),
    );
  });
});
