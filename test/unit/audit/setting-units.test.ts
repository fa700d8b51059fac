/**
 * Every threshold has a range, its own or its unit's, so no value can switch a check off without a
 * word: percents up to 100 (spike and overage up to 1000), whole cents, whole counts from 1; and a
 * threshold is typed as a plain decimal number (`1e9`, `0x10` are refused, not read as numbers).
 */
import { describe, expect, it } from 'vitest';
import {
  rangeOf,
  resolveSettings,
  settingFromText,
  settingProblem,
  type SettingSpec,
} from '../../../shared/audit/rule';
import { ALL_RULES } from '../../../shared/audit/rules';
import { auditSettingProblems } from '../../../shared/audit/settings';

function specOf(ruleId: string, key: string): SettingSpec {
  const spec = ALL_RULES.find((rule) => rule.id === ruleId)?.settings.find((s) => s.key === key);
  if (spec === undefined) throw new Error(`${ruleId} has no ${key} setting`);
  return spec;
}

const percent = specOf('rate-mismatch', 'tolerancePercent');
const amount = specOf('rate-mismatch', 'toleranceCents');

describe('every threshold of every rule', () => {
  const all = ALL_RULES.flatMap((rule) => rule.settings.map((spec) => ({ rule, spec })));

  it.each(all.map(({ rule, spec }) => [`${rule.id} ${spec.key}`, spec] as const))(
    '%s has a finite range holding its default',
    (_name, spec) => {
      const range = rangeOf(spec);
      expect(Number.isFinite(range.max)).toBe(true);
      expect(settingProblem(spec, spec.default)).toBeNull();
      expect(settingProblem(spec, 1_000_000_000)).not.toBeNull();
      if (spec.unit === 'cents' || spec.unit === 'count') expect(range.whole).toBe(true);
      if (spec.unit === 'count') expect(range.min).toBeGreaterThanOrEqual(1);
    },
  );

  it('percents stop at 100, but for the two rules that compare with a multiple', () => {
    const above = all
      .filter(({ spec }) => spec.unit === 'percent' && rangeOf(spec).max > 100)
      .map(({ rule, spec }) => `${rule.id} ${spec.key} ${rangeOf(spec).max}`);
    expect(above).toEqual(['spike percent 1000', 'overage percent 1000']);
  });
});

describe('a threshold as typed', () => {
  it.each(['0.5', '2', '100', '.5', ' 12.25 '])('reads %j as a number', (text) => {
    expect(settingFromText(percent, text)).toEqual({ ok: true, value: Number(text) });
  });

  it.each(['1e9', '0x10', 'Infinity', '1,000', '5%', 'ten', '-', '+5'])(
    'refuses %j: digits only',
    (text) => {
      expect(settingFromText(percent, text)).toEqual({
        ok: false,
        message: `Tolerance as a share of the rate must be a number from 0 to 100 %, written in digits like 0.5; “${text}” is not.`,
      });
    },
  );

  it('refuses a percent above 100, which would switch the check off', () => {
    expect(settingFromText(percent, '1000000000')).toEqual({
      ok: false,
      message:
        'Tolerance as a share of the rate must be a number from 0 to 100 %; 1000000000 is not.',
    });
  });

  it('refuses a fraction of a cent in an amount in cents', () => {
    expect(settingFromText(amount, '0.5')).toEqual({
      ok: false,
      message:
        'Tolerance as an amount must be a whole number from 0 to 1,000,000 cents; 0.5 is not.',
    });
    expect(settingFromText(amount, '75')).toEqual({ ok: true, value: 75 });
  });
});

describe('a stored threshold outside its unit’s range', () => {
  it('is not used: the check runs with its default, and it is said', () => {
    const settings = { 'rate-mismatch': { tolerancePercent: 1e9, toleranceCents: 0.5 } };
    expect(resolveSettings(settings, 'rate-mismatch', [percent, amount])).toEqual({
      tolerancePercent: 0.5,
      toleranceCents: 50,
    });
    expect(
      auditSettingProblems(
        settings,
        ALL_RULES.filter((rule) => rule.id === 'rate-mismatch'),
      ),
    ).toEqual([
      'Billed above the contract rate (rate-mismatch): Tolerance as a share of the rate must be a number from 0 to 100 %; 1000000000 is not. The check uses its default, 0.5 %.',
      'Billed above the contract rate (rate-mismatch): Tolerance as an amount must be a whole number from 0 to 1,000,000 cents; 0.5 is not. The check uses its default, 50 cents.',
    ]);
  });
});
