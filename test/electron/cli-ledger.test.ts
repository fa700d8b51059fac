/**
 * The CLI's workspace is built by the shared plans: cost centers made from the files' codes, sites
 * the inventory names created, unknown contracts a warning, rates naming nothing an error.
 */
import { addDays } from '../../shared/dates';
import { PINNED_TODAY } from '../helpers/clock';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../electron/cli/inputs';
import { buildWorkspace, type WorkspaceInput } from '../../electron/cli/workspace';

const file = (name: string, lines: readonly string[]) => ({
  name,
  bytes: new TextEncoder().encode(lines.join('\n')),
});

function input(overrides: Partial<WorkspaceInput> = {}): WorkspaceInput {
  return {
    today: PINNED_TODAY,
    sites: file('sites.csv', ['Site Code,Site Name,Cost Center', 'STR-0142,Store 142,4100']),
    inventory: file('inventory.csv', [
      'Site Code,Carrier,Account Number,Service Type,Service ID,Cost Center,Contract ID',
      'STR-0142,Verizon Wireless,5-KE4X-001,mobile,555-010-0001,,VZ-1',
      'STR-0300,VERIZON WIRELESS,5KE4X001,mobile,555-010-0002,4200,NOPE',
    ]),
    contracts: file('contracts.csv', [
      'Contract ID,Carrier,Accounts,Start Date,Term Months',
      'VZ-1,verizon-wireless,5 KE4X 001,2024-01-01,36',
    ]),
    rates: null,
    bills: { files: [] },
    ...overrides,
  };
}

