import { describe, expect, it } from 'vitest';
import { bothFilters, servicesFound } from '../../../shared/inventory/search';

const row = (id: string, serviceIdRaw: string, overrides = {}) => ({
  id,
  serviceIdRaw,
  site: 'STR-0300',
  carrier: 'Verizon Wireless',
  accountNumber: '842012345-00001',
  plan: 'Business Unlimited',
  userName: '',
  department: '',
  contract: '',
  chargedTo: '4100',
  ...overrides,
});
const ROWS = [
  row('a', '555-010-0002'),
  row('b', '+1 555 010 0003', { userName: 'Ana Ruiz' }),
  row('c', 'DHEC.554433..WIN', { carrier: 'Lumen', plan: '100M DIA' }),
];

describe('services quick search', () => {
  it.each([
    ['555-010-0002', ['a']],
    ['5550100002', ['a']],
    ['(555) 010-0002', ['a']],
    ['+1 (555) 010-0002', ['a']],
    ['555.010.0003', ['b']],
    ['0100003', ['b']],
    ['dhec 554433', ['c']],
    ['DHEC554433WIN', ['c']],
    ['ana', ['b']],
    ['lumen', ['c']],
    ['555-999', []],
  ])('“%s” finds %j', (search, ids) => {
    expect([...(servicesFound(ROWS, search) ?? [])]).toEqual(ids);
  });

  it('finds every row when blank, and combines with the other filters', () => {
    expect(servicesFound(ROWS, '  ')).toBeNull();
    expect(bothFilters(new Set(['a', 'b']), new Set(['b', 'c']))).toEqual(new Set(['b']));
    expect(bothFilters(null, new Set(['c']))).toEqual(new Set(['c']));
  });
});
