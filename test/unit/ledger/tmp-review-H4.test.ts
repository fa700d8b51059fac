import { expect, it } from 'vitest';
import { planInventory, type InventoryLedger } from '../../../shared/ledger/inventory';
import { planContracts } from '../../../shared/ledger/contracts';
import { isoDate } from '../../../shared/dates';
import type { CostCenter } from '../../../shared/model';
import { makeSite } from '../../helpers/inventory';
import { VERIZON, makeDoor, makeInventoryDraft, makeContractDraft, makeRateDraft } from './helpers';

const RETAIL: CostCenter = { id: 'cc-retail', code: '4100', name: 'Retail', active: true };
const NEW_LINE = makeInventoryDraft({ row: 2 }); // live on Verizon (ported to)
const OLD_LINE = makeInventoryDraft({
  row: 3, carrierName: 'AT&T Mobility', accountNumber: '287000111',
  status: 'disconnected', disconnectDate: isoDate(2026, 3, 31),
});
function plan(drafts: ReturnType<typeof makeInventoryDraft>[], services = [] as InventoryLedger['services']) {
  const { newId, org } = makeDoor();
  return planInventory(drafts, { sites: [makeSite({ id: 'site-142', costCenterId: RETAIL.id })], costCenters: [RETAIL], services, contracts: [] }, org, { newId, unknownCostCenters: 'refuse', unknownContracts: 'refuse' });
}

it('rates file naming a ported number links the Verizon contract to which service?', () => {
  const inv = plan([NEW_LINE, OLD_LINE]);
  expect(inv.refusals).toEqual([]);
  const services = inv.services;
  const result = planContracts([makeContractDraft()], [makeRateDraft({ serviceId: '555-010-0001' })], { contracts: [], services }, makeDoor().org);
  const linked = result.serviceLinks.map((l) => [l.after.carrierId, l.after.status, l.after.contractId]);
  console.log('links', linked, 'rate on', result.contracts[0]?.rateCard);
  expect(linked).toEqual([[VERIZON.id, 'active', 'VZ-1']]);
});

it('per-carrier inventory files: AT&T file (old line disconnected), then Verizon file (new line)', () => {
  const first = plan([OLD_LINE]);
  const second = plan([NEW_LINE], first.services);
  console.log('after 2nd import', second.services.map((s) => [s.id, s.carrierId, s.status]), second.changes.map((c) => [c.before?.id, c.before?.carrierId, c.after.carrierId]));
});
