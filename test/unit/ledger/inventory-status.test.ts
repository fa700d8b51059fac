import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates';
import { PINNED_TODAY } from '../../helpers/clock';
import { guessInventoryMapping, readInventoryRows } from '../../../shared/inventory/import';
import { readTabularFile } from '../../../shared/inventory/table-file';
import { planInventory } from '../../../shared/ledger/inventory';
import type { Service } from '../../../shared/model';
import { makeService, makeSite } from '../../helpers/inventory';
import { day } from '../contracts/helpers';
import { VERIZON, VERIZON_ACCOUNT, makeDoor } from './helpers';

/** Reads an inventory file and plans it against `services`: the services it stores. */
function importFile(lines: readonly string[], services: readonly Service[] = []): Service[] {
  const table = readTabularFile('inventory.csv', new TextEncoder().encode(lines.join('\n')));
  if (!table.ok) throw new Error(JSON.stringify(table.errors));
  const { drafts, errors } = readInventoryRows(
    table.value,
    guessInventoryMapping(table.value.header),
    PINNED_TODAY,
  );
  expect(errors).toEqual([]);
  const { newId, org } = makeDoor();
  const plan = planInventory(
    drafts,
    { sites: [makeSite()], costCenters: [], services, contracts: [] },
    org,
    { newId, unknownCostCenters: 'refuse', unknownContracts: 'refuse' },
  );
  expect(plan.refusals).toEqual([]);
  return plan.services;
}

type Fields = Partial<Service>;

const stored = (overrides: Fields) =>
  makeService({ carrierId: VERIZON.id, accountId: VERIZON_ACCOUNT.id, ...overrides });

describe('an inventory file with a Disconnect Date column and no Status column', () => {
  const header = 'Site Code,Carrier,Account Number,Service ID,Disconnect Date';
  const blank = 'STR-0142,Verizon Wireless,5-KE4X-001,555-010-0001,';

  it('adds a service whose disconnect date is blank as an active one', () => {
    expect(importFile([header, blank])).toEqual([
      expect.objectContaining({ status: 'active', serviceKey: '+15550100001' }),
    ]);
    expect(importFile([header, blank])[0]).not.toHaveProperty('disconnectedOn');
  });

  it.each<[string, Partial<Service>, Partial<Service>]>([
    [
      'a disconnected service whose date the file clears is active again, never disconnected with no date',
      { status: 'disconnected', disconnectedOn: day('2026-03-31'), activatedOn: day('2024-01-15') },
      { status: 'active', activatedOn: day('2024-01-15') },
    ],
    [
      'a disconnected service with no stored date is active',
      { status: 'disconnected' },
      { status: 'active' },
    ],
    ['an active service stays active', { status: 'active' }, { status: 'active' }],
    ['an ordered service stays ordered', { status: 'ordered' }, { status: 'ordered' }],
    [
      'a pending disconnect with no planned date stays pending',
      { status: 'pending-disconnect' },
      { status: 'pending-disconnect' },
    ],
  ])('%s', (_, before, after) => {
    const [service] = importFile([header, blank], [stored(before)]);
    expect(service).toMatchObject({ id: 'service-1', ...after });
    expect(service).not.toHaveProperty('disconnectedOn');
  });

  describe('a Disconnect Date is read as of today (pinned)', () => {
    const row = (date: string) => `STR-0142,Verizon Wireless,5-KE4X-001,555-010-0001,${date}`;
    const tomorrow = addDays(PINNED_TODAY, 1);
    const yesterday = addDays(PINNED_TODAY, -1);

    it.each<[string, Service[]]>([
      ['a new service', []],
      ['an active service', [stored({ status: 'active' })]],
    ])(
      '%s with a date after today stays in service: a pending disconnect with its date, not disconnected',
      (_, services) => {
        const [service] = importFile([header, row(tomorrow)], services);
        expect(service).toMatchObject({ status: 'pending-disconnect', disconnectedOn: tomorrow });
      },
    );

    it.each<[string, Service[]]>([
      ['a new service', []],
      ['an active service', [stored({ status: 'active' })]],
    ])('%s with a date today or earlier is disconnected on it', (_, services) => {
      for (const date of [PINNED_TODAY, yesterday]) {
        const [service] = importFile([header, row(date)], services);
        expect(service).toMatchObject({ status: 'disconnected', disconnectedOn: date });
      }
    });

    it('with a Status column: Active and a date to come is a pending disconnect, a status written otherwise is kept', () => {
      const withStatus = 'Site Code,Carrier,Account Number,Service ID,Status,Disconnect Date';
      const line = (status: string) =>
        `STR-0142,Verizon Wireless,5-KE4X-001,555-010-0001,${status},${tomorrow}`;
      expect(importFile([withStatus, line('Active')])[0]).toMatchObject({
        status: 'pending-disconnect',
        disconnectedOn: tomorrow,
      });
      expect(importFile([withStatus, line('')])[0]?.status).toBe('pending-disconnect');
      expect(importFile([withStatus, line('Disconnected')])[0]?.status).toBe('disconnected');
      expect(importFile([withStatus, line('Ordered')])[0]?.status).toBe('ordered');
    });
  });

  it('keeps a planned disconnect and its date: a carrier export leaves the date blank until the line is cut', () => {
    const [service] = importFile(
      [header, blank],
      [stored({ status: 'pending-disconnect', disconnectedOn: day('2026-12-31') })],
    );
    expect(service).toMatchObject({
      id: 'service-1',
      status: 'pending-disconnect',
      disconnectedOn: day('2026-12-31'),
    });
  });

  it('keeps the status and the date of a file with neither column', () => {
    const [service] = importFile(
      ['Site Code,Carrier,Account Number,Service ID,User', `${blank}Ann`],
      [stored({ status: 'disconnected', disconnectedOn: day('2026-03-31') })],
    );
    expect(service).toMatchObject({
      status: 'disconnected',
      disconnectedOn: '2026-03-31',
      userName: 'Ann',
    });
  });

  it.each(['Disconnection Date', 'Date Disconnected', 'Disconnected Date', 'Cancel Date'])(
    'reads a %j column as the disconnect date',
    (column) => {
      const [service] = importFile([
        `Site Code,Carrier,Account Number,Service ID,${column}`,
        `${blank}2026-03-31`,
      ]);
      expect(service).toMatchObject({ status: 'disconnected', disconnectedOn: '2026-03-31' });
    },
  );

  it('leaves a disconnected line of the number on another account alone: the row is the live one', () => {
    const old = stored({ id: 'service-old', accountId: 'account-old', status: 'disconnected' });
    const live = stored({ id: 'service-live', status: 'active' });
    expect(importFile([header, blank], [old, live]).map(({ id, status }) => [id, status])).toEqual([
      ['service-live', 'active'],
    ]);
  });
});
