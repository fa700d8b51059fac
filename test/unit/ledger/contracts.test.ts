import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContractDraft, ContractRateDraft } from '../../../shared/contracts/csv';
import { planContracts, type ContractLedger } from '../../../shared/ledger/contracts';
import { cents } from '../../../shared/money/cents';
import { makeService } from '../../helpers/inventory';
import { spellingOf } from '../../helpers/spelling';
import { makeContract } from '../contracts/helpers';
import { VERIZON, VERIZON_ACCOUNT, makeContractDraft, makeDoor, makeRateDraft } from './helpers';

const LINE = makeService({
  id: 'service-line',
  carrierId: VERIZON.id,
  accountId: VERIZON_ACCOUNT.id,
});
const CIRCUIT = makeService({
  id: 'service-circuit',
  serviceIdRaw: 'DHEC.554433..WIN',
  serviceKey: 'DHEC554433WIN',
  aliasKeys: ['OLD123'],
  contractId: 'ctr-other',
});

function ledger(overrides: Partial<ContractLedger> = {}): ContractLedger {
  return { contracts: [], services: [LINE, CIRCUIT], ...overrides };
}

function plan(
  drafts: readonly ContractDraft[],
  rates: readonly ContractRateDraft[] = [],
  stored = ledger(),
) {
  return planContracts(drafts, rates, stored, makeDoor().org);
}

describe('planning a contracts file', () => {
  it('adds a contract on the stored carrier and account, numbered by its Contract ID', () => {
    const result = plan([
      makeContractDraft({ carrierName: 'verizon wireless', accountNumbers: ['5 KE4X 001'] }),
    ]);
    expect(result).toMatchObject({ created: 1, updated: 0, rates: 0, refusals: [] });
    expect(result.contracts).toEqual([
      {
        id: 'VZ-1',
        contractNumber: 'VZ-1',
        name: 'Verizon 2024',
        carrierId: VERIZON.id,
        accountIds: [VERIZON_ACCOUNT.id],
        serviceIds: [],
        startDate: '2024-01-01',
        termMonths: 36,
        endDate: '2026-12-31',
        autoRenew: true,
        renewalTermMonths: 12,
        noticeDays: 60,
        marcCents: 0,
        status: 'active',
      },
    ]);
  });

  it('plans new carriers and accounts once, whatever their spelling in one cell', () => {
    const result = plan([
      makeContractDraft({ carrierName: 'Lumen', accountNumbers: ['5-ACME-002', '5ACME002', '7'] }),
      makeContractDraft({ id: 'LUM-2', carrierName: 'LUMEN', accountNumbers: ['5.acme.002'] }),
    ]);
    expect(result.newCarriers).toEqual([{ id: 'carrier-1', name: 'Lumen' }]);
    expect(result.newAccounts.map((a) => a.accountNumber)).toEqual(['5-ACME-002', '7']);
    expect(result.contracts.map((c) => c.accountIds)).toEqual([
      ['account-1', 'account-2'],
      ['account-1'],
    ]);
  });

  it('updates a stored contract, keeping its services, files, notes and rate card', () => {
    const before = makeContract({
      id: 'VZ-1',
      contractNumber: 'VZ-2024-77',
      carrierId: VERIZON.id,
      serviceIds: [LINE.id],
      attachmentIds: ['attachment-1'],
      notes: 'Signed by the CFO',
      rateCard: [{ planOrServiceType: 'Unlimited', monthlyRateCents: cents(30_00) }],
    });
    const result = plan(
      [makeContractDraft({ noticeDays: 90 })],
      [],
      ledger({ contracts: [before] }),
    );
    expect(result).toMatchObject({ created: 0, updated: 1 });
    expect(result.contracts[0]).toMatchObject({
      contractNumber: 'VZ-2024-77',
      serviceIds: [LINE.id],
      attachmentIds: ['attachment-1'],
      notes: 'Signed by the CFO',
      rateCard: before.rateCard,
      noticeDays: 90,
    });
  });
});

describe('planning a rates file', () => {
  it('replaces the rate card of each contract it names', () => {
    const before = makeContract({
      id: 'VZ-1',
      rateCard: [{ planOrServiceType: 'Old', monthlyRateCents: cents(1_00) }],
    });
    const result = plan(
      [],
      [makeRateDraft(), makeRateDraft({ line: 3, planOrServiceType: 'mobile-line' })],
      ledger({ contracts: [before] }),
    );
    expect(result.rates).toBe(2);
    expect(result.contracts[0]?.rateCard).toEqual([
      { planOrServiceType: 'Business Unlimited', monthlyRateCents: 40_00 },
      { planOrServiceType: 'mobile-line', monthlyRateCents: 40_00 },
    ]);
  });

  it.each([
    ['service-circuit', 'its id'],
    ['dhec-554433-win', 'its match key'],
    ['OLD123', 'an alias'],
  ])('finds the service %j by %s, puts it on the contract and links it', (serviceId) => {
    const result = plan(
      [makeContractDraft()],
      [makeRateDraft({ planOrServiceType: undefined, serviceId, monthlyRateCents: cents(850_00) })],
    );
    expect(result.contracts[0]?.serviceIds).toEqual([CIRCUIT.id]);
    expect(result.contracts[0]?.rateCard).toEqual([
      { serviceId: CIRCUIT.id, monthlyRateCents: 850_00 },
    ]);
    expect(result.serviceLinks).toEqual([
      { before: CIRCUIT, after: { ...CIRCUIT, contractId: 'VZ-1' } },
    ]);
  });

  it('plans no link for a service already on the contract', () => {
    const linked = { ...LINE, contractId: 'VZ-1' };
    const result = plan(
      [makeContractDraft()],
      [makeRateDraft({ serviceId: LINE.serviceIdRaw })],
      ledger({ services: [linked] }),
    );
    expect(result.serviceLinks).toEqual([]);
    expect(result.contracts[0]?.serviceIds).toEqual([LINE.id]);
  });

  it.each([
    [
      makeRateDraft({ line: 5, contractId: 'NOPE' }),
      'Contract ID',
      'Row 5, column "Contract ID": "NOPE" is not a contract in the file or in TEM Desk.',
    ],
    [
      makeRateDraft({ line: 6, serviceId: 'NO-SUCH-CIRCUIT' }),
      'Service ID',
      'Row 6, column "Service ID": "NO-SUCH-CIRCUIT" is not a service in the inventory; add it first or leave the cell blank.',
    ],
  ])('refuses a rate naming what nothing has: %o', (rate, column, message) => {
    const result = plan([makeContractDraft()], [rate]);
    expect(result.refusals).toEqual([expect.objectContaining({ row: rate.line, column, message })]);
    expect(result.rates).toBe(0);
  });

  it('maps any spelling of the carrier and its accounts to the stored records', () => {
    fc.assert(
      fc.property(
        spellingOf('Verizon Wireless'),
        fc.array(spellingOf('5-KE4X-001'), { minLength: 1, maxLength: 4 }),
        (carrierName, accountNumbers) => {
          const result = plan([makeContractDraft({ carrierName, accountNumbers })]);
          expect([result.newCarriers, result.newAccounts]).toEqual([[], []]);
          expect(result.contracts[0]).toMatchObject({
            carrierId: VERIZON.id,
            accountIds: [VERIZON_ACCOUNT.id],
          });
        },
      ),
    );
  });
});
