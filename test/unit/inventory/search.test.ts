import { describe, expect, it } from 'vitest';
import {
  bothFilters,
  findServices,
  searchIndex,
  servicesFound,
} from '../../../shared/inventory/search';

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

describe('services search index', () => {
  it('is built once and answers every later search the same as a fresh one', () => {
    const index = searchIndex(ROWS);
    for (const search of ['ana', '555.010.0003', '(555) 010-0002', 'dhec 554433', 'lumen'])
      expect(findServices(index, search)).toEqual(servicesFound(ROWS, search));
    // A phone search after another one reuses the parsed keys and still finds the right line.
    expect([...(findServices(index, '+1 (555) 010-0003') ?? [])]).toEqual(['b']);
  });

  it('never matches across two fields of a row', () => {
    // “Verizon Wireless” is followed by the account “842012345-00001”: one field each.
    expect([...(servicesFound(ROWS, 'wireless842') ?? [])]).toEqual([]);
    expect([...(servicesFound(ROWS, 'wireless') ?? [])]).toEqual(['a', 'b']);
  });

  it('does not take a number ending with the same digits for the one searched', () => {
    const rows = [row('x', '555-010-0002'), row('y', '555-020-0002'), row('z', '666-010-0002')];
    expect([...(servicesFound(rows, '(555) 010-0002') ?? [])]).toEqual(['x']);
    expect([...(servicesFound(rows, '+1 666 010 0002') ?? [])]).toEqual(['z']);
  });
});
