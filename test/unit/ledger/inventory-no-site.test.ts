import { describe, expect, it } from 'vitest';
import { PINNED_TODAY } from '../../helpers/clock';
import { inventoryCsv } from '../../../shared/inventory/export';
import { guessInventoryMapping, readInventoryRows } from '../../../shared/inventory/import';
import { readTabularFile } from '../../../shared/inventory/table-file';
import { planInventory } from '../../../shared/ledger/inventory';
import type { Service } from '../../../shared/model';
import { makeService, makeSite } from '../../helpers/inventory';
import { VERIZON, VERIZON_ACCOUNT, makeDoor } from './helpers';

function readRows(text: string) {
  const table = readTabularFile('inventory.csv', new TextEncoder().encode(text));
  if (!table.ok) throw new Error(JSON.stringify(table.errors));
  return readInventoryRows(table.value, guessInventoryMapping(table.value.header), PINNED_TODAY);
}

/** Plans a file's rows against `services` at the one stored site (STR-0142). */
function plan(text: string, services: readonly Service[] = []) {
  const { drafts, errors } = readRows(text);
  expect(errors).toEqual([]);
  const { newId, org } = makeDoor();
  return planInventory(
    drafts,
    {
      sites: [makeSite()],
      costCenters: [{ id: 'cc-1', code: '4100', name: 'Retail', active: true }],
      services,
      contracts: [],
    },
    org,
    { newId, unknownCostCenters: 'refuse', unknownContracts: 'refuse' },
  );
}

const header = 'Site Code,Site Name,Cost Center,Carrier,Account Number,Service ID';

describe('a service at no site in an inventory file', () => {
  it('is a row with a blank Site Code and Site Name: the service is added at no site, no site made', () => {
    const planned = plan([header, ',,4100,Verizon Wireless,5-KE4X-001,555-010-0001'].join('\n'));
    expect(planned.refusals).toEqual([]);
    expect(planned.newSites).toEqual([]);
    expect(planned.services).toHaveLength(1);
    expect(planned.services[0]?.siteId).toBeUndefined();
    // With no site to take one from, the row's cost center is the service's own.
    expect(planned.services[0]?.costCenterId).toBe('cc-1');
  });

  it('reads back as it was exported: a service at no site stays there, unchanged', () => {
    const atNoSite = makeService({
      carrierId: VERIZON.id,
      accountId: VERIZON_ACCOUNT.id,
      siteId: undefined,
    });
    const exported = inventoryCsv({
      services: [atNoSite],
      sites: [makeSite()],
      costCenters: [],
      accounts: [VERIZON_ACCOUNT],
      carriers: [VERIZON],
      contracts: [],
    });
    const planned = plan(exported, [atNoSite]);
    expect(planned.refusals).toEqual([]);
    expect(planned.newSites).toEqual([]);
    expect(planned.services).toEqual([atNoSite]);
  });

  it('is refused when the row names a site without its code, saying what to write', () => {
    const { drafts, errors } = readRows(
      [header, ',Main Street,4100,Verizon Wireless,5-KE4X-001,555-010-0001'].join('\n'),
    );
    expect(drafts).toEqual([]);
    expect(errors.map((error) => [error.row, error.column, error.message])).toEqual([
      [
        2,
        'Site Code',
        'Row 2, column "Site Code": the Site Code is blank but the Site Name is "Main Street"; give the site\'s code, or leave both blank for a service at no site.',
      ],
    ]);
  });
});
