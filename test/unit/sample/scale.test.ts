import { describe, expect, it } from 'vitest';
import { isoMonth } from '../../../shared/dates';
import { estimateChargeLines, generateSampleCompany } from '../../fixtures/generate/sample-company';
import { defaultSample } from './sample-files';

describe('sample company scale', () => {
  it('estimates the default company within 3 %', () => {
    const company = defaultSample();
    expect(company.chargeLineCount).toBeGreaterThan(50_000);
    expect(Math.abs(estimateChargeLines() / company.chargeLineCount - 1)).toBeLessThan(0.03);
  });

  it('reaches a million charge lines with months: 36 and scale: 6', () => {
    expect(estimateChargeLines({ months: 36, scale: 6 })).toBeGreaterThanOrEqual(1_000_000);
    expect(estimateChargeLines({ months: 36, scale: 1 })).toBeLessThan(300_000);
  });

  it('generates a ~50,000-line company that matches its estimate and keeps every planted error', () => {
    const options = { seed: 99, months: 9, scale: 0.9, endMonth: isoMonth(2027, 3) };
    const company = generateSampleCompany(options);
    expect(company.months).toHaveLength(9);
    expect(company.months[8]).toBe('2027-03');
    expect(company.chargeLineCount).toBeGreaterThan(30_000);
    expect(Math.abs(estimateChargeLines(options) / company.chargeLineCount - 1)).toBeLessThan(0.03);
    const rules = new Set(company.plantedErrors.map((e) => e.ruleId));
    expect(rules.size).toBe(new Set(defaultSample().plantedErrors.map((e) => e.ruleId)).size);
    const mobile = company.services.filter((s) => s.type === 'mobile-line').length;
    expect(mobile).toBe(
      Math.round(600 * 0.9) + Math.round(300 * 0.9) + Math.round(450 * 0.9) + Math.round(150 * 0.9),
    );
  });

  it('refuses fewer than 6 months and a non-positive scale', () => {
    expect(() => generateSampleCompany({ months: 5 })).toThrow(RangeError);
    expect(() => generateSampleCompany({ scale: 0 })).toThrow(RangeError);
  });
});
