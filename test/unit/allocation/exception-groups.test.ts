/**
 * The chargeback's Exceptions panel groups the month's unallocated lines by what one fix cures: one
 * service is one group however its bills write its number (`555-123-4567`, `5551234567`), shown in
 * one readable spelling, its lines counted and its amounts summed to the cent.
 */
import { describe, expect, it } from 'vitest';
import type { AllocationException } from '../../../shared/allocation';
import { cents } from '../../../shared/money/cents';
import { groupExceptions } from '../../../shared/allocation/exception-groups';
import { makeService } from '../../helpers/inventory';

function exception(overrides: Partial<AllocationException>): AllocationException {
  return {
    kind: 'unknown-service',
    invoiceId: 'invoice-1',
    carrierId: 'carrier-1',
    accountNumber: '5-KE4X-001',
    invoiceNumber: 'INV-1',
    serviceIdRaw: '555-123-4567',
    category: 'recurring',
    description: 'Unlimited',
    sourceRow: 2,
    amount: cents(10_01),
    costCenterId: null,
    message: 'Service not in the inventory.',
    ...overrides,
  };
}

const NONE = { services: [], sites: [], accounts: [] };

describe('the chargeback exceptions, grouped', () => {
  const spellings = [
    exception({ serviceIdRaw: '555-123-4567', amount: cents(10_01) }),
    exception({ serviceIdRaw: '5551234567', amount: cents(20_02), sourceRow: 3 }),
    exception({ serviceIdRaw: '(555) 123-4567', amount: cents(3), sourceRow: 4 }),
    exception({ serviceIdRaw: '5551234567', amount: cents(-5_00), sourceRow: 5 }),
    // The same account written without its dashes.
    exception({ accountNumber: '5KE4X001', serviceIdRaw: '555.123.4567', amount: cents(1_00) }),
  ];

  it('one service written several ways is one group: its lines counted, its amounts summed to the cent', () => {
    const groups = groupExceptions(spellings, NONE);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ lines: 5, amount: 26_06 });
    // Shown as most of its lines write it.
    expect(groups[0]?.serviceIdRaw).toBe('5551234567');
  });

  it('shows the inventory’s spelling when the service is in it', () => {
    const service = makeService({
      id: 'svc-1',
      carrierId: 'carrier-1',
      serviceIdRaw: '555-123-4567',
      serviceKey: '+15551234567',
    });
    const groups = groupExceptions(
      spellings.map((e) => ({ ...e, kind: 'no-cost-center' as const })),
      { ...NONE, services: [service] },
    );
    expect(groups.map((g) => [g.serviceIdRaw, g.lines, g.amount, g.service?.id])).toEqual([
      ['555-123-4567', 5, 26_06, 'svc-1'],
    ]);
  });

  it('keeps apart other services, other problems and account-level charges', () => {
    const groups = groupExceptions(
      [
        ...spellings,
        exception({ serviceIdRaw: '555-123-4568', amount: cents(7_00) }),
        exception({ kind: 'closed-site', amount: cents(3_00) }),
        exception({ serviceIdRaw: '', amount: cents(2_00) }),
      ],
      NONE,
    );
    expect(groups.map((g) => [g.kind, g.serviceIdRaw, g.lines, g.amount])).toEqual([
      ['unknown-service', '5551234567', 5, 26_06],
      ['unknown-service', '555-123-4568', 1, 7_00],
      ['closed-site', '555-123-4567', 1, 3_00],
      ['unknown-service', '', 1, 2_00],
    ]);
  });

  it('names the service the allocation found for the lines, not another account’s of that number', () => {
    // One number, a service on two accounts of the carrier: the lines are account 001's.
    const ours = makeService({
      id: 'svc-ours',
      carrierId: 'carrier-1',
      serviceIdRaw: '555-123-4567',
      serviceKey: '+15551234567',
    });
    const theirs = makeService({
      id: 'svc-theirs',
      carrierId: 'carrier-1',
      serviceIdRaw: '555-123-4567',
      serviceKey: '+15551234567',
    });
    const groups = groupExceptions([exception({ kind: 'no-cost-center', serviceId: 'svc-ours' })], {
      ...NONE,
      services: [ours, theirs],
    });
    // Its "Set on service" sets the cost center of this service, the one whose lines are unallocated.
    expect(groups.map((g) => g.service?.id)).toEqual(['svc-ours']);
  });
});
