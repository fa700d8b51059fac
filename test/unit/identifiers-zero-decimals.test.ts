/**
 * A long number with `.0` after it (`5550100001.0`, what pandas or a database export writes for
 * an identifier it read as a number) is the same identifier: it matches the inventory's.
 */
import { describe, expect, it } from 'vitest';
import { plainIdentifier, serviceMatchKey } from '../../shared/ids/identifiers';

describe('an identifier written with zero decimals', () => {
  it.each([
    ['5550100001.0', '5550100001'],
    ['+15550100001.00', '+15550100001'],
    ['556677123.0', '556677123'],
  ])('%s matches %s', (written, plain) => {
    expect(serviceMatchKey(written)).toBe(serviceMatchKey(plain));
    expect(plainIdentifier(written)).toBe(plain);
  });

  it('leaves short numbers, other decimals and circuit IDs as they are', () => {
    expect(plainIdentifier('12.0')).toBe('12.0');
    expect(plainIdentifier('5550100001.5')).toBe('5550100001.5');
    expect(plainIdentifier('BBEC.556677.0')).toBe('BBEC.556677.0');
  });
});
