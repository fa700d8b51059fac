import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountNumberKey, carrierKey, displayText, invoiceKey } from '../../../shared/ids/keys';
import { uniqueFileNames } from '../../../shared/ledger/file-names';
import { OrgResolver, sequentialIds } from '../../../shared/ledger/org';

/** The same text with other spacing, case and punctuation, as carriers and users write it. */
function variant(text: string) {
  return fc
    .tuple(
      fc.array(fc.constantFrom(' ', '  ', '-', '.', '/', '_', '\t', ''), {
        minLength: text.length + 1,
        maxLength: text.length + 1,
      }),
      fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }),
    )
    .map(([gaps, upper]) =>
      [...text]
        .map((char, i) => `${gaps[i] ?? ''}${upper[i] ? char.toUpperCase() : char.toLowerCase()}`)
        .join('')
        .concat(gaps[text.length] ?? ''),
    );
}

describe('identity keys', () => {
  it.each([
    ['Verizon  Wireless', 'VERIZON WIRELESS'],
    [' verizon wireless ', 'Verizon-Wireless'],
    ['AT&T Mobility', 'AT and T Mobility'.replace(' and ', '&')],
    ['Télus', 'TELUS'],
  ])('carrier %j is carrier %j', (a, b) => {
    expect(carrierKey(a)).toBe(carrierKey(b));
  });

  it.each([
    ['5-KE4X-001', '5KE4X001'],
    ['123456789-00001', '123456789 00001'],
    [' 0012 3456 ', '0012-3456'],
  ])('account %j is account %j', (a, b) => {
    expect(accountNumberKey(a)).toBe(accountNumberKey(b));
  });

  it('keeps leading zeros and different numbers apart', () => {
    expect(accountNumberKey('012345')).not.toBe(accountNumberKey('12345'));
    expect(invoiceKey('Lumen', '1', '2')).not.toBe(invoiceKey('Lumen', '1', '3'));
  });

  it('any spacing, case or punctuation variant maps to one carrier and one account record', () => {
    fc.assert(
      fc.property(
        variant('Verizon Wireless'),
        variant('Verizon Wireless'),
        variant('5KE4X001'),
        variant('5KE4X001'),
        (carrierA, carrierB, accountA, accountB) => {
          const org = new OrgResolver([], [], sequentialIds());
          const a = org.account(org.carrierId(carrierA), accountA);
          const b = org.account(org.carrierId(carrierB), accountB);
          expect(b.id).toBe(a.id);
          expect(org.createdCarriers).toHaveLength(1);
          expect(org.createdAccounts).toHaveLength(1);
          expect(invoiceKey(carrierA, accountA, 'INV-1')).toBe(
            invoiceKey(carrierB, accountB, 'inv 1'),
          );
        },
      ),
    );
  });

  it('finds stored records by key and keeps their display form', () => {
    const org = new OrgResolver(
      [{ id: 'c1', name: 'Verizon Wireless' }],
      [{ id: 'a1', carrierId: 'c1', accountNumber: '5-KE4X-001', status: 'open' }],
      sequentialIds(),
    );
    expect(org.carrierId('VERIZON  WIRELESS')).toBe('c1');
    expect(org.account('c1', '5KE4X001').accountNumber).toBe('5-KE4X-001');
    expect(org.createdCarriers).toEqual([]);
    expect(org.carrier('  Lumen   Technologies ').name).toBe('Lumen Technologies');
    expect(displayText('  a \t b ')).toBe('a b');
  });
});

describe('unique file names', () => {
  it.each([
    [
      ['a/AccountSummary.txt', 'b/Other.txt'],
      ['AccountSummary.txt', 'Other.txt'],
    ],
    [
      ['bills/2026-09/AccountSummary.txt', 'bills/2026-10/AccountSummary.txt'],
      ['2026-09/AccountSummary.txt', '2026-10/AccountSummary.txt'],
    ],
    [
      ['x/2026-09/A.txt', 'y/2026-09/A.txt', 'z/B.txt'],
      ['x/2026-09/A.txt', 'y/2026-09/A.txt', 'B.txt'],
    ],
    [
      ['A.txt', 'A.txt'],
      ['A.txt', 'A.txt (2)'],
    ],
    [
      ['C:\\bills\\09\\A.txt', 'C:\\bills\\10\\A.txt'],
      ['09/A.txt', '10/A.txt'],
    ],
  ])('%j → %j', (paths, names) => {
    expect(uniqueFileNames(paths)).toEqual(names);
  });
});
