/**
 * A number ported from one carrier to another: an inventory keeps the old service (disconnected,
 * on the old carrier) beside the new one. Those are two services, each matched by its own
 * carrier's bills, never refused as one service listed twice. A row that only corrects a
 * service's carrier still updates the stored service of that number.
 */
import { describe, expect, it } from 'vitest';
import { planContracts } from '../../../shared/ledger/contracts';
import { planInventory, type InventoryLedger } from '../../../shared/ledger/inventory';
import { isoDate } from '../../../shared/dates';
import type { CostCenter } from '../../../shared/model';
import { makeService, makeSite } from '../../helpers/inventory';
import { VERIZON, makeContractDraft, makeDoor, makeInventoryDraft, makeRateDraft } from './helpers';

const RETAIL: CostCenter = { id: 'cc-retail', code: '4100', name: 'Retail', active: true };
const OLD_LINE = makeInventoryDraft({
  row: 2,
  carrierName: 'AT&T Mobility',
  accountNumber: '287000111',
  status: 'disconnected',
  disconnectDate: isoDate(2026, 3, 31),
});
const NEW_LINE = makeInventoryDraft({ row: 3 });

function plan(drafts = [OLD_LINE, NEW_LINE], services = [] as InventoryLedger['services']) {
  const { newId, org } = makeDoor();
  const stored: InventoryLedger = {
    sites: [makeSite({ id: 'site-142', costCenterId: RETAIL.id })],
    costCenters: [RETAIL],
    services,
    contracts: [],
  };
  return planInventory(drafts, stored, org, {
    newId,
    unknownCostCenters: 'refuse',
    unknownContracts: 'refuse',
  });
}

describe('one number on two carriers', () => {
  it('plans two services, the old carrier’s disconnected, the new one’s live', () => {
    const result = plan();
    expect(result.refusals).toEqual([]);
    expect(
      result.services.map((s) => [s.serviceIdRaw, s.carrierId === VERIZON.id, s.status]),
    ).toEqual([
      ['555-010-0001', false, 'disconnected'],
      ['555-010-0001', true, 'active'],
    ]);
  });

  it('imported again, updates both services instead of adding or refusing', () => {
    const first = plan();
    const again = plan(
      [OLD_LINE, { ...NEW_LINE, plan: 'Business Unlimited Plus' }],
      first.services,
    );
    expect(again.refusals).toEqual([]);
    expect(again.services.map((s) => s.id)).toEqual(first.services.map((s) => s.id));
    expect(again.services.map((s) => s.plan)).toEqual([
      'Business Unlimited',
      'Business Unlimited Plus',
    ]);
  });

  it('still refuses one carrier’s number listed twice with different details', () => {
    const result = plan([NEW_LINE, { ...NEW_LINE, row: 4, plan: 'Other' }]);
    expect(result.refusals.map((r) => r.row)).toEqual([4]);
  });

  it('a row correcting the carrier of a stored number updates that service', () => {
    const stored = [
      makeService({ id: 'svc-typo', carrierId: 'carrier-other', siteId: 'site-142' }),
    ];
    const result = plan([NEW_LINE], stored);
    expect(result.services.map((s) => [s.id, s.carrierId])).toEqual([['svc-typo', VERIZON.id]]);
  });
});

it('a file of the new carrier alone keeps the old carrier’s disconnected line, adding the new', () => {
  const first = plan([OLD_LINE]);
  const second = plan([NEW_LINE], first.services);
  expect(second.services.map((s) => [s.carrierId === VERIZON.id, s.status])).toEqual([
    [true, 'active'],
  ]);
  // A new service: the stored AT&T line is left as it is, not changed into the Verizon one.
  expect(second.changes.map((change) => change.before)).toEqual([undefined]);
});

it('a rate naming a ported number links the contract carrier’s live service, not the old line', () => {
  const live = makeService({ id: 'svc-vz', carrierId: VERIZON.id, accountId: 'account-vz' });
  const old = makeService({ id: 'svc-att', carrierId: 'carrier-att', status: 'disconnected' });
  const result = planContracts(
    [makeContractDraft()],
    [makeRateDraft({ serviceId: '555-010-0001', planOrServiceType: undefined })],
    { contracts: [], services: [live, old] },
    makeDoor().org,
  );
  expect(result.refusals).toEqual([]);
  expect(result.serviceLinks.map((link) => link.after.id)).toEqual(['svc-vz']);
});
