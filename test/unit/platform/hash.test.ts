import { describe, expect, it } from 'vitest';
import { sha256Hex as referenceSha256 } from '../../../shared/backup/sha256';
import { sha256Hex } from '../../../renderer/platform/hash';

describe('sha256Hex (WebCrypto, how a re-imported file is recognised)', () => {
  it('gives the standard digest', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('hashes only the bytes of a view, not the rest of its buffer, and leaves them as they were', async () => {
    const whole = new Uint8Array(4096).map((_, i) => (i * 31) % 251);
    const view = whole.subarray(1000, 3000);
    const before = [...view];
    expect(await sha256Hex(view)).toBe(referenceSha256(whole.slice(1000, 3000)));
    expect([...view]).toEqual(before);
  });

  it('takes bytes in shared memory too', async () => {
    const shared = new Uint8Array(new SharedArrayBuffer(64)).fill(7);
    expect(await sha256Hex(shared)).toBe(referenceSha256(new Uint8Array(64).fill(7)));
  });
});
