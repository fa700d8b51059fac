import { createHash } from 'node:crypto';
import { strToU8 } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sha256, sha256Hex } from '../../../shared/backup/sha256';

describe('sha256', () => {
  // FIPS 180-2 appendix B and the NIST example vectors.
  it.each([
    ['the empty message', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['"abc"', 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'the 448-bit message',
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    [
      'the 896-bit message',
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
  ])('hashes %s', (_name, message, expected) => {
    expect(sha256Hex(strToU8(message))).toBe(expected);
  });

  it('hashes one million "a"s', () => {
    const million = new Uint8Array(1_000_000).fill(0x61);
    expect(sha256Hex(million)).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('gives the same hash however the message is split into updates', () => {
    const million = new Uint8Array(1_000_000).fill(0x61);
    const hasher = new Sha256();
    for (let start = 0; start < million.length; start += 777) {
      hasher.update(million.subarray(start, start + 777));
    }
    expect(Buffer.from(hasher.digest()).toString('hex')).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('agrees with Node for random messages and random splits (lengths around block edges)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(300), (bytes, cut) => {
        const split = Math.min(cut, bytes.length);
        const hasher = new Sha256().update(bytes.subarray(0, split)).update(bytes.subarray(split));
        const expected = createHash('sha256').update(bytes).digest('hex');
        expect(Buffer.from(hasher.digest()).toString('hex')).toBe(expected);
      }),
    );
  });

  it('refuses to be used after digest (a programmer error)', () => {
    const hasher = new Sha256();
    hasher.digest();
    expect(() => hasher.update(new Uint8Array(1))).toThrow(/after digest/);
    expect(() => hasher.digest()).toThrow(/twice/);
  });
});
