import { describe, expect, it } from 'vitest';
import {
  type ImportLimits,
  DEFAULT_IMPORT_LIMITS,
  importLimits,
  importLimitsForm,
  importLimitsFromForm,
} from '../../../shared/import/limits';

const MB = 1024 * 1024;

describe('importLimits', () => {
  it('keeps the defaults for stored values of the wrong type or out of range', () => {
    const stored = {
      maxFileBytes: 'lots',
      maxArchiveBytes: -1,
      maxCompressionRatio: Number.NaN,
      allowDatesOutsideYears: 'yes',
      maxLineChars: 5_000,
    } as unknown as Partial<ImportLimits>;
    expect(importLimits(stored)).toEqual({ ...DEFAULT_IMPORT_LIMITS, maxLineChars: 5_000 });
  });
});

describe('the Import limits settings form', () => {
  it('shows the defaults in megabytes', () => {
    expect(importLimitsForm({})).toEqual({
      maxFileMb: '100',
      maxArchiveMb: '500',
      maxCompressionRatio: '200',
      allowDatesOutsideYears: false,
    });
  });

  it('keeps only the limits that differ from the defaults', () => {
    const form = { ...importLimitsForm({}), maxFileMb: '250', allowDatesOutsideYears: true };
    expect(importLimitsFromForm(form)).toEqual({
      ok: true,
      limits: { maxFileBytes: 250 * MB, allowDatesOutsideYears: true },
    });
  });

  it('round-trips what it saved', () => {
    const saved = { maxArchiveBytes: 1024 * MB, maxCompressionRatio: 500 };
    expect(importLimitsFromForm(importLimitsForm(saved))).toEqual({ ok: true, limits: saved });
    expect(importLimits(saved).maxFileBytes).toBe(DEFAULT_IMPORT_LIMITS.maxFileBytes);
  });

  it.each([
    ['maxFileMb', 'lots', 'Largest file must be a number above 0 and at most 2,048.'],
    ['maxArchiveMb', '0', 'Largest ZIP must be a number above 0 and at most 2,048.'],
    [
      'maxCompressionRatio',
      '',
      'Highest compression ratio must be a number above 0 and at most 100,000.',
    ],
  ] as const)('refuses %s = "%s" with a sentence', (field, text, message) => {
    expect(importLimitsFromForm({ ...importLimitsForm({}), [field]: text })).toEqual({
      ok: false,
      message,
    });
  });
});