describe('the CLI workspace', () => {
  it('makes cost centers from the codes the files use, and the sites the inventory names', () => {
    const workspace = buildWorkspace(input());
    expect(workspace.costCenters.map((c) => [c.id, c.code, c.name])).toEqual([
      ['cost-center-1', '4100', '4100'],
      ['cost-center-2', '4200', '4200'],
    ]);
    expect(workspace.sites.map((s) => [s.id, s.code, s.costCenterId])).toEqual([
      ['site-1', 'STR-0142', 'cost-center-1'],
      ['site-2', 'STR-0300', 'cost-center-2'],
    ]);
    expect(workspace.carriers).toEqual([{ id: 'carrier-1', name: 'verizon-wireless' }]);
    expect(workspace.accounts.map((a) => a.id)).toEqual(['account-1']);
    expect(workspace.services.map((s) => [s.id, s.contractId])).toEqual([
      ['service-1', 'VZ-1'],
      ['service-2', undefined],
    ]);
  });

  it('reads an inventory Disconnect Date as of the run’s date: after it a disconnect to come, on or before it disconnected', () => {
    const inventory = file('inventory.csv', [
      'Site Code,Carrier,Account Number,Service Type,Service ID,Disconnect Date',
      `STR-0142,Verizon Wireless,5-KE4X-001,mobile,555-010-0001,${addDays(PINNED_TODAY, 1)}`,
      `STR-0142,Verizon Wireless,5-KE4X-001,mobile,555-010-0002,${PINNED_TODAY}`,
    ]);
    const workspace = buildWorkspace(input({ inventory, contracts: null }));
    expect(workspace.services.map((s) => [s.serviceIdRaw, s.status, s.disconnectedOn])).toEqual([
      ['555-010-0001', 'pending-disconnect', addDays(PINNED_TODAY, 1)],
      ['555-010-0002', 'disconnected', PINNED_TODAY],
    ]);
  });

  it('asks for --setup-date-order when the setup files never tell their date order, and reads them by it', () => {
    const undecided = {
      sites: file('sites.csv', [
        'Site Code,Site Name,Cost Center,Status,Opened,Closed',
        'STR-0142,Store 142,4100,Closed,01/02/2020,03/04/2026',
      ]),
      contracts: file('contracts.csv', [
        'Contract ID,Carrier,Accounts,Start Date,Term Months,End Date',
        'VZ-1,verizon-wireless,5 KE4X 001,01/02/2024,36,03/04/2027',
      ]),
    };
    const refusal = () => buildWorkspace(input(undecided));
    expect(refusal).toThrow(CliError);
    expect(refusal).toThrow(
      /"01\/02\/2020" could be 2020-01-02 or 2020-02-01; run again with --setup-date-order MDY \(month first\) or DMY \(day first\)\./,
    );
    const inventory = file('inventory.csv', [
      'Site Code,Carrier,Account Number,Service Type,Service ID,Install Date',
      'STR-0142,Verizon Wireless,5-KE4X-001,mobile,555-010-0001,05/06/2024',
    ]);
    expect(() => buildWorkspace(input({ inventory }))).toThrow(/--setup-date-order MDY/);
    const workspace = buildWorkspace(input({ ...undecided, inventory, setupDateOrder: 'DMY' }));
    expect(workspace.sites.map((s) => [s.code, s.status, s.closedOn])).toEqual([
      ['STR-0142', 'closed', '2026-04-03'],
    ]);
    expect(workspace.contracts.map((c) => [c.id, c.startDate, c.endDate])).toEqual([
      ['VZ-1', '2024-02-01', '2027-04-03'],
    ]);
    expect(workspace.services.map((s) => s.activatedOn)).toEqual(['2024-06-05']);
  });

  it('asks for an inventory column by the name it must have, not to choose one', () => {
    const lacking = input({
      inventory: file('inventory.csv', [
        'Site Name,Carrier,Account Number,Service ID',
        'Store 142,Verizon Wireless,5-KE4X-001,555-010-0001',
      ]),
    });
    expect(() => buildWorkspace(lacking)).toThrow(
      new CliError(
        'The inventory file "inventory.csv" lacks required columns (its header is: Site Name, Carrier, Account Number, Service ID). Add a column named Site Code (or Site, Site ID).',
      ),
    );
  });

  it('warns about contracts the contracts file does not have', () => {
    expect(buildWorkspace(input()).warnings).toEqual([
      'The inventory file "inventory.csv" names contracts the contracts file does not have for their carrier (1 row; the first: Row 3: there is no contract “NOPE”.) Those services are matched to their account\'s contract.',
    ]);
    expect(buildWorkspace(input({ contracts: null })).warnings).toEqual([]);
  });

  it.each([
    ['555-010-0002', null],
    [
      'NO-SUCH-CIRCUIT',
      'The rates file "rates.csv" has a problem:\n  - Row 2, column "Service ID": "NO-SUCH-CIRCUIT" is not a service in the inventory; add it first or leave the cell blank.',
    ],
  ])('applies a rate for service %j, or refuses it with %j', (serviceId, error) => {
    const rates = file('rates.csv', [
      'Contract ID,Plan Or Service Type,Service ID,Monthly Rate',
      `VZ-1,,${serviceId},35.00`,
    ]);
    if (error !== null) {
      expect(() => buildWorkspace(input({ rates }))).toThrow(new CliError(error));
      return;
    }
    const workspace = buildWorkspace(input({ rates }));
    expect(workspace.contracts[0]).toMatchObject({
      serviceIds: ['service-2'],
      rateCard: [{ serviceId: 'service-2', monthlyRateCents: 35_00 }],
    });
    expect(workspace.services[1]?.contractId).toBe('VZ-1');
  });

  it('reads plan allowances from --rates: numbers, unlimited, blank for not known', () => {
    const rates = file('rates.csv', [
      'Contract ID,Plan Or Service Type,Service ID,Monthly Rate,Data Allowance GB,Voice Minutes Allowance,Messages Allowance',
      'VZ-1,Flex 2GB,,20.00,2,unlimited,',
      'VZ-1,Business Unlimited,,45.00,unlimited,unlimited,unlimited',
    ]);
    expect(buildWorkspace(input({ rates })).contracts[0]?.rateCard).toEqual([
      {
        planOrServiceType: 'Flex 2GB',
        monthlyRateCents: 20_00,
        dataAllowanceGb: 2,
        voiceMinutesAllowance: 'unlimited',
      },
      {
        planOrServiceType: 'Business Unlimited',
        monthlyRateCents: 45_00,
        dataAllowanceGb: 'unlimited',
        voiceMinutesAllowance: 'unlimited',
        messagesAllowance: 'unlimited',
      },
    ]);
    const bad = file('rates.csv', [
      'Contract ID,Plan Or Service Type,Monthly Rate,Data Allowance GB',
      'VZ-1,Flex 2GB,20.00,two',
    ]);
    expect(() => buildWorkspace(input({ rates: bad }))).toThrow(
      new CliError(
        'The rates file "rates.csv" has a problem:\n  - Row 2, column "Data Allowance GB": expected a number of GB like 10, or unlimited, or a blank cell when not known, but found "two".',
      ),
    );
  });
});
