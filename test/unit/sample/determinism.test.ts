import { describe, expect, it } from 'vitest';
import { generateSampleCompany } from '../../fixtures/generate/sample-company';
import { defaultSample } from './sample-files';

describe('sample company determinism', () => {
  it('gives byte-identical files and identical data for the same seed', () => {
    const first = defaultSample();
    const second = generateSampleCompany({ seed: first.seed });
    expect(second.files.map((file) => file.name)).toEqual(first.files.map((file) => file.name));
    second.files.forEach((file, i) => {
      expect(
        Buffer.from(file.bytes).equals(Buffer.from(first.files[i]?.bytes ?? new Uint8Array())),
      ).toBe(true);
    });
    expect(second.plantedErrors).toEqual(first.plantedErrors);
    expect(second.services).toEqual(first.services);
    expect(second.expectedTotals).toEqual(first.expectedTotals);
  });

  it('gives different data for a different seed', () => {
    const first = defaultSample();
    const other = generateSampleCompany({ seed: 7 });
    const differing = other.files.filter(
      (file, i) =>
        !Buffer.from(file.bytes).equals(Buffer.from(first.files[i]?.bytes ?? new Uint8Array())),
    );
    expect(differing.length).toBe(other.files.length);
    expect(other.accounts.map((a) => a.accountNumber)).not.toEqual(
      first.accounts.map((a) => a.accountNumber),
    );
  });

  it('does not depend on the time zone or the clock (ZIP timestamps come from the bill date)', () => {
    const zip = defaultSample().files.find((file) => file.name.endsWith('.zip'));
    expect(zip).toBeDefined();
    const bytes = zip?.bytes ?? new Uint8Array();
    // Local file header: DOS date at offset 12 (little endian): year-1980 << 9 | month << 5 | day.
    const dosDate = (bytes[12] ?? 0) | ((bytes[13] ?? 0) << 8);
    expect(1980 + (dosDate >> 9)).toBe(Number(zip?.month.slice(0, 4)));
    expect((dosDate >> 5) & 0xf).toBe(Number(zip?.month.slice(5, 7)));
  });
});
